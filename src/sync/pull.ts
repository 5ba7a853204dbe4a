// Pulling: pages of server records after the cursor. Each page is decrypted, merged with
// pending local edits, and stored together with its cursor in one `apply` (one IndexedDB
// transaction in the Dexie store). If the user edited one of the page's records while it
// was being merged, the store refuses the page and it is merged again. A server restored
// from an older backup is noticed here and the sync restarts from 0 (rollback.ts).
import { syncLimits, type ServerRecord } from '../shared/sync-protocol';
import {
  EMPTY_SHADOW,
  type LocalStore,
  type RecordProblem,
  type RecordUpdate,
} from './local-store';
import { mapConcurrent } from './map-concurrent';
import { deepEqual, mergeRecord } from './merge';
import type { RecordCodec } from './record-codec';
import { mergeBaseFor } from './rollback';
import type { Transport, TransportErr } from './transport';

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
};

export type PullStats = { applied: number; merged: number; problems: RecordProblem[] };

const MAX_PAGE_ATTEMPTS = 5;
/** Records of a page being read and decrypted at once (see map-concurrent.ts). */
const RECORDS_IN_FLIGHT = 32;

async function updateFor(
  deps: PullDeps,
  server: ServerRecord,
  stats: PullStats,
): Promise<RecordUpdate | RecordProblem | null> {
  const { kind, id } = server;
  const shadow = (await deps.store.getShadow(kind, id)) ?? EMPTY_SHADOW;
  if (server.rev <= shadow.rev) return null; // seen already (e.g. our own push's echo)
  const outboxSeq = await deps.store.outboxSeqOf(kind, id);
  const local = await deps.store.getRecord(kind, id);

  const own = shadow.unacked.find((change) => change.changeId === server.changeId);
  if (own && local) {
    // Our own change, whose response was lost: acknowledged now.
    return {
      kind,
      id,
      shadow: { rev: server.rev, base: own.record, unacked: [], keyEpoch: server.keyEpoch },
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
  };
  if (outboxSeq === null || !local) {
    stats.applied += 1;
    return { kind, id, shadow: shadowNext, record: remote.value, expectedOutboxSeq: outboxSeq };
  }
  const merged = mergeRecord(
    kind,
    mergeBaseFor(shadow, remote.value, server.rev),
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

/** Pulls until the server has nothing more; stops at the first transport failure. */
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
  for (;;) {
    const { cursor, cursorChange } = await deps.store.getMeta();
    const page = await deps.transport.pull(cursor, limit, cursorChange);
    if (!page.ok) return page;
    if (page.value.cursorKnown === false && cursor > 0) {
      // Restored from a backup: start over from 0. The queued records count as merged (they
      // are merged with the server's copies, or pushed again), so the engine goes on.
      const queued = await deps.store.restartAfterRollback();
      if (queued === false) return { ok: true, stats };
      stats.merged += queued;
      continue;
    }

    let stored = false;
    for (let attempt = 0; attempt < MAX_PAGE_ATTEMPTS && !stored; attempt += 1) {
      const pageStats: PullStats = { applied: 0, merged: 0, problems: [] };
      const updates: RecordUpdate[] = [];
      const results = await mapConcurrent(page.value.records, RECORDS_IN_FLIGHT, (server) =>
        updateFor(pageDeps, server, pageStats),
      );
      for (const update of results) {
        if (update === null) continue;
        if ('code' in update) pageStats.problems.push(update);
        else updates.push(update);
      }
      const last = page.value.records.at(-1);
      const applied = await deps.store.apply({
        updates,
        problems: pageStats.problems,
        cursor: page.value.nextCursor,
        ...(last ? { cursorChange: last.changeId } : {}),
      });
      if (applied.ok) {
        stored = true;
        stats.applied += pageStats.applied;
        stats.merged += pageStats.merged;
        stats.problems.push(...pageStats.problems);
      }
    }
    // Still refused (the user is typing into these records): the next run continues here.
    if (!stored || !page.value.hasMore) return { ok: true, stats };
  }
}
