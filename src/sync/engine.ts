// One sync run: push the outbox, pull what is new, and push again what the pull merged,
// until nothing is left or no progress is made. Transport failures end the run with their
// code; the scheduler (scheduler.ts) decides when to try again. With `blobs`, attachments
// are uploaded before their records (push) and downloaded after the pull (blob-sync.ts).
// A case deleted on one device while its contents were edited on another comes back,
// flagged for review (orphans.ts).
import type { StorageErrorCode } from '../db/storage-error';
import type { Err } from '../shared/result';
import { downloadAttachments, queueUnreferenced, type BlobSyncOptions } from './blob-sync';
import type { LocalStore, RecordProblem } from './local-store';
import { reviveOrphanedCases } from './orphans';
import { queueReencryption } from './reencrypt';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import type { RecordCodec } from './record-codec';
import type { Transport, TransportFailure, TransportFailureCode } from './transport';

export type SyncEngineOptions = {
  store: LocalStore;
  transport: Transport;
  codec: RecordCodec;
  /** UUIDs for changeIds; default crypto.randomUUID. */
  newChangeId?: () => string;
  now?: () => Date;
  pushBatchSize?: number;
  pullPageSize?: number;
  /**
   * Records of older key epochs queued for re-encryption per round, once nothing else is
   * pending (0 turns progressive re-encryption off). Default 50.
   */
  reencryptBatchSize?: number;
  /**
   * Called (at most once a run) when the server refused changes as `stale-key-epoch`: fetch
   * this device's grants (KeyTransport.session), add the new keys to the keyring the codec
   * reads, and resolve true when the codec's current epoch moved; the refused changes are
   * then pushed again, encrypted with the new key. Without it (or on false) they stay in the
   * outbox and are reported as `push-stale-key-epoch` problems.
   */
  refreshKeys?: () => Promise<boolean>;
  /**
   * Attachments of forms and outputs: each blob is uploaded before the record that
   * references it is pushed, and downloaded in the background once its record arrived.
   */
  blobs?: BlobSyncOptions;
};

export type SyncReport = {
  pushed: number;
  pulled: number;
  merged: number;
  /** Attachments downloaded and stored this run (when the engine handles attachments). */
  downloaded?: number;
  /** Records that could not be sent or applied this run (tampered, rejected, …). */
  problems: RecordProblem[];
  /** Changes still waiting after the run. */
  pending: number;
  /**
   * The device's storage refused an attachment's bookkeeping (a full disk): those records
   * and files wait for a later run, and the run does not count as synced.
   */
  storageFailure?: StorageErrorCode;
};

export type SyncRunResult =
  { ok: true; value: SyncReport } | (Err<TransportFailureCode> & { failure: TransportFailure });

export type SyncEngine = { syncOnce(): Promise<SyncRunResult> };

const MAX_ROUNDS = 4;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, transport, codec } = options;
  const newChangeId = options.newChangeId ?? (() => globalThis.crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const reencryptBatch = options.reencryptBatchSize ?? 50;

  return {
    async syncOnce() {
      const report: SyncReport = { pushed: 0, pulled: 0, merged: 0, problems: [], pending: 0 };
      // Keys are fetched at most once a run, by whichever step meets the new epoch first: a
      // push refused as stale-key-epoch, or a pulled record under an epoch we lack.
      let refreshed = false;
      const refreshKeys = async (): Promise<boolean> => {
        if (refreshed || !options.refreshKeys) return false;
        refreshed = true;
        const before = codec.currentEpoch();
        return (await options.refreshKeys()) && codec.currentEpoch() > before;
      };
      // Once per device: forms and outputs synced before attachments were get their blob.
      if (options.blobs) await queueUnreferenced(store, options.blobs);
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const epochAtStart = codec.currentEpoch();
        const casesToCheck = new Set<string>();
        const pushed = await pushOutbox({
          store,
          transport,
          codec,
          newChangeId,
          batchSize: options.pushBatchSize,
          blobs: options.blobs,
          casesToCheck,
        });
        if (!pushed.ok) return pushed;
        const pulled = await pullAll({
          store,
          transport,
          codec,
          pageSize: options.pullPageSize,
          refreshKeys,
          casesToCheck,
        });
        if (!pulled.ok) return pulled;
        // A deleted case that still has living records under it comes back, flagged.
        const revived = await reviveOrphanedCases(store, casesToCheck);

        report.pushed += pushed.stats.accepted;
        report.pulled += pulled.stats.applied;
        report.merged += pushed.stats.merged + pulled.stats.merged + revived;
        report.problems = [...pushed.stats.problems, ...pulled.stats.problems];
        report.pending = await store.outboxCount();
        if (pushed.stats.storageFailure) report.storageFailure = pushed.stats.storageFailure;
        const { accepted, merged, rebased } = pushed.stats;
        let progressed = accepted + merged + rebased + pulled.stats.merged + revived > 0;
        if (pushed.stats.staleEpoch > 0) {
          // Refused under an old key: with the new one (fetched now, or by this round's pull)
          // the next round sends them again.
          await refreshKeys();
          progressed = progressed || codec.currentEpoch() > epochAtStart;
        }
        if (report.pending === 0) {
          // Idle: re-encrypt a batch of records still under an older key epoch.
          const queued = await queueReencryption(store, codec.currentEpoch(), reencryptBatch);
          report.pending = await store.outboxCount();
          if (queued === 0) break;
        } else if (!progressed) {
          break;
        }
      }
      if (options.blobs) {
        // After the pages are stored: a download cut off leaves the records in place.
        const fetched = await downloadAttachments(store, options.blobs);
        if (!fetched.ok) return fetched;
        report.downloaded = fetched.stats.downloaded;
        report.problems.push(...fetched.stats.problems);
        if (fetched.stats.storageFailure) report.storageFailure = fetched.stats.storageFailure;
      }
      if (report.pending === 0 && !report.storageFailure) {
        await store.setLastSyncedAt(now().toISOString());
      }
      return { ok: true, value: report };
    },
  };
}
