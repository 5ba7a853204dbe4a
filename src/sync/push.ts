// Pushing the outbox: batches of encrypted changes, one result per record.
//
// Before a batch goes out, the changes are saved as "unacked" in the record shadows, so
// a retry after a lost response reuses the same changeIds (the server answers a known
// changeId with its original result and never applies it twice). A conflict whose server
// version carries one of our own unacked changeIds is our own change coming back: it is
// taken as acknowledged. Any other conflict is merged (merge.ts) and pushed again.
// Records with an attachment go out only once their blob is uploaded (blob-sync.ts).
import type { StorageErrorCode } from '../db/storage-error';
import { syncLimits, type PushResult, type RecordChange } from '../shared/sync-protocol';
import {
  EMPTY_SHADOW,
  type LocalStore,
  type OutboxItem,
  type RecordProblem,
  type RecordShadow,
  type RecordUpdate,
  type SentChange,
  type SyncRecord,
} from './local-store';
import { uploadAttachments, type BlobSyncOptions } from './blob-sync';
import { mapConcurrent } from './map-concurrent';
import { deepEqual, mergeRecord } from './merge';
import { noteCasesToCheck } from './orphans';
import type { RecordCodec } from './record-codec';
import { mergeBaseFor, seenWith } from './rollback';
import type { HistoryCheck, Transport, TransportErr } from './transport';

export type PushDeps = {
  store: LocalStore;
  transport: Transport;
  codec: RecordCodec;
  newChangeId: () => string;
  batchSize?: number;
  /** Attachments (forms, outputs): uploaded before the records that reference them. */
  blobs?: BlobSyncOptions;
  /** Collects the cases to look at for orphaned edits once the round is done (orphans.ts). */
  casesToCheck?: Set<string>;
};

export type PushStats = {
  accepted: number;
  merged: number;
  /** Records to send again at once (rebased on a newer revision). */
  rebased: number;
  /** Changes refused as `stale-key-epoch`: this device lacks the team's newest key. */
  staleEpoch: number;
  problems: RecordProblem[];
  /** The device's storage refused an attachment's bookkeeping (blob-sync.ts). */
  storageFailure?: StorageErrorCode;
};

const MAX_UNACKED = 20;

type Prepared = {
  item: OutboxItem;
  sent: SentChange;
  local: SyncRecord;
  shadow: RecordShadow;
  change: RecordChange;
};

/** Records encrypted at once (WebCrypto works off the main thread; see map-concurrent.ts). */
const ENCRYPTIONS_IN_FLIGHT = 32;

const keysOf = (items: readonly OutboxItem[]) =>
  items.map(({ kind, recordId }) => ({ kind, id: recordId }));

async function prepare(deps: PushDeps, items: OutboxItem[]): Promise<Prepared[]> {
  const states = await deps.store.readSyncStates(keysOf(items));
  const prepared = await mapConcurrent(
    items.map((item, index) => ({ item, state: states[index] })),
    ENCRYPTIONS_IN_FLIGHT,
    async ({ item, state }): Promise<Prepared | null> => {
      const local = state?.record;
      if (!local) return null; // an outbox entry without its record: nothing to send
      const shadow = state.shadow ?? EMPTY_SHADOW;
      // Reuse the changeId of an identical earlier attempt (lost request or response).
      const sent = shadow.unacked.find(
        (change) =>
          change.outboxSeq === item.seq &&
          change.baseRev === shadow.rev &&
          deepEqual(change.record, local),
      ) ?? {
        changeId: deps.newChangeId(),
        outboxSeq: item.seq,
        baseRev: shadow.rev,
        record: local,
      };
      const encoded = await deps.codec.encode(item.kind, local, sent.baseRev + 1);
      return {
        item,
        sent,
        local,
        shadow,
        change: {
          id: item.recordId,
          kind: item.kind,
          baseRev: sent.baseRev,
          changeId: sent.changeId,
          keyEpoch: encoded.keyEpoch,
          deleted: encoded.deleted,
          ciphertext: encoded.ciphertext,
        },
      };
    },
  );
  return prepared.filter((entry): entry is Prepared => entry !== null);
}

/** Saves the changes about to go out into their shadows; `shadow` then includes them. */
async function persistUnacked(store: LocalStore, prepared: Prepared[]): Promise<void> {
  const shadows = [];
  for (const entry of prepared) {
    const { item, sent, shadow } = entry;
    if (shadow.unacked.some((change) => change.changeId === sent.changeId)) continue;
    // Bounded: long offline periods with many edits and attempts must not grow it forever.
    // Forgetting an old attempt costs at worst a conflict entry with our own older value.
    const unacked = [...shadow.unacked, sent].slice(-MAX_UNACKED);
    entry.shadow = { ...shadow, unacked };
    shadows.push({ kind: item.kind, id: item.recordId, shadow: entry.shadow });
  }
  if (shadows.length > 0) await store.saveShadows(shadows);
}

/** What to store for one push result; null when nothing changes locally. */
async function handleResult(
  deps: PushDeps,
  { item, sent, local, change, shadow }: Prepared,
  result: PushResult,
  stats: PushStats,
): Promise<RecordUpdate | null> {
  const { kind, recordId: id } = item;
  if (result.status === 'ok') {
    stats.accepted += 1;
    return {
      kind,
      id,
      shadow: {
        rev: result.rev,
        base: sent.record,
        unacked: [],
        keyEpoch: change.keyEpoch,
        seen: seenWith(shadow, sent.changeId),
      },
      removeOutboxSeq: item.seq,
    };
  }
  if (result.status === 'rejected') {
    // Stays in the outbox: once the engine fetched the new key it goes out re-encrypted.
    if (result.code === 'stale-key-epoch') stats.staleEpoch += 1;
    stats.problems.push({ kind, id, code: `push-${result.code}` });
    return null;
  }
  const current = result.current;
  if (!current) {
    // The server lost the revision we based on: send the record again as new.
    stats.rebased += 1;
    return { kind, id, shadow: EMPTY_SHADOW };
  }
  const own = shadow.unacked.find((change) => change.changeId === current.changeId);
  if (own) {
    // Our own earlier change (its response was lost): acknowledged; rebase on it.
    stats.rebased += 1;
    return {
      kind,
      id,
      shadow: {
        rev: current.rev,
        base: own.record,
        unacked: [],
        keyEpoch: current.keyEpoch,
        seen: seenWith(shadow, current.changeId),
      },
      record: local,
      expectedOutboxSeq: item.seq,
      ...(deepEqual(own.record, local) ? { removeOutboxSeq: item.seq } : {}),
    };
  }
  const remote = await deps.codec.decode(current);
  if (!remote.ok) {
    stats.problems.push({ kind, id, code: remote.code });
    return null;
  }
  // Not always the shadow's base: the server may have lost revisions (rollback.ts).
  const merged = mergeRecord(
    kind,
    mergeBaseFor(shadow, remote.value, current.rev, current.changeId),
    local,
    remote.value,
  );
  stats.merged += 1;
  return {
    kind,
    id,
    shadow: {
      rev: current.rev,
      base: remote.value,
      unacked: [],
      keyEpoch: current.keyEpoch,
      seen: seenWith(shadow, current.changeId),
    },
    record: merged.record,
    expectedOutboxSeq: item.seq,
    ...(deepEqual(merged.record, remote.value) ? { removeOutboxSeq: item.seq } : {}),
  };
}

/** Splits a batch so that no request body comes near the server's JSON limit. */
function bySize(prepared: Prepared[]): Prepared[][] {
  const budget = syncLimits.maxJsonBody * 0.8;
  const groups: Prepared[][] = [];
  let group: Prepared[] = [];
  let size = 0;
  for (const entry of prepared) {
    const entrySize = entry.change.ciphertext.length + 300;
    if (group.length > 0 && size + entrySize > budget) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(entry);
    size += entrySize;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function pushGroup(
  deps: PushDeps,
  group: Prepared[],
  stats: PushStats,
): Promise<TransportErr | 'rolled-back' | null> {
  // The cursor, and a push acknowledged above it, let the server refuse the batch when it was
  // restored from an older backup (as a pull's check does, pull.ts).
  const { cursor, cursorChange, ackedSeq, ackedChange } = await deps.store.getMeta();
  const response = await deps.transport.push({
    changes: group.map((p) => p.change),
    ...(cursor > 0
      ? { after: cursor, ...(cursorChange ? { afterChange: cursorChange } : {}) }
      : {}),
    ...(ackedSeq !== undefined && ackedChange !== undefined && ackedSeq > cursor
      ? { check: ackedSeq, checkChange: ackedChange }
      : {}),
  });
  if (!response.ok) return response;
  if (response.value.cursorKnown === false) return 'rolled-back';
  const firstProblem = stats.problems.length;
  const handled: { update: RecordUpdate; acked?: HistoryCheck }[] = [];
  for (const [index, entry] of group.entries()) {
    const result = response.value.results[index];
    const { kind, recordId: id } = entry.item;
    if (!result || result.changeId !== entry.sent.changeId) {
      stats.problems.push({ kind, id, code: 'push-no-result' });
      continue;
    }
    const update = await handleResult(deps, entry, result, stats);
    // An acknowledged change is remembered until pulled (SyncMeta.ackedSeq).
    const acked =
      result.status === 'ok' ? { seq: result.seq, changeId: result.changeId } : undefined;
    if (update) handled.push({ update, ...(acked ? { acked } : {}) });
  }
  // All in one apply; if the user edited one of them meanwhile, one record per apply, so that
  // record does not hold up the rest (it stays in the outbox and goes out in the next round).
  const highest = handled.reduce<HistoryCheck | undefined>(
    (top, { acked }) => (acked && (!top || acked.seq > top.seq) ? acked : top),
    undefined,
  );
  const together = await deps.store.apply({
    updates: handled.map(({ update }) => update),
    ...(highest ? { acked: highest } : {}),
  });
  const applied = together.ok ? handled : [];
  if (!together.ok) {
    for (const entry of handled) {
      const single = await deps.store.apply({
        updates: [entry.update],
        ...(entry.acked ? { acked: entry.acked } : {}),
      });
      if (single.ok) applied.push(entry);
    }
  }
  if (deps.casesToCheck) {
    noteCasesToCheck(
      applied.map(({ update }) => update),
      deps.casesToCheck,
    );
  }
  const problems = stats.problems.slice(firstProblem);
  if (problems.length > 0) await deps.store.apply({ updates: [], problems }); // for the status
  return null;
}

/** Pushes the whole outbox once, batch by batch; stops at the first transport failure. */
export async function pushOutbox(
  deps: PushDeps,
): Promise<{ ok: true; stats: PushStats } | TransportErr> {
  const batchSize = Math.min(deps.batchSize ?? syncLimits.maxPushBatch, syncLimits.maxPushBatch);
  const stats: PushStats = { accepted: 0, merged: 0, rebased: 0, staleEpoch: 0, problems: [] };
  let afterSeq = 0;
  for (;;) {
    const items = await deps.store.readOutbox(afterSeq, batchSize);
    const last = items.at(-1);
    if (!last) return { ok: true, stats };
    afterSeq = last.seq;
    let ready = items;
    if (deps.blobs) {
      const attached = await uploadAttachments(deps.store, deps.blobs, items);
      if (!attached.ok) return attached;
      ready = attached.ready;
      if (attached.storageFailure) stats.storageFailure = attached.storageFailure;
      if (attached.problems.length > 0) {
        stats.problems.push(...attached.problems);
        await deps.store.apply({ updates: [], problems: attached.problems });
      }
    }
    const prepared = await prepare(deps, ready);
    if (prepared.length === 0) continue;
    await persistUnacked(deps.store, prepared);
    for (const group of bySize(prepared)) {
      const failed = await pushGroup(deps, group, stats);
      if (failed === 'rolled-back') {
        // Nothing was applied; the pull that follows starts over from 0 (rollback.ts).
        const queued = await deps.store.restartAfterRollback();
        if (queued !== false) stats.rebased += queued;
        return { ok: true, stats };
      }
      if (failed) return failed;
    }
  }
}
