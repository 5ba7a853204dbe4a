// Pulling: pages of server records after the cursor. Each page is decrypted, merged with
// pending local edits, and stored together with its cursor in one `apply` (one IndexedDB
// transaction in the Dexie store). If the user edited one of the page's records while it
// was being merged, the store refuses the page and it is merged again. A server restored
// from an older backup is noticed here and the sync restarts from 0 (rollback.ts).
import { syncLimits } from '../shared/sync-protocol';
import {
  EMPTY_SHADOW,
  type LocalStore,
  type SyncState,
  type RecordProblem,
  type RecordUpdate,
} from './local-store';
import { mapConcurrent } from './map-concurrent';
import { deepEqual, mergeRecord } from './merge';
import { noteCasesToCheck } from './orphans';
import type { RecordCodec } from './record-codec';
import type { PulledRecord } from './pull-page';
import { mergeBaseFor, seenWith } from './rollback';
import { transportErr, type HistoryCheck, type Transport, type TransportErr } from './transport';

export type PullDeps = {
  store: LocalStore;
  transport: Transport;
  codec: RecordCodec;
  pageSize?: number;
  /**
   * A record under an epoch this device has no key for: fetch this device's grants and say
   * whether the keyring gained a key (engine.ts passes its once-a-run refresh). The record is
   * then decrypted again; without a key it is reported as `crypto-unknown-epoch`.
   */
  refreshKeys?: () => Promise<boolean>;
  /** Collects the cases to look at for orphaned edits once the round is done (orphans.ts). */
  casesToCheck?: Set<string>;
};

export type PullStats = { applied: number; merged: number; problems: RecordProblem[] };

const MAX_PAGE_ATTEMPTS = 5;
/** Records of a page being read and decrypted at once (see map-concurrent.ts). */
const RECORDS_IN_FLIGHT = 32;

async function updateFor(
  deps: PullDeps,
  server: PulledRecord,
  context: SyncState,
  stats: PullStats,
): Promise<RecordUpdate | RecordProblem | null> {
  const { kind, id } = server;
  const shadow = context.shadow ?? EMPTY_SHADOW;
  if (server.rev <= shadow.rev) return null; // seen already (e.g. our own push's echo)
  const { outboxSeq, record: local } = context;

  const own = shadow.unacked.find((change) => change.changeId === server.changeId);
  if (own && local) {
    // Our own change, whose response was lost: acknowledged now.
    return {
      kind,
      id,
      shadow: {
        rev: server.rev,
        base: own.record,
        unacked: [],
        keyEpoch: server.keyEpoch,
        seen: seenWith(shadow, server.changeId),
      },
      record: local,
      expectedOutboxSeq: outboxSeq,
      ...(outboxSeq === own.outboxSeq && deepEqual(local, own.record)
        ? { removeOutboxSeq: outboxSeq }
        : {}),
    };
  }

  let remote = await deps.codec.decode(server);
  if (!remote.ok && remote.code === 'crypto-unknown-epoch' && (await deps.refreshKeys?.())) {
    remote = await deps.codec.decode(server);
  }
  if (!remote.ok) return { kind, id, code: remote.code };
  const shadowNext = {
    rev: server.rev,
    base: remote.value,
    unacked: [],
    keyEpoch: server.keyEpoch,
    seen: seenWith(shadow, server.changeId),
  };
  if (outboxSeq === null || !local) {
    stats.applied += 1;
    return { kind, id, shadow: shadowNext, record: remote.value, expectedOutboxSeq: outboxSeq };
  }
  const merged = mergeRecord(
    kind,
    mergeBaseFor(shadow, remote.value, server.rev, server.changeId),
    local,
    remote.value,
  );
  stats.merged += 1;
  return {
    kind,
    id,
    shadow: shadowNext,
    record: merged.record,
    expectedOutboxSeq: outboxSeq,
    ...(deepEqual(merged.record, remote.value) ? { removeOutboxSeq: outboxSeq } : {}),
  };
}

type PageRequest = { cursor: number; cursorChange?: string; check?: HistoryCheck };

/** A server whose answers contradict each other (no HTTP status): retried later, with backoff. */
const inconsistentServer = (): TransportErr =>
  transportErr({ code: 'server-unavailable', status: 0, retryAfterMs: null });
type PageResult = Awaited<ReturnType<Transport['pull']>>;

/** Decrypts, merges and stores one page with its cursor; false when it stayed refused. */
async function storePage(
  deps: PullDeps,
  records: readonly PulledRecord[],
  next: PageRequest,
  stats: PullStats,
): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_PAGE_ATTEMPTS; attempt += 1) {
    const pageStats: PullStats = { applied: 0, merged: 0, problems: [] };
    const updates: RecordUpdate[] = [];
    // Read afresh on every attempt: a refused page means the user changed one of them.
    // A record's local version matters only while it is in the outbox (updateFor).
    const contexts = await deps.store.readSyncStates(records, { queuedRecordsOnly: true });
    const results = await mapConcurrent(
      records.map((server, index) => ({ server, context: contexts[index] })),
      RECORDS_IN_FLIGHT,
      ({ server, context }) =>
        context ? updateFor(deps, server, context, pageStats) : Promise.resolve(null),
    );
    for (const update of results) {
      if (update === null) continue;
      if ('code' in update) pageStats.problems.push(update);
      else updates.push(update);
    }
    const applied = await deps.store.apply({
      updates,
      problems: pageStats.problems,
      cursor: next.cursor,
      ...(records.length > 0 && next.cursorChange ? { cursorChange: next.cursorChange } : {}),
    });
    if (applied.ok) {
      if (deps.casesToCheck) noteCasesToCheck(updates, deps.casesToCheck);
      stats.applied += pageStats.applied;
      stats.merged += pageStats.merged;
      stats.problems.push(...pageStats.problems);
      return true;
    }
  }
  return false;
}

/**
 * Pulls until the server has nothing more; stops at the first transport failure. The next
 * page is requested (after this page's cursor) while this one is decrypted and stored, and
 * used only if the stored cursor is then exactly the one it was requested after.
 */
export async function pullAll(
  deps: PullDeps,
): Promise<{ ok: true; stats: PullStats } | TransportErr> {
  const limit = Math.min(deps.pageSize ?? syncLimits.defaultPullLimit, syncLimits.maxPullLimit);
  const stats: PullStats = { applied: 0, merged: 0, problems: [] };
  // Records of a page are decrypted concurrently: every record that meets an unknown epoch
  // must wait for the same key refresh and get its answer.
  let refreshing: Promise<boolean> | undefined;
  const { refreshKeys } = deps;
  const pageDeps: PullDeps = refreshKeys
    ? { ...deps, refreshKeys: () => (refreshing ??= refreshKeys()) }
    : deps;
  const fetchPage = (request: PageRequest): Promise<PageResult> =>
    deps.transport.pull(request.cursor, limit, request.cursorChange, request.check);
  // A push acknowledged above the cursor (not pulled yet) is checked too: a backup taken at
  // or after the cursor but before that push keeps the cursor known, yet lost the push.
  let acked: HistoryCheck | undefined;
  const requestAt = (cursor: number, cursorChange: string | undefined): PageRequest => ({
    cursor,
    ...(cursorChange !== undefined ? { cursorChange } : {}),
    ...(acked && acked.seq > cursor ? { check: acked } : {}),
  });
  const fromMeta = async (): Promise<PageRequest> => {
    const { cursor, cursorChange, ackedSeq, ackedChange } = await deps.store.getMeta();
    acked =
      ackedSeq !== undefined && ackedChange !== undefined
        ? { seq: ackedSeq, changeId: ackedChange }
        : undefined;
    return requestAt(cursor, cursorChange);
  };

  let restarted = false;
  let request = await fromMeta();
  let pending = fetchPage(request);
  for (;;) {
    const page = await pending;
    if (!page.ok) return page;
    // The server's history does not reach the cursor or lacks a push it acknowledged (the
    // seq test also holds against a server that ignores `check`).
    const checked = request.cursor > 0 || request.check !== undefined;
    const lost =
      (page.value.cursorKnown === false && checked) ||
      (acked !== undefined && page.value.seq < acked.seq);
    if (lost) {
      // A server that seems restored again right after a restart contradicts itself: stop
      // this run and retry later rather than start over forever.
      if (restarted) return inconsistentServer();
      restarted = true;
      // Restored from a backup: start over from 0. The queued records count as merged (they
      // are merged with the server's copies, or pushed again), so the engine goes on.
      const queued = await deps.store.restartAfterRollback();
      if (queued === false) return { ok: true, stats };
      stats.merged += queued;
      request = await fromMeta();
      pending = fetchPage(request);
      continue;
    }
    const { records, nextCursor, hasMore } = page.value;
    // "More follows" without moving on would ask for the same page forever.
    if (hasMore && nextCursor <= request.cursor) return inconsistentServer();
    const cursorChange = records.at(-1)?.changeId ?? request.cursorChange;
    const next = requestAt(nextCursor, cursorChange);
    const prefetched = hasMore ? fetchPage(next) : undefined;
    const stored = await storePage(pageDeps, records, next, stats);
    // Still refused (the user is typing into these records): the next run continues here.
    if (!stored || !prefetched) {
      prefetched?.catch(() => undefined);
      return { ok: true, stats };
    }
    const meta = await fromMeta();
    const same = meta.cursor === next.cursor && meta.cursorChange === next.cursorChange;
    request = same ? next : meta;
    pending = same ? prefetched : fetchPage(meta);
    if (!same) prefetched.catch(() => undefined);
  }
}
