// The Transport over HTTP (fetch) to Lotse's server, /api/v1 (src/shared/sync-protocol.ts).
// Every failure becomes a TransportFailure value; nothing here throws at the engine.
import {
  isSyncErrorEnvelope,
  pullPageMediaType,
  syncPaths,
  type ClaimInviteRequest,
  type ClaimInviteResponse,
  type CreateInviteResponse,
  type CreateTeamRequest,
  type CreateTeamResponse,
  type DeviceListResponse,
  type EventsResponse,
  type PushResponse,
  type RevokeDeviceResponse,
  type RotateKeyEpochResponse,
  type SessionResponse,
  type SetPublicKeyResponse,
} from '../shared/sync-protocol';
import { parseRetryAfter } from './backoff';
import { decodePullPage, type PullPage } from './pull-page';
import { transportErr, type KeyTransport, type Transport, type TransportResult } from './transport';

export type HttpTransport = Transport &
  KeyTransport & {
    /** Admin only: removes a device; it is told to wipe its team data on its next contact. */
    revokeDevice(deviceId: string): Promise<TransportResult<RevokeDeviceResponse>>;
  };

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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isPushResponse: Shape<PushResponse> = (v): v is PushResponse =>
  isObject(v) && Array.isArray(v.results) && typeof v.seq === 'number';
const isPullResponse: Shape<PullPage> = (v): v is PullPage =>
  isObject(v) &&
  Array.isArray(v.records) &&
  typeof v.nextCursor === 'number' &&
  typeof v.hasMore === 'boolean';
const isEventsResponse: Shape<EventsResponse> = (v): v is EventsResponse =>
  isObject(v) && typeof v.seq === 'number' && typeof v.changed === 'boolean';
const isSessionResponse: Shape<SessionResponse> = (v): v is SessionResponse =>
  isObject(v) &&
  typeof v.deviceId === 'string' &&
  typeof v.seq === 'number' &&
  typeof v.keyEpoch === 'number' &&
  Array.isArray(v.grants);
const isRotateResponse: Shape<RotateKeyEpochResponse> = (v): v is RotateKeyEpochResponse =>
  isObject(v) && typeof v.keyEpoch === 'number';
const isInviteResponse: Shape<CreateInviteResponse> = (v): v is CreateInviteResponse =>
  isObject(v) && typeof v.inviteId === 'string' && typeof v.expiresAt === 'string';
const isCredentials: Shape<CreateTeamResponse> = (v): v is CreateTeamResponse =>
  isObject(v) &&
  typeof v.teamId === 'string' &&
  typeof v.deviceId === 'string' &&
  typeof v.deviceToken === 'string';
const isClaimResponse: Shape<ClaimInviteResponse> = (v): v is ClaimInviteResponse =>
  isObject(v) && typeof v.wrappedTeamKey === 'string' && isCredentials(v);
const isDeviceList: Shape<DeviceListResponse> = (v): v is DeviceListResponse =>
  isObject(v) && Array.isArray(v.devices);
const isRevokeResponse: Shape<RevokeDeviceResponse> = (v): v is RevokeDeviceResponse =>
  isObject(v) && typeof v.deviceId === 'string' && typeof v.revokedAt === 'string';
const isDeviceIdResponse: Shape<SetPublicKeyResponse> = (v): v is SetPublicKeyResponse =>
  isObject(v) && typeof v.deviceId === 'string';

type Call = <T>(
  path: string,
  init: {
    method: 'GET' | 'POST' | 'PUT';
    body?: unknown;
    extraTimeoutMs?: number;
    signal?: AbortSignal;
    /** A binary answer asked for (Accept) and read when the server sends it; else JSON. */
    binary?: { mediaType: string; decode: (body: ArrayBuffer) => unknown };
  },
  shape: Shape<T>,
) => Promise<TransportResult<T>>;

/** A JSON call to the server; without a device token, no Authorization header. */
function httpCaller(options: HttpTransportOptions): Call {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;

  return async function call<T>(
    path: string,
    init: Parameters<Call>[1],
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
          ...(options.deviceToken ? { authorization: `Bearer ${options.deviceToken}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.binary ? { accept: `${init.binary.mediaType}, application/json;q=0.5` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        cache: 'no-store',
      });
      // A body cut mid-way throws here: a network error (retried), not a refused request.
      const type = response.headers.get('content-type') ?? '';
      if (init.binary && response.ok && type.startsWith(init.binary.mediaType)) {
        // A body that does not decode is undefined: refused below as `bad-response`.
        body = init.binary.decode(await response.arrayBuffer()) ?? undefined;
      } else {
        body = parseJson(await response.text());
      }
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
  };
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const call = httpCaller(options);
  return {
    push: (request) => call(syncPaths.push, { method: 'POST', body: request }, isPushResponse),
    pull: (after, limit, afterChange, check) =>
      call(
        `${syncPaths.pull}?after=${after}&limit=${limit}${afterChange ? `&afterChange=${encodeURIComponent(afterChange)}` : ''}${check ? `&check=${check.seq}&checkChange=${encodeURIComponent(check.changeId)}` : ''}`,
        { method: 'GET', binary: { mediaType: pullPageMediaType, decode: decodePullPage } },
        isPullResponse,
      ),
    events: (after, timeoutSeconds, signal) =>
      call(
        `${syncPaths.events}?after=${after}&timeout=${timeoutSeconds}`,
        { method: 'GET', extraTimeoutMs: timeoutSeconds * 1000, signal },
        isEventsResponse,
      ),
    session: () => call(syncPaths.session, { method: 'GET' }, isSessionResponse),
    devices: () => call(syncPaths.devices, { method: 'GET' }, isDeviceList),
    revokeDevice: (deviceId) =>
      call(syncPaths.revokeDevice(deviceId), { method: 'POST' }, isRevokeResponse),
    rotateKeyEpoch: (request) =>
      call(syncPaths.keyEpochs, { method: 'POST', body: request }, isRotateResponse),
    createInvite: (request) =>
      call(syncPaths.invites, { method: 'POST', body: request }, isInviteResponse),
    setPublicKey: (deviceId, publicKey) =>
      call(
        syncPaths.publicKey(deviceId),
        { method: 'PUT', body: { publicKey } },
        isDeviceIdResponse,
      ),
  };
}

/** The calls a device makes before it has a token: creating a team, claiming an invite. */
export type JoinCalls = {
  createTeam(request: CreateTeamRequest): Promise<TransportResult<CreateTeamResponse>>;
  /** 410 `invite-used` / `invite-expired`, 403 `invite-invalid` come back as request-refused. */
  claimInvite(
    inviteId: string,
    request: ClaimInviteRequest,
  ): Promise<TransportResult<ClaimInviteResponse>>;
};

export function createHttpJoinCalls(options: Omit<HttpTransportOptions, 'deviceToken'>): JoinCalls {
  const call = httpCaller({ ...options, deviceToken: '' });
  return {
    createTeam: (request) =>
      call(syncPaths.teams, { method: 'POST', body: request }, isCredentials),
    claimInvite: (inviteId, request) =>
      call(syncPaths.claimInvite(inviteId), { method: 'POST', body: request }, isClaimResponse),
  };
}
