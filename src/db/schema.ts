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
  {
    // Forms: the library of imported PDFs (bytes apart from the summary, so listing stays
    // light), drafts (one form for one case) and outputs (filled PDFs kept with the case).
    version: 2,
    stores: {
      forms: 'id, updatedAt',
      formFiles: 'id',
      drafts: 'id, caseId, formId, updatedAt',
      outputs: 'id, caseId, draftId, updatedAt',
    },
  },
  {
    // Team sync (sync-local-store.ts, team-repository.ts): per-record shadows (last server
    // revision, its plaintext, changes sent but not acknowledged), records that sync could
    // not apply, records of kinds this version does not know (kept, never dropped), and
    // small state rows (pull cursor, last sync, the device's team membership and keys).
    version: 3,
    stores: {
      syncShadows: '[kind+id]',
      syncProblems: '[kind+id]',
      syncForeign: '[kind+id]',
      syncState: 'key',
    },
  },
  {
    // Form packs made or imported in the app (pack-repository.ts); shipped packs stay code.
    version: 4,
    stores: {
      packs: 'id, updatedAt',
    },
  },
  {
    // Sync bookkeeping, indexed so that nothing scans every record after each sync:
    // - each shadow's key epoch (progressive re-encryption looks for older epochs);
    // - the length of a record's conflict list (`syncConflicts`, sync/merge.ts: the count in
    //   the sync status and the team screen's list of what needs review). IndexedDB reads
    //   `length` of an array in a key path; records without the list are not in the index.
    version: 5,
    stores: {
      syncShadows: '[kind+id], shadow.keyEpoch',
      cases: 'id, updatedAt, status, syncConflicts.length',
      persons: 'id, caseId, updatedAt, syncConflicts.length',
      appointments: 'id, caseId, startsAt, updatedAt, syncConflicts.length',
      notes: 'id, caseId, date, updatedAt, syncConflicts.length',
      forms: 'id, updatedAt, syncConflicts.length',
      drafts: 'id, caseId, formId, updatedAt, syncConflicts.length',
      outputs: 'id, caseId, draftId, updatedAt, syncConflicts.length',
      packs: 'id, updatedAt, syncConflicts.length',
    },
  },
];

export const DATABASE_NAME = 'lotse';
