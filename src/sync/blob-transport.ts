// Encrypted attachments over HTTP: chunk upload, status (to resume), completion, download,
// deletion (src/shared/sync-protocol.ts, syncPaths.blob*). Failures are values, as in
// transport.ts.
import {
  isSyncErrorEnvelope,
  syncPaths,
  type BlobStatusResponse,
  type CompleteBlobRequest,
} from '../shared/sync-protocol';
import { parseRetryAfter } from './backoff';
import { transportErr, type TransportResult } from './transport';

export type BlobTransport = {
  /** null: the server has no chunk of this blob yet. */
  status(blobId: string): Promise<TransportResult<BlobStatusResponse | null>>;
  /** 'complete' when the server says the blob is complete already. */
  putChunk(
    blobId: string,
    index: number,
    bytes: Uint8Array,
  ): Promise<TransportResult<'stored' | 'complete'>>;
  complete(
    blobId: string,
    request: CompleteBlobRequest,
  ): Promise<TransportResult<BlobStatusResponse>>;
  /**
   * The encrypted blob. With `maxBytes` (the size the record's reference implies), a larger
   * body is not read: request-refused with apiCode 'blob-too-large'.
   */
  download(blobId: string, maxBytes?: number): Promise<TransportResult<Uint8Array>>;
  /**
   * Deletes the blob for the whole team. 'gone': the server does not have it (deleted
   * already, or never there) — as good as deleted.
   */
  delete(blobId: string): Promise<TransportResult<'deleted' | 'gone'>>;
};

export type HttpBlobTransportOptions = {
  baseUrl: string;
  deviceToken: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  requestTimeoutMs?: number;
};

/** The body, or null (and the rest left unread) once it is longer than `maxBytes`. */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}

export function createHttpBlobTransport(options: HttpBlobTransportOptions): BlobTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 60_000;

  /**
   * The response (any status), or a failure value for what the caller cannot handle. A
   * successful body longer than `maxBytes` is cut off: `bytes` is then null.
   */
  async function send(
    path: string,
    init: { method: string; body?: BodyInit; contentType?: string; maxBytes?: number },
  ): Promise<
    TransportResult<{ status: number; apiCode: string | null; bytes: Uint8Array | null }>
  > {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(`${options.baseUrl}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${options.deviceToken}`,
          ...(init.contentType ? { 'content-type': init.contentType } : {}),
        },
        body: init.body,
        signal: controller.signal,
        cache: 'no-store',
      });
      if (response.ok && init.maxBytes !== undefined) {
        const bytes = await readAtMost(response, init.maxBytes);
        return { ok: true, value: { status: response.status, apiCode: null, bytes } };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      let apiCode: string | null = null;
      if (!response.ok) {
        try {
          const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
          apiCode = isSyncErrorEnvelope(body) ? body.error.code : null;
        } catch {
          apiCode = null;
        }
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        if (response.status === 429) return transportErr({ code: 'rate-limited', retryAfterMs });
        if (response.status >= 500) {
          return transportErr({
            code: 'server-unavailable',
            status: response.status,
            retryAfterMs,
          });
        }
        if (apiCode === 'device-revoked')
          return transportErr({ code: 'device-revoked', wipe: true });
        if (response.status === 401) return transportErr({ code: 'unauthorized' });
      }
      return { ok: true, value: { status: response.status, apiCode, bytes } };
    } catch {
      return transportErr({ code: 'network-error' });
    } finally {
      clearTimeout(timer);
    }
  }

  const refused = (status: number, apiCode: string | null) =>
    transportErr({ code: 'request-refused', status, apiCode: apiCode ?? 'unknown' });

  const parseStatus = (bytes: Uint8Array): BlobStatusResponse | null => {
    try {
      const body = JSON.parse(new TextDecoder().decode(bytes)) as BlobStatusResponse;
      return Array.isArray(body.chunks) && typeof body.complete === 'boolean' ? body : null;
    } catch {
      return null;
    }
  };

  return {
    async status(blobId) {
      const sent = await send(syncPaths.blobStatus(blobId), { method: 'GET' });
      if (!sent.ok) return sent;
      const { status, apiCode, bytes } = sent.value;
      if (status === 404 && apiCode === 'not-found') return { ok: true, value: null };
      const body = status === 200 && bytes ? parseStatus(bytes) : null;
      return body ? { ok: true, value: body } : refused(status, apiCode ?? 'bad-response');
    },
    async putChunk(blobId, index, bytes) {
      const sent = await send(syncPaths.blobChunk(blobId, index), {
        method: 'PUT',
        body: new Uint8Array(bytes),
        contentType: 'application/octet-stream',
      });
      if (!sent.ok) return sent;
      const { status, apiCode } = sent.value;
      if (status === 200) return { ok: true, value: 'stored' };
      if (apiCode === 'blob-complete') return { ok: true, value: 'complete' };
      return refused(status, apiCode);
    },
    async complete(blobId, request) {
      const sent = await send(syncPaths.blobComplete(blobId), {
        method: 'POST',
        body: JSON.stringify(request),
        contentType: 'application/json',
      });
      if (!sent.ok) return sent;
      const { status, apiCode, bytes } = sent.value;
      const body = status === 200 && bytes ? parseStatus(bytes) : null;
      return body ? { ok: true, value: body } : refused(status, apiCode);
    },
    async download(blobId, maxBytes) {
      const sent = await send(syncPaths.blob(blobId), { method: 'GET', maxBytes });
      if (!sent.ok) return sent;
      const { status, apiCode, bytes } = sent.value;
      if (status !== 200) return refused(status, apiCode);
      return bytes ? { ok: true, value: bytes } : refused(status, 'blob-too-large');
    },
    async delete(blobId) {
      const sent = await send(syncPaths.blob(blobId), { method: 'DELETE' });
      if (!sent.ok) return sent;
      const { status, apiCode } = sent.value;
      if (status === 204) return { ok: true, value: 'deleted' };
      if (status === 404 && apiCode === 'not-found') return { ok: true, value: 'gone' };
      return refused(status, apiCode);
    },
  };
}
