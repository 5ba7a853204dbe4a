// The Dexie implementation of the sync engine's LocalStore (src/sync/local-store.ts; the
// in-memory reference is src/sync/memory-local-store.ts).
//
// - Records arriving from sync go straight into their tables (cases … outputs) WITHOUT an
//   outbox entry; records of kinds this version does not know go to `syncForeign`, kept
//   as they came (unknown fields included) and synced like any other.
// - `apply` is ONE IndexedDB transaction: it checks the expected outbox seqs, then writes
//   records, shadows, problems and the pull cursor together — all of it or nothing.
// - Output records carry their PDF bytes; those do not travel inside the record (the
//   ciphertext limit is 256 KiB) but as an encrypted blob the record references
//   (`record.blob`, sync/blob-sync.ts). Local bytes are kept when a remote version arrives;
//   a remote-only output arrives with empty bytes and goes on the download list in the
//   same transaction (sync-blob-store.ts), like a form whose `formFiles` row is missing.
// - A storage failure (quota!) makes `apply` refuse the batch: nothing is written, the
//   cursor stays, `storageFailure()` reports the code for the UI, and `setLastSyncedAt`
//   does nothing until an apply succeeds again — the status never claims "synced" then.
import type { Table } from 'dexie';
import type {
  ApplyBatch,
  LocalStore,
  RecordKey,
  RecordProblem,
  RecordShadow,
  SyncMeta,
  SyncRecord,
  SyncState,
} from '../sync/local-store';
import { CONFLICTS_FIELD } from '../sync/merge';
import { rolledBackShadow } from '../sync/rollback';
import type { LotseDb, OutboxEntry } from './database';
import { storageErrorCode, type StorageErrorCode } from './storage-error';
import { isAttachmentKind, noteAttachment } from './sync-blob-store';
import { SYNC_META_KEY } from './sync-tables';

/** The index on the length of a record's conflict list (schema.ts, version 5). */
export const CONFLICTS_LENGTH_INDEX = `${CONFLICTS_FIELD}.length`;

/** Record kind → its table. Kinds not listed here are kept in `syncForeign`. */
export const SYNC_TABLE_OF_KIND = {
  case: 'cases',
  person: 'persons',
  appointment: 'appointments',
  note: 'notes',
  form: 'forms',
  draft: 'drafts',
  output: 'outputs',
  pack: 'packs',
} as const;

type KnownKind = keyof typeof SYNC_TABLE_OF_KIND;

const isKnownKind = (kind: string): kind is KnownKind => Object.hasOwn(SYNC_TABLE_OF_KIND, kind);

/** Fields kept on this device only, never sent (output bytes travel as blobs). */
const LOCAL_ONLY_FIELDS: Partial<Record<KnownKind, readonly string[]>> = { output: ['bytes'] };

export type DexieLocalStore = LocalStore & {
  /** The storage failure of the last apply (null once an apply succeeds again). */
  storageFailure(): StorageErrorCode | null;
  /** Records holding open conflicts (merge.ts's conflict list), for the status. */
  countConflicted(): Promise<number>;
};

type AnyTable = Table<SyncRecord, string>;

function withoutLocalFields(kind: string, record: SyncRecord): SyncRecord {
  const fields = isKnownKind(kind) ? LOCAL_ONLY_FIELDS[kind] : undefined;
  if (!fields) return record;
  const copy: SyncRecord = { ...record };
  for (const field of fields) delete copy[field];
  return copy;
}

export function createDexieLocalStore(db: LotseDb): DexieLocalStore {
  const recordTable = (kind: KnownKind): AnyTable =>
    db.table(SYNC_TABLE_OF_KIND[kind]) as unknown as AnyTable;
  const recordTables = Object.keys(SYNC_TABLE_OF_KIND).map((k) => recordTable(k as KnownKind));
  const applyTables = [
    ...recordTables,
    db.formFiles,
    db.outbox,
    db.syncShadows,
    db.syncProblems,
    db.syncForeign,
    db.syncState,
  ];
  let failure: StorageErrorCode | null = null;

  async function readMeta(): Promise<SyncMeta> {
    const row = await db.syncState.get(SYNC_META_KEY);
    const value = row?.value as Partial<SyncMeta> | undefined;
    return {
      cursor: value?.cursor ?? 0,
      ...(typeof value?.cursorChange === 'string' ? { cursorChange: value.cursorChange } : {}),
      ...(typeof value?.ackedSeq === 'number' && typeof value.ackedChange === 'string'
        ? { ackedSeq: value.ackedSeq, ackedChange: value.ackedChange }
        : {}),
      lastSyncedAt: value?.lastSyncedAt ?? null,
    };
  }

  async function outboxSeqOf(kind: string, id: string): Promise<number | null> {
    const entry = await db.outbox.where({ kind, recordId: id }).first();
    return entry?.seq ?? null;
  }

  async function readRecord(kind: string, id: string): Promise<SyncRecord | undefined> {
    if (!isKnownKind(kind)) return (await db.syncForeign.get([kind, id]))?.record;
    const record = await recordTable(kind).get(id);
    return record && withoutLocalFields(kind, record);
  }

  /** Local versions of many records: one bulk read per table (foreign kinds included). */
  async function readRecords(keys: readonly RecordKey[]): Promise<(SyncRecord | undefined)[]> {
    const found = new Array<SyncRecord | undefined>(keys.length);
    const byTable = new Map<string, number[]>();
    keys.forEach(({ kind }, index) => {
      const group = isKnownKind(kind) ? kind : '';
      const indexes = byTable.get(group);
      if (indexes) indexes.push(index);
      else byTable.set(group, [index]);
    });
    for (const [kind, indexes] of byTable) {
      if (kind === '') {
        const rows = await db.syncForeign.bulkGet(
          indexes.map((i) => [keys[i]?.kind ?? '', keys[i]?.id ?? '']),
        );
        indexes.forEach((at, n) => (found[at] = rows[n]?.record));
        continue;
      }
      const rows = await recordTable(kind as KnownKind).bulkGet(
        indexes.map((i) => keys[i]?.id ?? ''),
      );
      indexes.forEach((at, n) => {
        const row = rows[n];
        found[at] = row && withoutLocalFields(kind, row);
      });
    }
    return found;
  }

  async function readSyncStates(
    keys: readonly RecordKey[],
    options: { queuedRecordsOnly?: boolean } = {},
  ): Promise<SyncState[]> {
    return db.transaction(
      'r',
      [db.syncShadows, db.outbox, db.syncForeign, ...recordTables],
      async () => {
        const shadows = await db.syncShadows.bulkGet(
          keys.map(({ kind, id }): [string, string] => [kind, id]),
        );
        const seqs = await outboxSeqsOf(keys);
        const wanted = options.queuedRecordsOnly
          ? keys.filter(({ kind, id }) => seqs.has(`${kind}/${id}`))
          : keys;
        const read = await readRecords(wanted);
        const local = new Map(wanted.map(({ kind, id }, index) => [`${kind}/${id}`, read[index]]));
        return keys.map(({ kind, id }, index) => ({
          shadow: shadows[index]?.shadow,
          outboxSeq: seqs.get(`${kind}/${id}`) ?? null,
          record: local.get(`${kind}/${id}`),
        }));
      },
    );
  }

  /** Outbox seqs of the given records, by `kind/id` (one index query). */
  async function outboxSeqsOf(keys: readonly RecordKey[]): Promise<Map<string, number>> {
    const compound = keys.map(({ kind, id }): [string, string] => [kind, id]);
    const entries = await db.outbox.where('[kind+recordId]').anyOf(compound).toArray();
    const seqs = new Map<string, number>();
    for (const entry of entries) {
      if (entry.seq !== undefined) seqs.set(`${entry.kind}/${entry.recordId}`, entry.seq);
    }
    return seqs;
  }

  /** Writes pulled or merged records, a bulk put per table (local-only fields kept). */
  async function writeRecords(list: { kind: string; record: SyncRecord }[]): Promise<void> {
    const byKind = new Map<string, SyncRecord[]>();
    for (const { kind, record } of list) {
      const group = byKind.get(kind);
      if (group) group.push(record);
      else byKind.set(kind, [record]);
    }
    for (const [kind, records] of byKind) {
      if (!isKnownKind(kind)) {
        await db.syncForeign.bulkPut(records.map((record) => ({ kind, id: record.id, record })));
        continue;
      }
      const table = recordTable(kind);
      const fields = LOCAL_ONLY_FIELDS[kind];
      let kept = records;
      if (fields) {
        const existing = await table.bulkGet(records.map((record) => record.id));
        kept = records.map((record, index) => {
          const copy: SyncRecord = { ...record };
          for (const field of fields) copy[field] = existing[index]?.[field] ?? new Uint8Array();
          return copy;
        });
      }
      await table.bulkPut(kept);
      if (isAttachmentKind(kind)) {
        for (const stored of kept) await noteAttachment(db, kind, stored);
      }
    }
  }

  async function applyInTransaction(batch: ApplyBatch): Promise<boolean> {
    const seqs = await outboxSeqsOf(batch.updates);
    for (const update of batch.updates) {
      if (update.record === undefined || update.expectedOutboxSeq === undefined) continue;
      const current = seqs.get(`${update.kind}/${update.id}`) ?? null;
      if (current !== update.expectedOutboxSeq) return false;
    }
    await db.syncShadows.bulkPut(
      batch.updates.map(({ kind, id, shadow }) => ({ kind, id, shadow })),
    );
    await writeRecords(
      batch.updates.flatMap(({ kind, record }) => (record === undefined ? [] : [{ kind, record }])),
    );
    const acknowledged = batch.updates.flatMap(({ kind, id, removeOutboxSeq }) =>
      removeOutboxSeq !== undefined && seqs.get(`${kind}/${id}`) === removeOutboxSeq
        ? [removeOutboxSeq]
        : [],
    );
    if (acknowledged.length) await db.outbox.bulkDelete(acknowledged);
    // Problems are few: delete only those listed (a delete of a missing key still costs a write).
    const problemKeys = (await db.syncProblems.toCollection().primaryKeys()) as unknown as [
      string,
      string,
    ][];
    if (problemKeys.length > 0) {
      const updated = new Set(batch.updates.map(({ kind, id }) => `${kind}/${id}`));
      const solved = problemKeys.filter(([kind, id]) => updated.has(`${kind}/${id}`));
      if (solved.length > 0) await db.syncProblems.bulkDelete(solved);
    }
    if (batch.problems?.length) await db.syncProblems.bulkPut(batch.problems);
    if (batch.cursor !== undefined) {
      const meta = await readMeta();
      if (batch.cursor >= meta.cursor) {
        const { cursor, cursorChange = meta.cursorChange } = batch;
        await db.syncState.put({ key: SYNC_META_KEY, value: { ...meta, cursor, cursorChange } });
      }
    }
    if (batch.acked) {
      const meta = await readMeta();
      if (batch.acked.seq > (meta.ackedSeq ?? 0)) {
        const { seq: ackedSeq, changeId: ackedChange } = batch.acked;
        await db.syncState.put({ key: SYNC_META_KEY, value: { ...meta, ackedSeq, ackedChange } });
      }
    }
    return true;
  }

  return {
    async readOutbox(afterSeq, limit) {
      const entries = await db.outbox.where('seq').above(afterSeq).limit(limit).toArray();
      return entries.map((entry: OutboxEntry) => ({
        seq: entry.seq ?? 0,
        kind: entry.kind,
        recordId: entry.recordId,
      }));
    },
    outboxCount: () => db.outbox.count(),
    outboxSeqOf,
    getRecord: readRecord,
    readSyncStates,
    async getShadow(kind, id) {
      return (await db.syncShadows.get([kind, id]))?.shadow;
    },
    async aliveInCase(caseId) {
      const alive = (record: { deleted: boolean }) => !record.deleted;
      const counts = await Promise.all([
        db.persons.where({ caseId }).filter(alive).count(),
        db.appointments.where({ caseId }).filter(alive).count(),
        db.notes.where({ caseId }).filter(alive).count(),
      ]);
      return counts.reduce((sum, count) => sum + count, 0);
    },
    async saveShadows(list: { kind: string; id: string; shadow: RecordShadow }[]) {
      await db.syncShadows.bulkPut(list.map(({ kind, id, shadow }) => ({ kind, id, shadow })));
    },

    async apply(batch) {
      try {
        const applied = await db.transaction('rw', applyTables, () => applyInTransaction(batch));
        failure = null;
        return applied ? { ok: true } : { ok: false, code: 'local-changed' };
      } catch (error) {
        // The transaction was aborted: nothing of the batch (nor its cursor) was written.
        // The contract knows only 'local-changed'; the engine then leaves the page for the
        // next run, and the app reads the reason from storageFailure().
        failure = storageErrorCode(error);
        return { ok: false, code: 'local-changed' };
      }
    },

    async staleEpochRecords(epoch, limit) {
      // By the index: none at all unless a rotation left records under an older epoch.
      const keys = (await db.syncShadows
        .where('shadow.keyEpoch')
        .below(epoch)
        .primaryKeys()) as unknown as [string, string][];
      const stale: RecordKey[] = [];
      for (let at = 0; at < keys.length && stale.length < limit; at += limit) {
        const batch = keys.slice(at, at + limit).map(([kind, id]) => ({ kind, id }));
        const states = await readSyncStates(batch);
        batch.forEach((key, index) => {
          const state = states[index];
          if (stale.length < limit && state?.record && state.outboxSeq === null) stale.push(key);
        });
      }
      return stale;
    },

    async enqueue(list) {
      const changedAt = new Date().toISOString();
      await db.transaction('rw', [...recordTables, db.syncForeign, db.outbox], async () => {
        for (const { kind, id } of list) {
          if (!(await readRecord(kind, id)) || (await outboxSeqOf(kind, id)) !== null) continue;
          // Unknown kinds are queued under their own name; the outbox type lists ours only.
          await db.outbox.add({
            kind: kind as OutboxEntry['kind'],
            recordId: id,
            op: 'put',
            changedAt,
          });
        }
      });
    },

    getMeta: readMeta,
    async restartAfterRollback() {
      const changedAt = new Date().toISOString();
      try {
        return await db.transaction('rw', applyTables, async () => {
          let queued = 0;
          for (const row of await db.syncShadows.toArray()) {
            const shadow = rolledBackShadow(row.shadow);
            if (!shadow || !(await readRecord(row.kind, row.id))) continue;
            await db.syncShadows.put({ ...row, shadow });
            if ((await outboxSeqOf(row.kind, row.id)) !== null) continue;
            await db.outbox.add({
              kind: row.kind as OutboxEntry['kind'],
              recordId: row.id,
              op: 'put',
              changedAt,
            });
            queued += 1;
          }
          const { lastSyncedAt } = await readMeta();
          await db.syncState.put({ key: SYNC_META_KEY, value: { cursor: 0, lastSyncedAt } });
          return queued;
        });
      } catch (error) {
        failure = storageErrorCode(error);
        return false;
      }
    },
    async setLastSyncedAt(at) {
      if (failure !== null) return; // a page could not be stored: not synced
      await db.transaction('rw', db.syncState, async () => {
        const meta = await readMeta();
        await db.syncState.put({ key: SYNC_META_KEY, value: { ...meta, lastSyncedAt: at } });
      });
    },
    async problems(): Promise<RecordProblem[]> {
      return db.syncProblems.toArray();
    },
    storageFailure: () => failure,
    async countConflicted() {
      let count = 0;
      // By the index on the list's length (schema v5): only records with conflicts are read.
      // Not outputs: the team screen cannot show their conflicts (and they carry PDF bytes).
      const kinds: KnownKind[] = ['case', 'person', 'appointment', 'note', 'form', 'draft', 'pack'];
      for (const table of kinds.map(recordTable)) {
        count += await table
          .where(CONFLICTS_LENGTH_INDEX)
          .above(0)
          .filter((record) => record.deleted !== true)
          .count();
      }
      return count;
    },
  };
}
