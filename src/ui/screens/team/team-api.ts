// The team endpoints the team screen uses (teams, invites, devices), over the sync client's
// HTTP transport (src/sync/http-transport.ts): this module only turns its failures into the
// codes the screen explains (sync.errors.* in the locales).
import { err, ok, type Result } from '../../../shared/result';
import type {
  ClaimInviteRequest,
  CreateInviteRequest,
  CreateTeamRequest,
} from '../../../shared/sync-protocol';
import { createHttpJoinCalls, createHttpTransport } from '../../../sync/http-transport';
import type { TransportFailure, TransportResult } from '../../../sync/transport';

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

/** Server error codes the screen explains as they are; any other refusal is 'server-error'. */
const EXPLAINED: ReadonlySet<string> = new Set<TeamApiCode>([
  'invite-used',
  'invite-expired',
  'invite-invalid',
  'not-found',
  'forbidden',
]);

export type TeamApiResult<T> = Result<T, TeamApiCode> & { wipe?: boolean };

export function teamApiCode(failure: TransportFailure): TeamApiCode {
  switch (failure.code) {
    case 'network-error':
    case 'rate-limited':
    case 'unauthorized':
    case 'device-revoked':
      return failure.code;
    case 'server-unavailable':
      return 'server-error';
    case 'request-refused':
      return EXPLAINED.has(failure.apiCode) ? (failure.apiCode as TeamApiCode) : 'server-error';
  }
}

function toTeamResult<T>(result: TransportResult<T>): TeamApiResult<T> {
  if (result.ok) return ok(result.value);
  const { failure } = result;
  return {
    ...err(teamApiCode(failure)),
    ...(failure.code === 'device-revoked' ? { wipe: failure.wipe } : {}),
  };
}

export function createTeamApi(baseUrl: string) {
  const join = createHttpJoinCalls({ baseUrl });
  const as = (deviceToken: string) => createHttpTransport({ baseUrl, deviceToken });
  return {
    createTeam: async (request: CreateTeamRequest) => toTeamResult(await join.createTeam(request)),
    claimInvite: async (inviteId: string, request: ClaimInviteRequest) =>
      toTeamResult(await join.claimInvite(inviteId, request)),
    createInvite: async (token: string, request: CreateInviteRequest) =>
      toTeamResult(await as(token).createInvite(request)),
    devices: async (token: string) => toTeamResult(await as(token).devices()),
    revoke: async (token: string, deviceId: string) =>
      toTeamResult(await as(token).revokeDevice(deviceId)),
  };
}

export type TeamApi = ReturnType<typeof createTeamApi>;
