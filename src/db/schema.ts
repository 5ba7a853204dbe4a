// Dexie schema versions. APPEND-ONLY: never edit a published version, add a new one
// (with an upgrade function when data must move). tests/unit/db/schema-upgrade.test.ts
// writes a database with every earlier version and opens it with the current one.
//
// Only ids, dates, status and bookkeeping fields are indexed: case contents will be
// encrypted at rest later, so nothing personal (names!) may appear in an index.
// Search runs over an in-memory index built on load (domain/search.ts).

export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, updatedAt, status',
      persons: 'id, caseId, updatedAt',
      appointments: 'id, caseId, startsAt, updatedAt',
      notes: 'id, caseId, date, updatedAt',
      // One pending entry per record (a later write replaces the earlier one); seq keeps order.
      outbox: '++seq, &[kind+recordId]',
      settings: 'key',
    },
  },
];

export const DATABASE_NAME = 'lotse';
