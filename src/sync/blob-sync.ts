// Attachments in the sync run. Before a record of an attachment kind is pushed, its bytes
// are encrypted under a fresh blob id, the reference is written into the local record
// (`record.blob`, blob-ref.ts) and the blob is uploaded in chunks; only a record whose blob
// is complete goes out, so no device ever receives a reference to a blob it cannot fetch.
// The encrypted chunks are kept (LocalBlobStore.savePendingUpload) until the server says
// the blob is complete: an upload cut off — even by closing the app — resumes with the
// same ciphertext, sending only the chunks the server lacks. A record that references a
// blob uploaded earlier is checked against the server before it goes out again (a server
// restored from a backup may have lost the blob; it is then uploaded again). A record being
// re-encrypted under a newer key epoch gets its attachment sealed anew under that epoch, as a
// new blob uploaded before it goes out (blob-reseal.ts).
//
// Records synced before attachments were (no reference, bytes only on the device that made
// them) are put into the outbox once per device, so they get their blob and go out again.
//
// A bookkeeping write the device's storage refuses (a full disk) ends the attachment step of
// the run with its code (`storageFailure` in the stats): the record waits in the outbox, the
// file stays wanted, and nothing throws out of the run.
//
// After the pull, every record whose attachment is not on this device is downloaded,
// decrypted and checked against its reference (size, SHA-256); a blob that fails is
// reported like a tampered record and not retried until a new version of the record comes.
// That covers a blob deleted after a re-encryption too (404: `blob-unavailable`): it is
// deleted only once the record's new version is on the server, so the next pull brings the
// new reference, which clears the problem and is downloaded instead. Then old blobs that
// re-encryptions replaced are deleted from the server (blob-reseal.ts).
import type { Keyring } from '../crypto/keyring';
import type { StorageErrorCode } from '../db/storage-error';
import {
  BLOB_FIELD,
  encryptedSizeOf,
  openAttachment,
  readBlobRef,
  sealAttachment,
  sha256Hex,
  type BlobRef,
  type PendingUpload,
} from './blob-ref';
import type { LocalBlobStore } from './blob-local-store';
import { deleteReplacedBlobs, needsCurrentEpoch, resealAttachment } from './blob-reseal';
import type { BlobTransport } from './blob-transport';
import { uploadBlob } from './blob-upload';
import {
  EMPTY_SHADOW,
  type LocalStore,
  type OutboxItem,
  type RecordProblem,
  type SyncRecord,
} from './local-store';
import type { TransportErr } from './transport';

export type BlobSyncOptions = {
  store: LocalBlobStore;
  transport: BlobTransport;
  /** Read on every use, like the record codec's keyring. */
  keyring: () => Keyring;
  /** Blob ids; default crypto.randomUUID. */
  newBlobId?: () => string;
  /** Downloads per run (the rest follow in the next run). Default 100. */
  downloadBatch?: number;
};

/** The device's storage refused a write: stop, and report the code. */
export type StorageStop = { storage: StorageErrorCode };

type Attached = 'ready' | 'later' | RecordProblem | TransportErr | StorageStop;

/** A new blob for a record that has none yet: sealed, kept, and referenced by the record. */
async function attachNew(
  store: LocalStore,
  blobs: BlobSyncOptions,
  item: OutboxItem,
  local: SyncRecord,
  bytes: Uint8Array,
): Promise<PendingUpload | 'later' | RecordProblem | StorageStop> {
  const { kind, recordId: id } = item;
  // A pending upload of these very bytes (the app stopped before the reference was
  // written) is reused; anything else gets a new blob.
  let pending = await blobs.store.getPendingUpload(kind, id);
  const sameBytes =
    pending?.ref.size === bytes.byteLength && pending.ref.sha256 === (await sha256Hex(bytes));
  // Sealed under an older key epoch (a rotation came in between): sealed again.
  const sameEpoch = pending?.ref.keyEpoch === blobs.keyring().current;
  if (!pending || !sameBytes || !sameEpoch) {
    const newBlobId = blobs.newBlobId ?? (() => globalThis.crypto.randomUUID());
    pending = (await sealAttachment(blobs.keyring(), newBlobId(), bytes)) ?? undefined;
    if (!pending) return { kind, id, code: 'push-blob-too-large' };
    const saved = await blobs.store.savePendingUpload(kind, id, pending);
    if (!saved.ok) return { storage: saved.code };
  }
  const shadow = (await store.getShadow(kind, id)) ?? EMPTY_SHADOW;
  const record = { ...local, [BLOB_FIELD]: pending.ref };
  const written = await store.apply({
    updates: [{ kind, id, shadow, record, expectedOutboxSeq: item.seq }],
  });
  return written.ok ? pending : 'later'; // edited meanwhile: the next round sees the new version
}

/**
 * A record referencing a blob uploaded earlier (its pending upload is gone once the server
 * had it). A server restored from an older backup may have lost the blob: then it is
 * sealed again from the bytes on this device, under the same id and chunk size, so the
 * reference stays true.
 */
async function checkUploaded(
  blobs: BlobSyncOptions,
  item: OutboxItem,
  ref: BlobRef,
): Promise<PendingUpload | 'ready' | RecordProblem | TransportErr | StorageStop> {
  const { kind, recordId: id } = item;
  const bytes = await blobs.store.readBytes(kind, id);
  if (!bytes) return 'ready'; // not here to upload: the device that made it did
  const status = await blobs.transport.status(ref.blobId);
  if (!status.ok) {
    return status.code === 'request-refused' ? { kind, id, code: 'push-blob-refused' } : status;
  }
  if (status.value?.complete) return 'ready';
  if ((await sha256Hex(bytes)) !== ref.sha256) return 'ready'; // other bytes: cannot rebuild
  const pending = await sealAttachment(blobs.keyring(), ref.blobId, bytes, ref.chunkSize);
  if (!pending) return { kind, id, code: 'push-blob-too-large' };
  const saved = await blobs.store.savePendingUpload(kind, id, pending);
  return saved.ok ? pending : { storage: saved.code };
}

async function attach(store: LocalStore, blobs: BlobSyncOptions, item: OutboxItem) {
  const { kind, recordId: id } = item;
  const local = blobs.store.kinds.includes(kind) ? await store.getRecord(kind, id) : undefined;
  if (!local || local.deleted === true) return 'ready';
  const ref = readBlobRef(local);
  let pending = await blobs.store.getPendingUpload(kind, id);
  if (!ref) {
    const bytes = await blobs.store.readBytes(kind, id);
    // No bytes here (a record from before attachments synced): nothing to attach.
    if (!bytes) return 'ready';
    const attached = await attachNew(store, blobs, item, local, bytes);
    if (attached === 'later' || !('chunks' in attached)) return attached;
    pending = attached;
  } else if (needsCurrentEpoch(ref, await store.getShadow(kind, id), blobs.keyring().current)) {
    // Re-encrypted under a newer key epoch: the attachment moves with it (blob-reseal.ts).
    const resealed = await resealAttachment(store, blobs, item, local, ref);
    if (resealed === 'ready' || resealed === 'later' || !('chunks' in resealed)) return resealed;
    pending = resealed;
  } else if (pending?.ref.blobId !== ref.blobId) {
    const checked = await checkUploaded(blobs, item, ref);
    if (checked === 'ready' || !('chunks' in checked)) return checked;
    pending = checked;
  }
  const uploaded = await uploadBlob(blobs.transport, pending.ref.blobId, pending.chunks);
  if (!uploaded.ok) {
    // Refused: kept (with its pending upload), the record must not go out without its blob.
    return uploaded.code === 'request-refused' ? { kind, id, code: 'push-blob-refused' } : uploaded;
  }
  // Not deleted (storage failed): harmless, the next push finds the blob complete and
  // deletes it then; the store keeps the failure for the status.
  await blobs.store.deletePendingUpload(kind, id);
  return 'ready';
}

/**
 * Makes sure the attachment of every item is uploaded and referenced; returns the items
 * that may be pushed now. Stops at the first transport failure (the run ends with it).
 */
export async function uploadAttachments(
  store: LocalStore,
  blobs: BlobSyncOptions,
  items: OutboxItem[],
): Promise<
  | {
      ok: true;
      ready: OutboxItem[];
      problems: RecordProblem[];
      /** Set when storage refused a write; the items after it were not looked at. */
      storageFailure?: StorageErrorCode;
    }
  | TransportErr
> {
  const ready: OutboxItem[] = [];
  const problems: RecordProblem[] = [];
  for (const item of items) {
    const attached: Attached = await attach(store, blobs, item);
    if (attached === 'ready') ready.push(item);
    else if (attached === 'later') continue;
    else if ('kind' in attached) problems.push(attached);
    else if ('storage' in attached) {
      return { ok: true, ready, problems, storageFailure: attached.storage };
    } else return attached;
  }
  return { ok: true, ready, problems };
}

/**
 * Once per device: records holding their attachment here but no reference (synced before
 * attachments were) go into the outbox, to be uploaded and pushed again with a reference.
 */
export async function queueUnreferenced(
  store: LocalStore,
  blobs: BlobSyncOptions,
): Promise<number> {
  const list = await blobs.store.unreferenced();
  if (list === null) return 0;
  if (list.length > 0) await store.enqueue(list);
  await blobs.store.markUnreferencedQueued();
  return list.length;
}

export type DownloadStats = {
  downloaded: number;
  /** Old blobs deleted from the server after a re-encryption (blob-reseal.ts). */
  deletedBlobs?: number;
  problems: RecordProblem[];
  /** Storage refused to keep a file: downloads stop for this run, the rest stay wanted. */
  storageFailure?: StorageErrorCode;
};

/**
 * Downloads the attachments this device lacks; stops at the first transport failure. Then
 * deletes the old blobs re-encryptions replaced (their failures never end the run).
 */
export async function downloadAttachments(
  store: LocalStore,
  blobs: BlobSyncOptions,
): Promise<{ ok: true; stats: DownloadStats } | TransportErr> {
  const stats: DownloadStats = { downloaded: 0, problems: [] };
  const report = async () => {
    if (stats.problems.length > 0) await store.apply({ updates: [], problems: stats.problems });
  };
  for (const { kind, id, ref } of await blobs.store.wanted(blobs.downloadBatch ?? 100)) {
    // Never more than the reference allows: a server cannot fill the device's storage.
    const fetched = await blobs.transport.download(ref.blobId, encryptedSizeOf(ref));
    if (!fetched.ok) {
      if (fetched.failure.code !== 'request-refused') {
        await report();
        return fetched;
      }
      const tooLarge = fetched.failure.apiCode === 'blob-too-large';
      stats.problems.push({ kind, id, code: tooLarge ? 'blob-too-large' : 'blob-unavailable' });
      continue;
    }
    const opened = await openAttachment(blobs.keyring(), ref, fetched.value);
    if (!opened.ok) {
      stats.problems.push({ kind, id, code: opened.code });
      continue;
    }
    const stored = await blobs.store.storeBytes(kind, id, ref, opened.bytes);
    if (!stored.ok) {
      stats.storageFailure = stored.code;
      break;
    }
    if (stored.value) stats.downloaded += 1;
  }
  await report();
  stats.deletedBlobs = await deleteReplacedBlobs(store, blobs);
  return { ok: true, stats };
}
