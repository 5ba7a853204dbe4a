// How the engine reaches the server. `Transport` is the seam: the HTTP implementation
// (http-transport.ts) talks to src/server; tests use an in-memory server model.
import type { Err, Ok } from '../shared/result';
import type {
  CreateInviteRequest,
  CreateInviteResponse,
  DeviceListResponse,
  EventsResponse,
  PushRequest,
  PushResponse,
  RotateKeyEpochRequest,
  RotateKeyEpochResponse,
  SessionResponse,
  SetPublicKeyResponse,
} from '../shared/sync-protocol';
import type { PullPage } from './pull-page';

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

/** A push this device saw acknowledged at `seq`, for the server's rollback check. */
export type HistoryCheck = { seq: number; changeId: string };

export type Transport = {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  /**
   * `afterChange`: the changeId of the record at `after`; `check`: a change acknowledged
   * above it. The server says `cursorKnown: false` if its history lacks either.
   */
  pull(
    after: number,
    limit: number,
    afterChange?: string,
    check?: HistoryCheck,
  ): Promise<TransportResult<PullPage>>;
  /** Long-poll: resolves when the team's seq passes `after`, or after `timeoutSeconds`. */
  events(
    after: number,
    timeoutSeconds: number,
    signal?: AbortSignal,
  ): Promise<TransportResult<EventsResponse>>;
};

/**
 * Key epochs over the wire (the HTTP transport implements it too). The engine itself only
 * needs `Transport`; the app uses these to register the device's public key, to rotate the
 * key after removing a member, and to fetch its grants (in the session) when a push comes
 * back `stale-key-epoch`.
 */
export type KeyTransport = {
  /** Who am I; the team's seq and key epoch; every key grant addressed to this device. */
  session(): Promise<TransportResult<SessionResponse>>;
  /** The team's devices with their public keys (a rotation wraps the new key for each). */
  devices(): Promise<TransportResult<DeviceListResponse>>;
  /** Admin only. 409 `key-epoch-conflict` / `key-grants-mismatch` come back as request-refused. */
  rotateKeyEpoch(request: RotateKeyEpochRequest): Promise<TransportResult<RotateKeyEpochResponse>>;
  /** Admin only: an invite (send a client-made inviteId to bind the sealed keyring to it). */
  createInvite(request: CreateInviteRequest): Promise<TransportResult<CreateInviteResponse>>;
  /** Registers (or replaces) this device's own public key (base64). */
  setPublicKey(deviceId: string, publicKey: string): Promise<TransportResult<SetPublicKeyResponse>>;
};

export const isRetryable = (failure: TransportFailure): boolean =>
  failure.code === 'network-error' ||
  failure.code === 'server-unavailable' ||
  failure.code === 'rate-limited';
