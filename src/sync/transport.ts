// How the engine reaches the server. `Transport` is the seam: the HTTP implementation
// (http-transport.ts) talks to src/server; tests use an in-memory server model.
import type { Err, Ok } from '../shared/result';
import type {
  EventsResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../shared/sync-protocol';

export type TransportFailure =
  /** No usable response: offline, connection cut, timeout. Retry with backoff. */
  | { code: 'network-error' }
  /** 5xx: retry with backoff (or after Retry-After when given). */
  | { code: 'server-unavailable'; status: number; retryAfterMs: number | null }
  /** 429: retry after Retry-After. */
  | { code: 'rate-limited'; retryAfterMs: number | null }
  /** The token is unknown: the device must be set up again. Not retried. */
  | { code: 'unauthorized' }
  /** The device was revoked; `wipe` asks to delete local team data. Not retried. */
  | { code: 'device-revoked'; wipe: boolean }
  /** Another 4xx (a client bug or an incompatible server), or a body of the wrong shape. */
  | { code: 'request-refused'; status: number; apiCode: string };

export type TransportFailureCode = TransportFailure['code'];

/** A Result whose error also carries the details (status, Retry-After, wipe). */
export type TransportErr = Err<TransportFailureCode> & { failure: TransportFailure };
export type TransportResult<T> = Ok<T> | TransportErr;

export const transportErr = (failure: TransportFailure): TransportErr => ({
  ok: false,
  code: failure.code,
  failure,
});

export type Transport = {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(after: number, limit: number): Promise<TransportResult<PullResponse>>;
  /** Long-poll: resolves when the team's seq passes `after`, or after `timeoutSeconds`. */
  events(
    after: number,
    timeoutSeconds: number,
    signal?: AbortSignal,
  ): Promise<TransportResult<EventsResponse>>;
};

export const isRetryable = (failure: TransportFailure): boolean =>
  failure.code === 'network-error' ||
  failure.code === 'server-unavailable' ||
  failure.code === 'rate-limited';
