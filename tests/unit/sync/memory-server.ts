// A small, faithful model of the sync server's record protocol (src/server/sync): one team,
// a per-team sequence, compare-and-swap on the revision, idempotent changeIds, pages after
// a cursor, the rollback check of a pull (cursorKnown). Plus a transport over it that can lose
// requests, responses and pages.
import {
  syncLimits,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type ServerRecord,
} from '../../../src/shared/sync-protocol';
import { transportErr, type HistoryCheck, type Transport } from '../../../src/sync/transport';

export type MemoryServer = {
  push(request: PushRequest): PushResponse;
  pull(after: number, limit: number, afterChange?: string, check?: HistoryCheck): PullResponse;
  seq(): number;
  records(): ServerRecord[];
  /** Replaces a stored record as a malicious server would (tamper/swap tests). */
  overwrite(id: string, change: Partial<ServerRecord>): void;
  /** A copy of the whole state (a backup), and its restore over the current state. */
  backup(): () => void;
};

export function createMemoryServer(): MemoryServer {
  const records = new Map<string, ServerRecord>();
  const done = new Map<string, { rev: number; seq: number; id: string }>();
  let seq = 0;
  /** Whether the history reaches a device's cursor (the server's isCursorKnown). */
  const known = (cursor: number, change?: string) =>
    cursor <= seq && (cursor === 0 || change === undefined || done.get(change)?.seq === cursor);
  return {
    push({ changes, after, afterChange, check, checkChange }) {
      const lost =
        (after !== undefined && !known(after, afterChange)) ||
        (check !== undefined && !known(check, checkChange));
      if (lost) {
        return { results: [], seq, cursorKnown: false };
      }
      const results: PushResult[] = changes.map((change) => {
        const { id, changeId } = change;
        const prior = done.get(changeId);
        if (prior) return { status: 'ok', id, changeId, rev: prior.rev, seq: prior.seq };
        const current = records.get(id);
        if (current && current.kind !== change.kind) {
          return { status: 'rejected', id, changeId, code: 'kind-mismatch' };
        }
        if ((current?.rev ?? 0) !== change.baseRev) {
          return { status: 'conflict', id, changeId, current: current ? { ...current } : null };
        }
        seq += 1;
        const rev = (current?.rev ?? 0) + 1;
        records.set(id, {
          id,
          kind: change.kind,
          rev,
          seq,
          keyEpoch: change.keyEpoch,
          deleted: change.deleted,
          ciphertext: change.ciphertext,
          changeId,
        });
        done.set(changeId, { rev, seq, id });
        return { status: 'ok', id, changeId, rev, seq };
      });
      return { results, seq, cursorKnown: true };
    },
    pull(after, limit, afterChange, check) {
      const newer = [...records.values()]
        .filter((r) => r.seq > after)
        .sort((a, b) => a.seq - b.seq);
      const page = newer.slice(0, limit).map((r) => ({ ...r }));
      return {
        records: page,
        nextCursor: page.at(-1)?.seq ?? after,
        hasMore: newer.length > page.length,
        seq,
        cursorKnown: known(after, afterChange) && (!check || known(check.seq, check.changeId)),
      };
    },
    seq: () => seq,
    records: () => [...records.values()].map((r) => ({ ...r })),
    overwrite(id, change) {
      const current = records.get(id);
      if (!current) throw new Error(`no record ${id}`);
      seq += 1;
      records.set(id, { ...current, ...change, seq });
    },
    backup() {
      const saved = { records: structuredClone(records), done: structuredClone(done), seq };
      return () => {
        records.clear();
        for (const [id, record] of structuredClone(saved.records)) records.set(id, record);
        done.clear();
        for (const [id, change] of saved.done) done.set(id, { ...change });
        seq = saved.seq;
      };
    },
  };
}

export type Fault = 'none' | 'lose-request' | 'lose-response' | 'cut-page';

/** A transport over the model; `fault` is asked before every call. */
export function memoryTransport(
  server: MemoryServer,
  fault: (op: 'push' | 'pull') => Fault = () => 'none',
): Transport & { calls: { push: number; pull: number } } {
  const calls = { push: 0, pull: 0 };
  const lost = transportErr({ code: 'network-error' });
  return {
    calls,
    async push(request) {
      calls.push += 1;
      // Through JSON, as over HTTP: nothing shared by reference with the server.
      const body = JSON.stringify(request);
      if (body.length > syncLimits.maxJsonBody) {
        return transportErr({ code: 'request-refused', status: 413, apiCode: 'payload-too-large' });
      }
      if (request.changes.length > syncLimits.maxPushBatch) {
        return transportErr({ code: 'request-refused', status: 400, apiCode: 'invalid-request' });
      }
      const wire = JSON.parse(body) as PushRequest;
      const f = fault('push');
      if (f === 'lose-request') return lost;
      const response = server.push(wire);
      if (f === 'lose-response') return lost;
      return { ok: true, value: JSON.parse(JSON.stringify(response)) as PushResponse };
    },
    async pull(after, limit, afterChange, check) {
      calls.pull += 1;
      const f = fault('pull');
      if (f === 'lose-request' || f === 'lose-response') return lost;
      const page = server.pull(after, limit, afterChange, check);
      if (f === 'cut-page' && page.records.length > 1) {
        // The connection broke mid-page: the client sees an error, nothing of the page.
        return lost;
      }
      return { ok: true, value: JSON.parse(JSON.stringify(page)) as PullResponse };
    },
    async events() {
      return { ok: true, value: { seq: server.seq(), changed: true } };
    },
  };
}
