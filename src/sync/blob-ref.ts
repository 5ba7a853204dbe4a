// The blob reference a record carries for its attachment (an imported form's PDF, a filled
// output): `record.blob`. The record is encrypted and authenticated, so the reference is
// too; the receiving device checks the decrypted bytes against its size and SHA-256, which
// binds the record to exactly these bytes (a swapped or replayed blob cannot pass).
import {
  CHUNK_OVERHEAD,
  decryptBlob,
  DEFAULT_CHUNK_SIZE,
  encryptBlob,
  splitEncryptedBlob,
} from '../crypto/blob-chunks';
import type { Keyring } from '../crypto/keyring';
import { syncLimits, uuidPattern } from '../shared/sync-protocol';
import type { SyncRecord } from './local-store';

/** The record field holding the reference. */
export const BLOB_FIELD = 'blob';

export type BlobRef = {
  /** The blob on the server (a lowercase UUID, fresh for every upload). */
  blobId: string;
  /** Plaintext bytes. */
  size: number;
  /** Lowercase hex SHA-256 of the plaintext. */
  sha256: string;
  /** Plaintext bytes per chunk (all but the last); needed to cut the download into chunks. */
  chunkSize: number;
  /**
   * The key epoch the chunks were sealed under (blob-reseal.ts: a blob of an older epoch is
   * sealed anew). Absent in references made before it was recorded.
   */
  keyEpoch?: number;
};

/** An upload not yet known complete: the reference and its encrypted chunks, kept until done. */
export type PendingUpload = { ref: BlobRef; chunks: Uint8Array[] };

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The record's blob reference, or null when it has none (or a malformed one). */
export function readBlobRef(record: SyncRecord): BlobRef | null {
  const value = record[BLOB_FIELD];
  if (typeof value !== 'object' || value === null) return null;
  const ref = value as Partial<BlobRef>;
  if (typeof ref.blobId !== 'string' || !uuidPattern.test(ref.blobId)) return null;
  if (!isCount(ref.size) || !isCount(ref.chunkSize) || ref.chunkSize < 1) return null;
  if (typeof ref.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(ref.sha256)) return null;
  if (ref.keyEpoch !== undefined && !isCount(ref.keyEpoch)) return null;
  const { blobId, size, sha256, chunkSize } = ref;
  return {
    blobId,
    size,
    sha256,
    chunkSize,
    ...(ref.keyEpoch === undefined ? {} : { keyEpoch: ref.keyEpoch }),
  };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The ciphertext size of the blob `ref` describes (the most a download may be). */
export const encryptedSizeOf = (ref: BlobRef): number =>
  ref.size + Math.max(1, Math.ceil(ref.size / ref.chunkSize)) * CHUNK_OVERHEAD;

/** Largest encrypted chunk the server takes, as plaintext. */
const MAX_PLAIN_CHUNK = syncLimits.maxChunkSize - CHUNK_OVERHEAD;

/**
 * The chunk size for `size` plaintext bytes: 256 KiB, larger (in KiB steps) when the file
 * needs more than the server's chunk count; null when even 1 MiB chunks are not enough.
 */
export function chunkSizeFor(size: number): number | null {
  const needed = Math.ceil(size / syncLimits.maxChunks / 1024) * 1024;
  const chunkSize = Math.max(DEFAULT_CHUNK_SIZE, needed);
  return chunkSize <= MAX_PLAIN_CHUNK ? chunkSize : null;
}

/**
 * Encrypts an attachment under `blobId` (with the chunk size of an existing reference, or
 * one chosen for its size); null when it is too large to upload.
 */
export async function sealAttachment(
  keyring: Keyring,
  blobId: string,
  bytes: Uint8Array,
  chunkSize: number | null = chunkSizeFor(bytes.byteLength),
): Promise<PendingUpload | null> {
  if (chunkSize === null) return null;
  const chunks = await encryptBlob(keyring, { teamId: keyring.teamId, blobId }, bytes, chunkSize);
  const sha256 = await sha256Hex(bytes);
  const ref = { blobId, size: bytes.byteLength, sha256, chunkSize, keyEpoch: keyring.current };
  return { ref, chunks };
}

/** Decrypts a downloaded blob and checks it against the record's reference. */
export async function openAttachment(
  keyring: Keyring,
  ref: BlobRef,
  ciphertext: Uint8Array,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: string }> {
  const address = { teamId: keyring.teamId, blobId: ref.blobId };
  const opened = await decryptBlob(keyring, address, splitEncryptedBlob(ciphertext, ref.chunkSize));
  if (!opened.ok) return opened;
  // Two sealings of one blob id (a lost blob uploaded again, a re-encryption made by two
  // devices at once) hold the same bytes; a mismatch means other bytes than the record's.
  if (opened.value.byteLength !== ref.size || (await sha256Hex(opened.value)) !== ref.sha256) {
    return { ok: false, code: 'crypto-tampered' };
  }
  return { ok: true, bytes: opened.value };
}
