// Attachments after a key rotation. A record pushed while its server copy is under an older
// key epoch is being re-encrypted (reencrypt.ts queues them; an edit does it too), and its
// attachment must move to the current epoch with it. Blobs are immutable and their chunks
// bound to blob id and epoch (crypto/blob-chunks.ts), so the file is sealed again as a new
// blob under the current epoch, the record's reference is rewritten, and the ordinary
// upload-before-push of blob-sync.ts sends it: the record goes out only once its new blob
// is complete. A device that lacks the file downloads the old blob (it still has the old
// key), checks it against the reference and keeps it before sealing it anew.
//
// The new blob id is derived from the old reference and the epoch (not random), so two
// devices re-encrypting the same record at once make the same reference: their pushes merge
// without a conflict, and their uploads meet on one blob id, which blob-upload.ts already
// handles (another sealing's chunks are overwritten; the first to complete wins).
//
// The old blob, which a removed member's old key still opens, is deleted from the server once
// the server's version of the record no longer references it — normally when the push of the
// re-encrypted record was acknowledged (deleteReplacedBlobs, after the downloads of the run).
// Never before: a device that pulled the old version can still fetch the old blob until the
// new version is there for it to pull. The pending deletion is kept on the device
// (LocalBlobStore.noteReplacedBlob), written before the new reference, so a crash between the
// acknowledgement and the deletion only delays it. A deletion that fails on the network waits
// for the next run; one the server refuses is given up (the blob stays, as before).
import { nameBasedId } from '../domain/ids';
import type { TransportErr } from './transport';
import type { BlobSyncOptions, StorageStop } from './blob-sync';
import {
  BLOB_FIELD,
  encryptedSizeOf,
  openAttachment,
  sealAttachment,
  sha256Hex,
  readBlobRef,
  type BlobRef,
  type PendingUpload,
} from './blob-ref';
import type { ReplacedBlob } from './blob-local-store';
import {
  EMPTY_SHADOW,
  type LocalStore,
  type OutboxItem,
  type RecordShadow,
  type SyncRecord,
} from './local-store';

/**
 * Whether the record's attachment must be sealed anew under `current`. A reference without
 * its epoch (made before references recorded it) is judged by the record's server copy:
 * the blob was complete before the first record version referencing it was pushed, and
 * epochs only grow, so the blob is no newer than that copy.
 */
export function needsCurrentEpoch(
  ref: BlobRef,
  shadow: RecordShadow | undefined,
  current: number,
): boolean {
  if (ref.keyEpoch !== undefined) return ref.keyEpoch < current;
  return shadow?.keyEpoch !== undefined && shadow.keyEpoch < current;
}

/**
 * The blob id of `ref`'s file sealed under `epoch`: a UUID (RFC 9562 version 8) from the
 * SHA-256 of the team, the record, the old blob id and the epoch. Fresh (no blob ever had
 * it) and the same on every device; the old blob id already stands for exactly one file.
 * Only values the server knows go in: with the file's hash in the input, a server could
 * confirm a guess of the file (a blank official form is public) by computing the id.
 */
export async function resealedBlobId(
  teamId: string,
  kind: string,
  recordId: string,
  ref: BlobRef,
  epoch: number,
): Promise<string> {
  return nameBasedId(
    ['lotse/blob-reseal/v1', teamId, kind, recordId, ref.blobId, epoch].join('\n'),
  );
}

/**
 * The attachment's plaintext: the bytes on this device, or the old blob downloaded, checked
 * and stored. 'unavailable': neither (the server refuses the blob, it fails its check, or
 * the bytes here are not the referenced ones).
 */
async function plaintextOf(
  blobs: BlobSyncOptions,
  kind: string,
  id: string,
  ref: BlobRef,
): Promise<Uint8Array | 'unavailable' | TransportErr | StorageStop> {
  const here = await blobs.store.readBytes(kind, id);
  if (here) return (await sha256Hex(here)) === ref.sha256 ? here : 'unavailable';
  const fetched = await blobs.transport.download(ref.blobId, encryptedSizeOf(ref));
  if (!fetched.ok) return fetched.failure.code === 'request-refused' ? 'unavailable' : fetched;
  const opened = await openAttachment(blobs.keyring(), ref, fetched.value);
  if (!opened.ok) return 'unavailable';
  // Kept, as the download step would (and taken off the download list).
  const stored = await blobs.store.storeBytes(kind, id, ref, opened.bytes);
  return stored.ok ? opened.bytes : { storage: stored.code };
}

/**
 * Seals the attachment of `local` (referencing `ref`, of an older epoch) under the current
 * epoch and writes the new reference into the record; returns the upload to make. 'ready':
 * the file cannot be had, the record goes out with the reference it has (the download step
 * reports the broken blob). 'later': the record was edited meanwhile (the next round sees
 * the new version). A transport failure ends the run: the record waits for its file.
 */
export async function resealAttachment(
  store: LocalStore,
  blobs: BlobSyncOptions,
  item: OutboxItem,
  local: SyncRecord,
  ref: BlobRef,
): Promise<PendingUpload | 'ready' | 'later' | TransportErr | StorageStop> {
  const { kind, recordId: id } = item;
  const keyring = blobs.keyring();
  const blobId = await resealedBlobId(keyring.teamId, kind, id, ref, keyring.current);
  // Sealed already (the upload or the reference write was cut off): the same ciphertext.
  let pending = await blobs.store.getPendingUpload(kind, id);
  if (pending?.ref.blobId !== blobId) {
    const bytes = await plaintextOf(blobs, kind, id, ref);
    if (bytes === 'unavailable') return 'ready';
    if (!(bytes instanceof Uint8Array)) return bytes;
    // The old chunk size: every device sealing this file makes the same reference.
    pending = (await sealAttachment(keyring, blobId, bytes, ref.chunkSize)) ?? undefined;
    if (!pending) return 'ready'; // not reached: a chunk size is given
    const saved = await blobs.store.savePendingUpload(kind, id, pending);
    if (!saved.ok) return { storage: saved.code };
  }
  const shadow = (await store.getShadow(kind, id)) ?? EMPTY_SHADOW;
  // Noted before the reference is written, so no crash can forget the old blob.
  const replaced = { kind, id, oldBlobId: ref.blobId, newBlobId: blobId, sinceRev: shadow.rev };
  const noted = await blobs.store.noteReplacedBlob(replaced);
  if (!noted.ok) return { storage: noted.code };
  const record = { ...local, [BLOB_FIELD]: pending.ref };
  const written = await store.apply({
    updates: [{ kind, id, shadow, record, expectedOutboxSeq: item.seq }],
  });
  return written.ok ? pending : 'later';
}

/**
 * Whether the server's version of the record (the shadow's base: the last one this device
 * pulled or had acknowledged) has left the old blob behind: it references the new blob, or —
 * a conflict merged towards another file — a revision newer than the re-encrypted one
 * references anything but the old blob. A version that still references it, or none known
 * (a server restored from a backup: rev 0), means wait.
 */
function leftBehind(entry: ReplacedBlob, shadow: RecordShadow | undefined): boolean {
  if (!shadow?.base || shadow.rev === 0) return false;
  const current = readBlobRef(shadow.base)?.blobId;
  if (current === entry.oldBlobId) return false;
  return current === entry.newBlobId || shadow.rev > entry.sinceRev;
}

/**
 * Deletes from the server the old blobs whose records' server versions reference them no
 * more. Never fails the run: a transport failure stops the deletions until the next run.
 * Resolves to the number deleted.
 */
export async function deleteReplacedBlobs(
  store: LocalStore,
  blobs: BlobSyncOptions,
): Promise<number> {
  let deleted = 0;
  for (const entry of await blobs.store.replacedBlobs()) {
    if (!leftBehind(entry, await store.getShadow(entry.kind, entry.id))) continue;
    const result = await blobs.transport.delete(entry.oldBlobId);
    if (!result.ok && result.failure.code !== 'request-refused') break;
    // Deleted, gone already (another device was first), or refused: not asked again. A
    // bookkeeping write that fails asks once more next run, harmlessly (404 is 'gone').
    await blobs.store.forgetReplacedBlob(entry.oldBlobId);
    if (result.ok && result.value === 'deleted') deleted += 1;
  }
  return deleted;
}
