// The Transport over HTTP (fetch) to Lotse's server, /api/v1 (src/shared/sync-protocol.ts).
// Every failure becomes a TransportFailure value; nothing here throws at the engine.
import {
  isSyncErrorEnvelope,
  syncPaths,
  type EventsResponse,
  type PullResponse,
  type PushResponse,
} from '../shared/sync-protocol';
import { parseRetryAfter } from './backoff';
import { transportErr, type Transport, type TransportResult } from './transport';

export type HttpTransportOptions = {
  /** Origin of the server, e.g. "https://lotse.example.org" (no trailing slash). */
  baseUrl: string;
  deviceToken: string;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Abort a request that takes longer (long-polls get their own timeout added). */
  requestTimeoutMs?: number;
};

type Shape<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isPushResponse: Shape<PushResponse> = (v): v is PushResponse =>
  isObject(v) && Array.isArray(v.results) && typeof v.seq === 'number';
const isPullResponse: Shape<PullResponse> = (v): v is PullResponse =>
  isObject(v) &&
  Array.isArray(v.records) &&
  typeof v.nextCursor === 'number' &&
  typeof v.hasMore === 'boolean';
const isEventsResponse: Shape<EventsResponse> = (v): v is EventsResponse =>
  isObject(v) && typeof v.seq === 'number' && typeof v.changed === 'boolean';

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;

  async function call<T>(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown; extraTimeoutMs?: number; signal?: AbortSignal },
    shape: Shape<T>,
  ): Promise<TransportResult<T>> {
    // By hand rather than AbortSignal.any/timeout, which older Safari lacks.
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, timeoutMs + (init.extraTimeoutMs ?? 0));
    init.signal?.addEventListener('abort', abort);
    let response: Response;
    let body: unknown;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${options.deviceToken}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        cache: 'no-store',
      });
      body = await response.json().catch(() => undefined);
    } catch {
      // Offline, DNS, reset, timeout, abort, a body cut mid-way: all the same to the engine.
      return transportErr({ code: 'network-error' });
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', abort);
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
    if (response.ok) {
      return shape(body)
        ? { ok: true, value: body }
        : transportErr({
            code: 'request-refused',
            status: response.status,
            apiCode: 'bad-response',
          });
    }
    const apiCode = isSyncErrorEnvelope(body) ? body.error.code : 'unknown';
    if (response.status === 429) return transportErr({ code: 'rate-limited', retryAfterMs });
    if (response.status >= 500) {
      return transportErr({ code: 'server-unavailable', status: response.status, retryAfterMs });
    }
    if (apiCode === 'device-revoked') {
      return transportErr({
        code: 'device-revoked',
        wipe: isSyncErrorEnvelope(body) && body.wipe === true,
      });
    }
    if (response.status === 401) return transportErr({ code: 'unauthorized' });
    return transportErr({ code: 'request-refused', status: response.status, apiCode });
  }

  return {
    push: (request) => call(syncPaths.push, { method: 'POST', body: request }, isPushResponse),
    pull: (after, limit) =>
      call(`${syncPaths.pull}?after=${after}&limit=${limit}`, { method: 'GET' }, isPullResponse),
    events: (after, timeoutSeconds, signal) =>
      call(
        `${syncPaths.events}?after=${after}&timeout=${timeoutSeconds}`,
        { method: 'GET', extraTimeoutMs: timeoutSeconds * 1000, signal },
        isEventsResponse,
      ),
  };
}
