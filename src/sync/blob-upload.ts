// Resumable upload of an encrypted attachment: ask the server which chunks it has, send
// the missing ones, then complete with size and SHA-256 (checked by the server). An
// interrupted upload simply runs again and continues where it stopped. The record that
// references the blob is saved (and so pushed) only after the upload completed.
//
// Skipping a chunk the server has is only safe when it holds this very ciphertext. Another
// sealing of the same blob id (a blob lost in a server restore, sealed again by two devices,
// each with its own nonces) leaves chunks of the same sizes but other bytes: completing then
// fails as blob-hash-mismatch. The server lets chunks of an incomplete blob be overwritten, so
// the upload then sends every chunk again and completes once more.
import type { BlobStatusResponse } from '../shared/sync-protocol';
import type { BlobTransport } from './blob-transport';
import type { TransportErr } from './transport';

export type UploadReport = { sent: number; skipped: number };

async function sha256Hex(chunks: readonly Uint8Array[]): Promise<string> {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', whole));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Another sealing's chunks on the server: resend all of ours. */
const isMixed = (result: TransportErr): boolean =>
  result.failure.code === 'request-refused' &&
  (result.failure.apiCode === 'blob-hash-mismatch' ||
    result.failure.apiCode === 'blob-size-mismatch');

async function sendAndComplete(
  transport: BlobTransport,
  blobId: string,
  chunks: readonly Uint8Array[],
  skipReceived: boolean,
): Promise<{ ok: true; value: UploadReport } | TransportErr> {
  const report: UploadReport = { sent: 0, skipped: 0 };
  const status = await transport.status(blobId);
  if (!status.ok) return status;
  if (status.value?.complete) return { ok: true, value: { sent: 0, skipped: chunks.length } };
  const received = new Map(
    (skipReceived ? (status.value?.chunks ?? []) : []).map(
      (chunk: BlobStatusResponse['chunks'][number]) => [chunk.index, chunk.size],
    ),
  );
  for (const [index, chunk] of chunks.entries()) {
    if (received.get(index) === chunk.length) {
      report.skipped += 1;
      continue;
    }
    const put = await transport.putChunk(blobId, index, chunk);
    if (!put.ok) return put;
    if (put.value === 'complete') return { ok: true, value: report };
    report.sent += 1;
  }
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const done = await transport.complete(blobId, {
    chunkCount: chunks.length,
    size,
    sha256: await sha256Hex(chunks),
  });
  return done.ok ? { ok: true, value: report } : done;
}

export async function uploadBlob(
  transport: BlobTransport,
  blobId: string,
  chunks: readonly Uint8Array[],
): Promise<{ ok: true; value: UploadReport } | TransportErr> {
  const first = await sendAndComplete(transport, blobId, chunks, true);
  if (first.ok || !isMixed(first)) return first;
  // Once more without skipping. Should another device overwrite chunks at the same moment,
  // this fails again and the next sync run repeats it; the first to complete wins, and the
  // other then finds the blob complete (both sealings decrypt to the same bytes).
  return sendAndComplete(transport, blobId, chunks, false);
}
