// Teams, devices and invites.
import { randomUUID } from 'node:crypto';
import {
  syncLimits,
  type ClaimInviteResponse,
  type CreateInviteResponse,
  type CreateTeamResponse,
  type DeviceListResponse,
  type RevokeDeviceResponse,
  type SessionResponse,
  type SetKeyMaterialResponse,
} from '../../shared/sync-protocol.js';
import { sendJson } from '../responses.js';
import { newDeviceToken, sha256Hex } from './auth.js';
import { readJsonBody } from './request-body.js';
import type { AuthedCall, SyncCall } from './sync-context.js';
import { sendSyncError } from './sync-errors.js';
import { parseClaim, parseCreateInvite, parseKeyMaterial, parseOptionalKey } from './validate.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export async function jsonBody(
  call: SyncCall,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const body = await readJsonBody(call.req, syncLimits.maxJsonBody);
  if (body.ok) return body;
  sendSyncError(call.req, call.res, body.code, 'The request body could not be read');
  return { ok: false };
}

export async function createTeam(call: SyncCall): Promise<void> {
  const body = await jsonBody(call);
  if (!body.ok) return;
  const keyMaterial = parseKeyMaterial(body.value);
  const publicKey = parseOptionalKey(body.value, 'publicKey');
  if (!keyMaterial.ok || !publicKey.ok) {
    const message = 'keyMaterial (and publicKey, if given) must be base64';
    return sendSyncError(call.req, call.res, 'invalid-request', message);
  }
  const teamId = randomUUID();
  const deviceId = randomUUID();
  const deviceToken = newDeviceToken();
  await call.services.store.createTeam(
    teamId,
    {
      deviceId,
      tokenHash: sha256Hex(deviceToken),
      keyMaterial: keyMaterial.value,
      publicKey: publicKey.value,
    },
    call.services.now(),
  );
  const response: CreateTeamResponse = { teamId, deviceId, deviceToken, role: 'admin' };
  sendJson(call.req, call.res, 201, response);
}

export async function session({ req, res, device, services }: AuthedCall): Promise<void> {
  const { store } = services;
  const grants = await store.grantsFor(device.teamId, device.deviceId);
  const response: SessionResponse = {
    teamId: device.teamId,
    deviceId: device.deviceId,
    role: device.role,
    keyMaterial: device.keyMaterial.toString('base64'),
    publicKey: device.publicKey?.toString('base64') ?? null,
    seq: await store.teamSeq(device.teamId),
    keyEpoch: await store.teamKeyEpoch(device.teamId),
    grants: grants.map((g) => ({ epoch: g.epoch, wrappedKey: g.wrappedKey.toString('base64') })),
  };
  sendJson(req, res, 200, response);
}

export async function listDevices({ req, res, device, services }: AuthedCall): Promise<void> {
  const devices = await services.store.listDevices(device.teamId);
  const response: DeviceListResponse = {
    devices: devices.map((d) => ({
      deviceId: d.deviceId,
      role: d.role,
      publicKey: d.publicKey?.toString('base64') ?? null,
      createdAt: iso(d.createdAt),
      revokedAt: d.revokedAt === null ? null : iso(d.revokedAt),
    })),
  };
  sendJson(req, res, 200, response);
}

export async function revokeDevice(call: AuthedCall): Promise<void> {
  const { req, res, device, services, params } = call;
  const target = params.deviceId ?? '';
  if (target === device.deviceId) {
    return sendSyncError(req, res, 'invalid-request', 'A device cannot revoke itself');
  }
  const revokedAt = await services.store.revokeDevice(device.teamId, target, services.now());
  if (revokedAt === null)
    return sendSyncError(req, res, 'not-found', 'No such device in this team');
  const response: RevokeDeviceResponse = { deviceId: target, revokedAt: iso(revokedAt) };
  sendJson(req, res, 200, response);
}

export async function setKeyMaterial(call: AuthedCall): Promise<void> {
  const { req, res, device, services, params } = call;
  const target = params.deviceId ?? '';
  if (target !== device.deviceId && device.role !== 'admin') {
    return sendSyncError(req, res, 'forbidden', 'Only admins set key material of other devices');
  }
  const body = await jsonBody(call);
  if (!body.ok) return;
  const keyMaterial = parseKeyMaterial(body.value);
  if (!keyMaterial.ok)
    return sendSyncError(req, res, 'invalid-request', 'keyMaterial must be base64');
  const done = await services.store.setKeyMaterial(device.teamId, target, keyMaterial.value);
  if (!done) return sendSyncError(req, res, 'not-found', 'No such active device in this team');
  const response: SetKeyMaterialResponse = { deviceId: target };
  sendJson(req, res, 200, response);
}

export async function createInvite(call: AuthedCall): Promise<void> {
  const { req, res, device, services } = call;
  const body = await jsonBody(call);
  if (!body.ok) return;
  const input = parseCreateInvite(body.value);
  if (!input.ok) return sendSyncError(req, res, 'invalid-request', 'Malformed invite');
  const inviteId = input.value.inviteId ?? randomUUID();
  const expiresAt = services.now() + input.value.expiresInSeconds * 1000;
  const created = await services.store.createInvite({
    inviteId,
    teamId: device.teamId,
    claimHash: sha256Hex(input.value.claimToken),
    wrappedTeamKey: input.value.wrappedTeamKey,
    role: input.value.role,
    createdBy: device.deviceId,
    expiresAt,
  });
  if (!created) return sendSyncError(req, res, 'invalid-request', 'This inviteId exists already');
  const response: CreateInviteResponse = { inviteId, expiresAt: iso(expiresAt) };
  sendJson(req, res, 201, response);
}

const claimMessages = {
  'not-found': 'No such invite',
  'invite-invalid': 'The claim token does not match this invite',
  'invite-used': 'This invite has been used already',
  'invite-expired': 'This invite has expired',
} as const;

export async function claimInvite(call: SyncCall): Promise<void> {
  const { req, res, services, params } = call;
  const body = await jsonBody(call);
  if (!body.ok) return;
  const input = parseClaim(body.value);
  if (!input.ok) return sendSyncError(req, res, 'invalid-request', 'Malformed claim');
  const deviceId = randomUUID();
  const deviceToken = newDeviceToken();
  const claimed = await services.store.claimInvite(
    params.inviteId ?? '',
    sha256Hex(input.value.claimToken),
    {
      deviceId,
      tokenHash: sha256Hex(deviceToken),
      keyMaterial: input.value.keyMaterial,
      publicKey: input.value.publicKey,
    },
    services.now(),
  );
  if (!claimed.ok) return sendSyncError(req, res, claimed.code, claimMessages[claimed.code]);
  const response: ClaimInviteResponse = {
    teamId: claimed.value.teamId,
    deviceId,
    deviceToken,
    role: claimed.value.role,
    wrappedTeamKey: claimed.value.wrappedTeamKey.toString('base64'),
  };
  sendJson(req, res, 201, response);
}
