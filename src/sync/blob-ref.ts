// The blob reference a record carries for its attachment (an imported form's PDF, a filled
// output): `record.blob`. The record is encrypted and authenticated, so the reference is
// too; the receiving device checks the decrypted bytes against its size and SHA-256, which
// binds the record to exactly these bytes (a swapped or replayed blob cannot pass).
import { CHUNK_OVERHEAD, DEFAULT_CHUNK_SIZE, encryptBlob } from '../crypto/blob-chunks';
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
  return { blobId: ref.blobId, size: ref.size, sha256: ref.sha256, chunkSize: ref.chunkSize };
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
  const ref = { blobId, size: bytes.byteLength, sha256: await sha256Hex(bytes), chunkSize };
  return { ref, chunks };
}
