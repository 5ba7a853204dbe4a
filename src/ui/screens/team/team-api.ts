// The team endpoints of the sync server (/api/v1: teams, invites, devices) over fetch.
// Records go through src/sync/http-transport.ts; this covers what the team screen does.
// Failures come back as codes (the server's error code, or 'network-error').
import { err, ok, type Result } from '../../../shared/result';
import {
  isSyncErrorEnvelope,
  syncPaths,
  type ClaimInviteRequest,
  type ClaimInviteResponse,
  type CreateInviteRequest,
  type CreateInviteResponse,
  type CreateTeamRequest,
  type CreateTeamResponse,
  type DeviceListResponse,
  type RevokeDeviceResponse,
} from '../../../shared/sync-protocol';

export type TeamApiCode =
  | 'network-error'
  | 'invite-used'
  | 'invite-expired'
  | 'invite-invalid'
  | 'not-found'
  | 'forbidden'
  | 'device-revoked'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error';

const KNOWN: ReadonlySet<string> = new Set<TeamApiCode>([
  'invite-used',
  'invite-expired',
  'invite-invalid',
  'not-found',
  'forbidden',
  'device-revoked',
  'unauthorized',
  'rate-limited',
]);

export type TeamApiResult<T> = Result<T, TeamApiCode> & { wipe?: boolean };

async function call<T>(
  baseUrl: string,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown; token?: string },
): Promise<TeamApiResult<T>> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method: init.method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
    body = await response.json().catch(() => undefined);
  } catch {
    return err('network-error');
  }
  if (response.ok) return ok(body as T);
  const code = isSyncErrorEnvelope(body) ? body.error.code : '';
  const wipe = isSyncErrorEnvelope(body) && body.wipe === true;
  return { ...err(KNOWN.has(code) ? (code as TeamApiCode) : 'server-error'), wipe };
}

export function createTeamApi(baseUrl: string) {
  return {
    createTeam: (request: CreateTeamRequest) =>
      call<CreateTeamResponse>(baseUrl, syncPaths.teams, { method: 'POST', body: request }),
    claimInvite: (inviteId: string, request: ClaimInviteRequest) =>
      call<ClaimInviteResponse>(baseUrl, syncPaths.claimInvite(inviteId), {
        method: 'POST',
        body: request,
      }),
    createInvite: (token: string, request: CreateInviteRequest) =>
      call<CreateInviteResponse>(baseUrl, syncPaths.invites, {
        method: 'POST',
        body: request,
        token,
      }),
    devices: (token: string) =>
      call<DeviceListResponse>(baseUrl, syncPaths.devices, { method: 'GET', token }),
    revoke: (token: string, deviceId: string) =>
      call<RevokeDeviceResponse>(baseUrl, syncPaths.revokeDevice(deviceId), {
        method: 'POST',
        token,
      }),
  };
}

export type TeamApi = ReturnType<typeof createTeamApi>;
