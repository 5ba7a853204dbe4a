// Sync API errors in the shared envelope, with the HTTP status each code goes out with.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncErrorCode, SyncErrorEnvelope } from '../../shared/sync-protocol.js';
import type { ApiErrorCode } from '../../shared/api-errors.js';
import { sendJson } from '../responses.js';

export type SyncFailureCode = SyncErrorCode | ApiErrorCode;

const statusOf: Readonly<Record<SyncFailureCode, number>> = {
  'invalid-json': 400,
  'invalid-request': 400,
  'invalid-id': 400,
  'bad-request': 400,
  unauthorized: 401,
  'device-revoked': 401,
  forbidden: 403,
  'invite-invalid': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'blob-complete': 409,
  'blob-incomplete': 409,
  'key-epoch-conflict': 409,
  'key-grants-mismatch': 409,
  'invite-used': 410,
  'invite-expired': 410,
  'blob-deleted': 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'blob-size-mismatch': 422,
  'blob-hash-mismatch': 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export type SyncErrorOptions = { retryAfterSeconds?: number; allow?: readonly string[] };

export function sendSyncError(
  req: IncomingMessage,
  res: ServerResponse,
  code: SyncFailureCode,
  message: string,
  options: SyncErrorOptions = {},
): void {
  const body: SyncErrorEnvelope = { error: { code, message } };
  if (code === 'device-revoked') body.wipe = true;
  if (code === 'unauthorized' || code === 'device-revoked') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="lotse"');
  }
  if (options.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(options.retryAfterSeconds));
  }
  if (options.allow) res.setHeader('Allow', options.allow.join(', '));
  // The client may still be sending a body we refused; do not keep the connection for it.
  if (code === 'payload-too-large' || code === 'unsupported-media-type') {
    res.setHeader('Connection', 'close');
  }
  sendJson(req, res, statusOf[code], body);
}
