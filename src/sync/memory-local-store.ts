// A complete in-memory LocalStore: the reference implementation of the contract in
// local-store.ts (tests, simulations, and a model for the Dexie implementation).
// Values are deep-copied in and out, as IndexedDB does.
import type {
  ApplyBatch,
  LocalStore,
  OutboxItem,
  RecordProblem,
  RecordShadow,
  SyncMeta,
  SyncRecord,
} from './local-store';
import { CASE_CONTENT_KINDS } from './orphans';
import { rolledBackShadow } from './rollback';

const keyOf = (kind: string, id: string): string => `${kind}/${id}`;

export type MemoryLocalStore = LocalStore & {
  /** A local edit, as the app's repositories make it: the record plus its outbox entry. */
  write(kind: string, record: SyncRecord): void;
  /** Every record, by kind/id. */
  records(): Map<string, SyncRecord>;
};

export function createMemoryLocalStore(): MemoryLocalStore {
  const records = new Map<string, { kind: string; record: SyncRecord }>();
  const shadows = new Map<string, RecordShadow>();
  const outbox = new Map<string, OutboxItem>();
  const problemList = new Map<string, RecordProblem>();
  let nextSeq = 1;
  const meta: SyncMeta = { cursor: 0, lastSyncedAt: null };

  return {
    write(kind, record) {
      records.set(keyOf(kind, record.id), { kind, record: structuredClone(record) });
      outbox.set(keyOf(kind, record.id), { seq: nextSeq, kind, recordId: record.id });
      nextSeq += 1;
    },
    records() {
      return new Map([...records].map(([key, entry]) => [key, structuredClone(entry.record)]));
    },

    async readOutbox(afterSeq, limit) {
      return [...outbox.values()]
        .filter((item) => item.seq > afterSeq)
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit)
        .map((item) => ({ ...item }));
    },
    async outboxCount() {
      return outbox.size;
    },
    async outboxSeqOf(kind, id) {
      return outbox.get(keyOf(kind, id))?.seq ?? null;
    },
    async getRecord(kind, id) {
      const entry = records.get(keyOf(kind, id));
      return entry && structuredClone(entry.record);
    },
    async aliveInCase(caseId) {
      let alive = 0;
      for (const { kind, record } of records.values()) {
        if (!CASE_CONTENT_KINDS.includes(kind) || record.caseId !== caseId) continue;
        if (record.deleted !== true) alive += 1;
      }
      return alive;
    },
    async getShadow(kind, id) {
      const shadow = shadows.get(keyOf(kind, id));
      return shadow && structuredClone(shadow);
    },
    async readSyncStates(keys, options = {}) {
      return keys.map(({ kind, id }) => {
        const key = keyOf(kind, id);
        const shadow = shadows.get(key);
        const outboxSeq = outbox.get(key)?.seq ?? null;
        const entry =
          options.queuedRecordsOnly && outboxSeq === null ? undefined : records.get(key);
        return {
          shadow: shadow && structuredClone(shadow),
          outboxSeq,
          record: entry && structuredClone(entry.record),
        };
      });
    },
    async saveShadows(list) {
      for (const { kind, id, shadow } of list)
        shadows.set(keyOf(kind, id), structuredClone(shadow));
    },

    async apply(batch: ApplyBatch) {
      // Check every expectation first: all of the batch or nothing.
      for (const update of batch.updates) {
        if (update.record === undefined || update.expectedOutboxSeq === undefined) continue;
        const current = outbox.get(keyOf(update.kind, update.id))?.seq ?? null;
        if (current !== update.expectedOutboxSeq) return { ok: false, code: 'local-changed' };
      }
      for (const update of batch.updates) {
        const key = keyOf(update.kind, update.id);
        // One clone of both: a pulled record is usually its own shadow's base, and cloning
        // them together keeps that one copy (nothing here mutates a stored value in place).
        const { shadow, record } = structuredClone({
          shadow: update.shadow,
          record: update.record,
        });
        shadows.set(key, shadow);
        if (record !== undefined) records.set(key, { kind: update.kind, record });
        if (
          update.removeOutboxSeq !== undefined &&
          outbox.get(key)?.seq === update.removeOutboxSeq
        ) {
          outbox.delete(key);
        }
        problemList.delete(key);
      }
      for (const problem of batch.problems ?? []) {
        problemList.set(keyOf(problem.kind, problem.id), { ...problem });
      }
      if (batch.cursor !== undefined && batch.cursor >= meta.cursor) {
        meta.cursor = batch.cursor;
        if (batch.cursorChange !== undefined) meta.cursorChange = batch.cursorChange;
      }
      if (batch.acked && batch.acked.seq > (meta.ackedSeq ?? 0)) {
        meta.ackedSeq = batch.acked.seq;
        meta.ackedChange = batch.acked.changeId;
      }
      return { ok: true };
    },

    async staleEpochRecords(epoch, limit) {
      const stale: { kind: string; id: string }[] = [];
      for (const [key, shadow] of shadows) {
        const entry = records.get(key);
        if (stale.length >= limit) break;
        if (!entry || outbox.has(key) || shadow.keyEpoch === undefined) continue;
        if (shadow.keyEpoch < epoch) stale.push({ kind: entry.kind, id: entry.record.id });
      }
      return stale;
    },
    async enqueue(list) {
      for (const { kind, id } of list) {
        const key = keyOf(kind, id);
        if (!records.has(key) || outbox.has(key)) continue;
        outbox.set(key, { seq: nextSeq, kind, recordId: id });
        nextSeq += 1;
      }
    },
    async getMeta() {
      return { ...meta };
    },
    async restartAfterRollback() {
      let queued = 0;
      for (const [key, shadow] of shadows) {
        const next = rolledBackShadow(shadow);
        const entry = records.get(key);
        if (!next || !entry) continue;
        shadows.set(key, next);
        if (outbox.has(key)) continue;
        outbox.set(key, { seq: nextSeq, kind: entry.kind, recordId: entry.record.id });
        nextSeq += 1;
        queued += 1;
      }
      meta.cursor = 0;
      delete meta.cursorChange;
      delete meta.ackedSeq;
      delete meta.ackedChange;
      return queued;
    },
    async setLastSyncedAt(at) {
      meta.lastSyncedAt = at;
    },
    async problems() {
      return [...problemList.values()].map((problem) => ({ ...problem }));
    },
  };
}
