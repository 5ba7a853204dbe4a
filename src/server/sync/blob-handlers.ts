// Encrypted attachments: resumable chunked upload, status, completion with size and SHA-256
// checked by the server, download, deletion. Blob ids are UUIDs (checked by the router), scoped
// to the team: another team's blob is simply not there. A deleted blob is not there either,
// except that its id cannot be uploaded again (410 blob-deleted for a chunk).
import {
  syncLimits,
  type BlobStatusResponse,
  type ChunkResponse,
} from '../../shared/sync-protocol.js';
import { isHead, sendJson } from '../responses.js';
import { hasContentType, readJsonBody, readRawBody } from './request-body.js';
import type { BlobState } from './store/store-types.js';
import type { AuthedCall } from './sync-context.js';
import { sendSyncError } from './sync-errors.js';
import { parseCompleteBlob } from './validate.js';

const statusBody = (blobId: string, state: BlobState): BlobStatusResponse => ({ blobId, ...state });

export async function putChunk({ req, res, device, services, params }: AuthedCall): Promise<void> {
  const blobId = params.blobId ?? '';
  const index = Number(params.index);
  if (!hasContentType(req, 'application/octet-stream')) {
    req.resume();
    return sendSyncError(req, res, 'unsupported-media-type', 'Chunks are application/octet-stream');
  }
  const body = await readRawBody(req, syncLimits.maxChunkSize);
  if (!body.ok)
    return sendSyncError(
      req,
      res,
      body.code,
      `A chunk is at most ${syncLimits.maxChunkSize} bytes`,
    );
  if (body.value.length === 0) return sendSyncError(req, res, 'invalid-request', 'Empty chunk');
  const stored = await services.store.putChunk(
    device.teamId,
    blobId,
    index,
    body.value,
    services.now(),
  );
  if (!stored.ok) {
    const message =
      stored.code === 'blob-deleted'
        ? 'The blob was deleted; its id cannot be used again'
        : 'The blob is complete already';
    return sendSyncError(req, res, stored.code, message);
  }
  const response: ChunkResponse = { blobId, index, size: body.value.length };
  sendJson(req, res, 200, response);
}

export async function blobStatus({
  req,
  res,
  device,
  services,
  params,
}: AuthedCall): Promise<void> {
  const blobId = params.blobId ?? '';
  const state = await services.store.blobStatus(device.teamId, blobId);
  if (!state) return sendSyncError(req, res, 'not-found', 'No such blob');
  sendJson(req, res, 200, statusBody(blobId, state));
}

const completeMessages = {
  'not-found': 'No such blob',
  'blob-incomplete': 'Chunks are missing (or there are more than announced)',
  'blob-size-mismatch': 'The chunks do not add up to the announced size',
  'blob-hash-mismatch': 'The chunks do not hash to the announced SHA-256',
} as const;

export async function completeBlob({
  req,
  res,
  device,
  services,
  params,
}: AuthedCall): Promise<void> {
  const blobId = params.blobId ?? '';
  const body = await readJsonBody(req, syncLimits.maxJsonBody);
  if (!body.ok) return sendSyncError(req, res, body.code, 'The request body could not be read');
  const expected = parseCompleteBlob(body.value);
  if (!expected.ok)
    return sendSyncError(req, res, 'invalid-request', 'chunkCount, size, sha256 (hex)');
  const done = await services.store.completeBlob(
    device.teamId,
    blobId,
    expected.value,
    services.now(),
  );
  if (!done.ok) return sendSyncError(req, res, done.code, completeMessages[done.code]);
  sendJson(req, res, 200, statusBody(blobId, done.value));
}

export async function downloadBlob({
  req,
  res,
  device,
  services,
  params,
}: AuthedCall): Promise<void> {
  const blobId = params.blobId ?? '';
  const state = await services.store.blobStatus(device.teamId, blobId);
  if (!state) return sendSyncError(req, res, 'not-found', 'No such blob');
  if (!state.complete || state.size === null) {
    return sendSyncError(req, res, 'blob-incomplete', 'The blob is not complete yet');
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', state.size);
  res.setHeader('Cache-Control', 'no-store');
  if (isHead(req)) {
    res.end();
    return;
  }
  const read = await services.store.readBlob(device.teamId, blobId, async (data) => {
    if (res.destroyed) return;
    if (res.write(data)) return;
    await new Promise((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  });
  if (!read.ok) {
    // Deleted while it was being sent: the status line is out, so only a cut body can say so.
    res.destroy();
    return;
  }
  res.end();
}

/**
 * Any device of the team may delete a blob (the server cannot tell whether a record still
 * references it: clients decide). 204; 404 when unknown, another team's or deleted already.
 */
export async function deleteBlob({
  req,
  res,
  device,
  services,
  params,
}: AuthedCall): Promise<void> {
  req.resume();
  const blobId = params.blobId ?? '';
  const deleted = await services.store.deleteBlob(device.teamId, blobId, services.now());
  if (!deleted) return sendSyncError(req, res, 'not-found', 'No such blob');
  res.statusCode = 204;
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}
