// The local stores a client device runs on in these tests, behind one small interface, so a
// fault test runs on each: the in-memory reference store (src/sync/memory-local-store.ts),
// and the app's own Dexie store (src/db/sync-local-store.ts) on fake-indexeddb, written
// through the app's repositories (record and outbox entry in one transaction).
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openDatabase, type LotseDb } from '../../../src/db/database.js';
import { createRepositories } from '../../../src/db/repositories.js';
import { createDexieLocalStore } from '../../../src/db/sync-local-store.js';
import { emptyPerson } from '../../../src/domain/defaults.js';
import type { Person } from '../../../src/domain/types.js';
import type { LocalStore, SyncRecord } from '../../../src/sync/local-store.js';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store.js';
import { person } from './client-harness.js';

export const localStores = ['memory', 'dexie'] as const;
export type LocalStoreKind = (typeof localStores)[number];

export type LocalBook = {
  store: LocalStore;
  /** A new person, written the way this store is written to; its id. */
  addPerson: (fields?: Partial<Person>) => Promise<string>;
  /** Every stored person (tombstones too), by id. */
  persons: () => Promise<Map<string, SyncRecord>>;
  /** The same data as another tab of the app sees it: on Dexie its own connection. */
  otherTab: () => Promise<LocalStore>;
};

const opened: LotseDb[] = [];

/** Closes and deletes the Dexie databases opened so far. */
export async function deleteLocalBooks(): Promise<void> {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
}

export async function createLocalBook(kind: LocalStoreKind): Promise<LocalBook> {
  if (kind === 'memory') {
    const store = createMemoryLocalStore();
    return {
      store,
      addPerson: (fields = {}) => {
        const record = person(fields);
        store.write('person', record);
        return Promise.resolve(record.id);
      },
      persons: () =>
        Promise.resolve(
          new Map(
            [...store.records()]
              .filter(([key]) => key.startsWith('person/'))
              .map(([, record]) => [record.id, record]),
          ),
        ),
      otherTab: () => Promise.resolve(store),
    };
  }
  const name = `device-${randomUUID()}`;
  const open = async (): Promise<LotseDb> => {
    const db = openDatabase(name);
    await db.open();
    opened.push(db);
    return db;
  };
  const db = await open();
  const repositories = createRepositories(db);
  const caseId = randomUUID();
  return {
    store: createDexieLocalStore(db),
    addPerson: async (fields = {}) => {
      const created = await repositories.persons.create({ ...emptyPerson(caseId), ...fields });
      if (!created.ok) throw new Error(`person not saved: ${created.code}`);
      return created.value.id;
    },
    persons: async () => new Map((await db.persons.toArray()).map((p) => [p.id, p as SyncRecord])),
    otherTab: async () => createDexieLocalStore(await open()),
  };
}
