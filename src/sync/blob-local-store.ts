// What the sync engine needs from the device's storage for attachments (blob-sync.ts): the
// bytes of a record's attachment, the uploads not yet known complete, the records whose
// attachment still has to be downloaded, and the old blobs a re-encryption replaced, to be
// deleted from the server (blob-reseal.ts). The Dexie implementation is db/sync-blob-store.ts;
// the in-memory one below sits next to memory-local-store.ts for tests.
import type { StorageErrorCode } from '../db/storage-error';
import { ok, type Result } from '../shared/result';
import { readBlobRef, type BlobRef, type PendingUpload } from './blob-ref';
import type { MemoryLocalStore } from './memory-local-store';

export type WantedBlob = { kind: string; id: string; ref: BlobRef };

/**
 * A blob of an older key epoch that a re-encryption replaced (blob-reseal.ts): deleted from the
 * server once the server's version of the record no longer references it.
 */
export type ReplacedBlob = {
  kind: string;
  id: string;
  oldBlobId: string;
  /** The blob the re-encrypted record references instead. */
  newBlobId: string;
  /** The record's server revision (its shadow's) when it was re-encrypted. */
  sinceRev: number;
};

/** A bookkeeping write: Err when the device's storage refused it (a full disk, mostly). */
export type BlobStoreWrite<T = null> = Result<T, StorageErrorCode>;

export type LocalBlobStore = {
  /** Record kinds that carry an attachment (form, output). */
  readonly kinds: readonly string[];
  /** The attachment's plaintext on this device; null when it is not here (yet). */
  readBytes(kind: string, id: string): Promise<Uint8Array | null>;
  /**
   * Stores downloaded bytes if the record still references `ref.blobId` and is not deleted,
   * and stops wanting them either way. false: the record moved on, nothing stored. Err:
   * storage failed, nothing changed (still wanted).
   */
  storeBytes(
    kind: string,
    id: string,
    ref: BlobRef,
    bytes: Uint8Array,
  ): Promise<BlobStoreWrite<boolean>>;
  /**
   * Records (not deleted, without an open sync problem) that reference an attachment this
   * device does not have; at most `limit`.
   */
  wanted(limit: number): Promise<WantedBlob[]>;
  /** An upload made but not yet known complete (kept across restarts, so it resumes). */
  getPendingUpload(kind: string, id: string): Promise<PendingUpload | undefined>;
  savePendingUpload(kind: string, id: string, upload: PendingUpload): Promise<BlobStoreWrite>;
  deletePendingUpload(kind: string, id: string): Promise<BlobStoreWrite>;
  /**
   * Records (not deleted) whose attachment is on this device but which carry no reference:
   * synced before attachments were. Null once they were queued (markUnreferencedQueued), so
   * the look happens once per device.
   */
  unreferenced(): Promise<{ kind: string; id: string }[] | null>;
  markUnreferencedQueued(): Promise<void>;
  /** Old blobs waiting to be deleted from the server, oldest first. */
  replacedBlobs(): Promise<ReplacedBlob[]>;
  /** Remembers one (kept across restarts); a second note of the same old blob is ignored. */
  noteReplacedBlob(entry: ReplacedBlob): Promise<BlobStoreWrite>;
  /** Deleted from the server (or not to be tried again): forgotten. */
  forgetReplacedBlob(oldBlobId: string): Promise<BlobStoreWrite>;
};

export type MemoryBlobStore = LocalBlobStore & {
  /** An attachment made on this device (an import): the record with its outbox entry, and the bytes. */
  write(kind: string, record: { id: string; [field: string]: unknown }, bytes: Uint8Array): void;
  /** The bytes on this device, by kind/id. */
  bytes(): Map<string, Uint8Array>;
};

const keyOf = (kind: string, id: string): string => `${kind}/${id}`;

export function createMemoryBlobStore(
  local: MemoryLocalStore,
  kinds: readonly string[] = ['form', 'output'],
): MemoryBlobStore {
  const files = new Map<string, Uint8Array>();
  const pending = new Map<string, PendingUpload>();
  let unreferencedQueued = false;
  let replaced: ReplacedBlob[] = [];
  return {
    kinds,
    write(kind, record, bytes) {
      local.write(kind, record);
      files.set(keyOf(kind, record.id), new Uint8Array(bytes));
    },
    bytes: () => new Map([...files].map(([key, bytes]) => [key, new Uint8Array(bytes)])),
    async readBytes(kind, id) {
      const bytes = files.get(keyOf(kind, id));
      return bytes ? new Uint8Array(bytes) : null;
    },
    async storeBytes(kind, id, ref, bytes) {
      const record = await local.getRecord(kind, id);
      if (!record || record.deleted === true || readBlobRef(record)?.blobId !== ref.blobId) {
        return ok(false);
      }
      files.set(keyOf(kind, id), new Uint8Array(bytes));
      return ok(true);
    },
    async wanted(limit) {
      const problems = new Set((await local.problems()).map((p) => keyOf(p.kind, p.id)));
      const list: WantedBlob[] = [];
      for (const [key, record] of local.records()) {
        const kind = key.slice(0, key.indexOf('/'));
        if (list.length >= limit) break;
        if (!kinds.includes(kind) || record.deleted === true) continue;
        if (files.has(key) || problems.has(key)) continue;
        const ref = readBlobRef(record);
        if (ref) list.push({ kind, id: record.id, ref });
      }
      return list;
    },
    async getPendingUpload(kind, id) {
      const upload = pending.get(keyOf(kind, id));
      return upload && structuredClone(upload);
    },
    async savePendingUpload(kind, id, upload) {
      pending.set(keyOf(kind, id), structuredClone(upload));
      return ok(null);
    },
    async deletePendingUpload(kind, id) {
      pending.delete(keyOf(kind, id));
      return ok(null);
    },
    async unreferenced() {
      if (unreferencedQueued) return null;
      const list: { kind: string; id: string }[] = [];
      for (const [key, record] of local.records()) {
        const kind = key.slice(0, key.indexOf('/'));
        if (!kinds.includes(kind) || record.deleted === true || !files.has(key)) continue;
        if (!readBlobRef(record)) list.push({ kind, id: record.id });
      }
      return list;
    },
    async markUnreferencedQueued() {
      unreferencedQueued = true;
    },
    async replacedBlobs() {
      return replaced.map((entry) => ({ ...entry }));
    },
    async noteReplacedBlob(entry) {
      if (!replaced.some((known) => known.oldBlobId === entry.oldBlobId)) {
        replaced = [...replaced, { ...entry }];
      }
      return ok(null);
    },
    async forgetReplacedBlob(oldBlobId) {
      replaced = replaced.filter((entry) => entry.oldBlobId !== oldBlobId);
      return ok(null);
    },
  };
}
