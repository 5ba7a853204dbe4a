// Unit tests run in Node; repositories run against fake-indexeddb, a complete
// in-memory IndexedDB implementation.
import 'fake-indexeddb/auto';
