// Attachment (blob) encryption in chunks, so large files upload resumably.
//
// Each chunk: version 1 | key epoch u32 | index u32 | total u32 | nonce (12) | ciphertext.
// The associated data binds team id, blob id, epoch, the chunk's index AND the total
// number of chunks: a chunk moved to another position, another blob, or a blob cut short
// (fewer chunks, with the last one dropped) fails authentication.
import { err, ok, type Result } from '../shared/result';
import { open, seal } from './aes-gcm';
import { associatedData, concatBytes, readU32, u32, type Bytes } from './bytes';
import type { CryptoErrorCode } from './codes';
import { currentKey, type Keyring } from './keyring';

export const BLOB_CHUNK_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 256 * 1024;
const HEADER_LENGTH = 13;
/** Bytes an encrypted chunk adds to its plaintext: header, nonce, tag. */
export const CHUNK_OVERHEAD = HEADER_LENGTH + 12 + 16;

export type BlobAddress = { teamId: string; blobId: string };

const chunkAad = (address: BlobAddress, epoch: number, index: number, total: number): Bytes =>
  associatedData('lotse/blob/v1', address.teamId, address.blobId, epoch, index, total);

/** Splits `plaintext` into chunks of `chunkSize` bytes and encrypts each (at least one). */
export async function encryptBlob(
  keyring: Keyring,
  address: BlobAddress,
  plaintext: Uint8Array,
  chunkSize: number = DEFAULT_CHUNK_SIZE,
): Promise<Bytes[]> {
  if (address.teamId !== keyring.teamId) throw new Error('blob of another team');
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunk size');
  const total = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  const epoch = keyring.current;
  const key = currentKey(keyring);
  const chunks: Bytes[] = [];
  for (let index = 0; index < total; index += 1) {
    const part = new Uint8Array(plaintext.subarray(index * chunkSize, (index + 1) * chunkSize));
    const sealed = await seal(key, part, chunkAad(address, epoch, index, total));
    chunks.push(
      concatBytes(Uint8Array.of(BLOB_CHUNK_VERSION), u32(epoch), u32(index), u32(total), sealed),
    );
  }
  return chunks;
}

/** Decrypts one chunk, which must be the chunk at `expectedIndex`. */
export async function decryptChunk(
  keyring: Keyring,
  address: BlobAddress,
  chunk: Uint8Array,
  expectedIndex: number,
): Promise<Result<{ plaintext: Bytes; total: number }, CryptoErrorCode>> {
  if (chunk.length < 1) return err('crypto-malformed');
  if (chunk[0] !== BLOB_CHUNK_VERSION) return err('crypto-unsupported-version');
  if (chunk.length < HEADER_LENGTH) return err('crypto-malformed');
  if (address.teamId !== keyring.teamId) return err('crypto-tampered');
  const epoch = readU32(chunk, 1);
  const index = readU32(chunk, 5);
  const total = readU32(chunk, 9);
  const key = keyring.keys.get(epoch);
  if (!key) return err('crypto-unknown-epoch');
  // The header's index is checked through the AAD built from the EXPECTED index.
  const opened = await open(
    key,
    chunk.subarray(HEADER_LENGTH),
    chunkAad(address, epoch, expectedIndex, total),
  );
  if (!opened.ok || index !== expectedIndex) return err('crypto-tampered');
  return ok({ plaintext: opened.value, total });
}

/** Decrypts a whole blob; its chunks must all be there, in order, nothing more. */
export async function decryptBlob(
  keyring: Keyring,
  address: BlobAddress,
  chunks: readonly Uint8Array[],
): Promise<Result<Bytes, CryptoErrorCode>> {
  if (chunks.length === 0) return err('crypto-chunks-incomplete');
  const parts: Bytes[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const opened = await decryptChunk(keyring, address, chunk, index);
    if (!opened.ok) return opened;
    if (opened.value.total !== chunks.length) return err('crypto-chunks-incomplete');
    parts.push(opened.value.plaintext);
  }
  return ok(concatBytes(...parts));
}

/**
 * Cuts a downloaded blob (the encrypted chunks concatenated) back into its chunks. Every
 * chunk but the last holds exactly `chunkSize` plaintext bytes, so the cut points follow
 * from the chunk size the blob was encrypted with (kept in the referencing record).
 */
export function splitEncryptedBlob(bytes: Uint8Array, chunkSize: number): Bytes[] {
  const step = chunkSize + CHUNK_OVERHEAD;
  const chunks: Bytes[] = [];
  for (let offset = 0; offset < bytes.length; offset += step) {
    chunks.push(new Uint8Array(bytes.subarray(offset, offset + step)));
  }
  return chunks;
}
