// Teams, device tokens, invites (single use, expiry) and revocation with the wipe flag,
// on SQLite and on PostgreSQL, over real HTTP.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type {
  ClaimInviteResponse,
  DeviceListResponse,
  SessionResponse,
} from '../../../src/shared/sync-protocol.js';
import {
  addMember,
  b64,
  backends,
  call,
  claimToken,
  createTeam,
  fromB64,
  useSyncServer,
} from './harness.js';

describe.each(backends)('teams and devices on %s', (backend) => {
  const server = useSyncServer(backend);

  it('creates a team whose creating device is admin, with opaque key material kept as sent', async () => {
    const team = await createTeam(server.baseUrl);
    expect(team.role).toBe('admin');
    expect(team.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await call<SessionResponse>(server.baseUrl, 'GET', '/api/v1/session', {
      token: team.deviceToken,
    });
    expect(session.status).toBe(200);
    expect(session.body).toEqual({
      teamId: team.teamId,
      deviceId: team.deviceId,
      role: 'admin',
      keyMaterial: b64('admin-key-material'),
      publicKey: null,
      seq: 0,
      keyEpoch: 0,
      grants: [],
    });
  });

  it('stores device tokens only as hashes', async () => {
    const team = await createTeam(server.baseUrl);
    expect(await server.store.deviceByTokenHash(team.deviceToken)).toBeNull();
    const devices = await server.store.listDevices(team.teamId);
    expect(JSON.stringify(devices)).not.toContain(team.deviceToken);
  });

  it.each([
    ['no header', undefined],
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed token', 'not a token'],
  ])('answers 401 unauthorized to %s', async (_name, token) => {
    const reply = await call(server.baseUrl, 'GET', '/api/v1/session', {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect(reply.body).not.toHaveProperty('wipe');
  });

  it('lets a new device join through an invite, and hands it the wrapped team key', async () => {
    const admin = await createTeam(server.baseUrl);
    const token = claimToken();
    const invite = await call<{ inviteId: string; expiresAt: string }>(
      server.baseUrl,
      'POST',
      '/api/v1/invites',
      {
        token: admin.deviceToken,
        json: { claimToken: token, wrappedTeamKey: b64('team key, wrapped') },
      },
    );
    expect(invite.status).toBe(201);
    const claim = await call<ClaimInviteResponse>(
      server.baseUrl,
      'POST',
      `/api/v1/invites/${invite.body.inviteId}/claim`,
      { json: { claimToken: token, keyMaterial: b64('member key') } },
    );
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ teamId: admin.teamId, role: 'member' });
    expect(fromB64(claim.body.wrappedTeamKey)).toBe('team key, wrapped');
    const devices = await call<DeviceListResponse>(server.baseUrl, 'GET', '/api/v1/devices', {
      token: claim.body.deviceToken,
    });
    expect(devices.body.devices.map((d) => d.deviceId).sort()).toEqual(
      [admin.deviceId, claim.body.deviceId].sort(),
    );
  });

  it('keeps the invite single-use and refuses a wrong claim token', async () => {
    const admin = await createTeam(server.baseUrl);
    const token = claimToken();
    const { body } = await call<{ inviteId: string }>(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: { claimToken: token, wrappedTeamKey: b64('k') },
    });
    const path = `/api/v1/invites/${body.inviteId}/claim`;
    const wrong = await call(server.baseUrl, 'POST', path, {
      json: { claimToken: claimToken(), keyMaterial: b64('m') },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'invite-invalid' } });
    const claims = await Promise.all(
      [1, 2, 3].map(() =>
        call(server.baseUrl, 'POST', path, { json: { claimToken: token, keyMaterial: b64('m') } }),
      ),
    );
    expect(claims.map((c) => c.status).sort()).toEqual([201, 410, 410]);
    for (const c of claims.filter((c) => c.status === 410)) {
      expect(c.body).toMatchObject({ error: { code: 'invite-used' } });
    }
    expect((await server.store.listDevices(admin.teamId)).length).toBe(2);
    const unknown = await call(server.baseUrl, 'POST', `/api/v1/invites/${randomUUID()}/claim`, {
      json: { claimToken: token, keyMaterial: b64('m') },
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses an expired invite', async () => {
    const admin = await createTeam(server.baseUrl);
    const token = claimToken();
    const { body } = await call<{ inviteId: string }>(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: { claimToken: token, wrappedTeamKey: b64('k'), expiresInSeconds: 60 },
    });
    server.clock.offsetMs = 61_000;
    try {
      const claim = await call(server.baseUrl, 'POST', `/api/v1/invites/${body.inviteId}/claim`, {
        json: { claimToken: token, keyMaterial: b64('m') },
      });
      expect(claim.status).toBe(410);
      expect(claim.body).toMatchObject({ error: { code: 'invite-expired' } });
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('lets only admins invite and revoke', async () => {
    const admin = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, admin);
    const invite = await call(server.baseUrl, 'POST', '/api/v1/invites', {
      token: member.deviceToken,
      json: { claimToken: claimToken(), wrappedTeamKey: b64('k') },
    });
    expect(invite.status).toBe(403);
    expect(invite.body).toMatchObject({ error: { code: 'forbidden' } });
    const revoke = await call(server.baseUrl, 'POST', `/api/v1/devices/${admin.deviceId}/revoke`, {
      token: member.deviceToken,
    });
    expect(revoke.status).toBe(403);
  });

  it('tells a revoked device to wipe, on every request from then on', async () => {
    const admin = await createTeam(server.baseUrl);
    const lost = await addMember(server.baseUrl, admin);
    const revoke = await call<{ revokedAt: string }>(
      server.baseUrl,
      'POST',
      `/api/v1/devices/${lost.deviceId}/revoke`,
      { token: admin.deviceToken },
    );
    expect(revoke.status).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/v1/session'],
      ['GET', '/api/v1/sync/pull?after=0'],
      ['POST', '/api/v1/sync/push'],
    ] as const) {
      const reply = await call(server.baseUrl, method, path, {
        token: lost.deviceToken,
        json: method === 'POST' ? { changes: [] } : undefined,
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });
    }
    const devices = await call<DeviceListResponse>(server.baseUrl, 'GET', '/api/v1/devices', {
      token: admin.deviceToken,
    });
    expect(devices.body.devices.find((d) => d.deviceId === lost.deviceId)?.revokedAt).toBe(
      revoke.body.revokedAt,
    );
  });

  it("cannot touch another team's devices", async () => {
    const teamA = await createTeam(server.baseUrl);
    const teamB = await createTeam(server.baseUrl);
    const memberA = await addMember(server.baseUrl, teamA);
    const revoke = await call(
      server.baseUrl,
      'POST',
      `/api/v1/devices/${memberA.deviceId}/revoke`,
      {
        token: teamB.deviceToken,
      },
    );
    expect(revoke.status).toBe(404);
    const keys = await call(
      server.baseUrl,
      'PUT',
      `/api/v1/devices/${memberA.deviceId}/key-material`,
      {
        token: teamB.deviceToken,
        json: { keyMaterial: b64('evil') },
      },
    );
    expect(keys.status).toBe(404);
    const session = await call<SessionResponse>(server.baseUrl, 'GET', '/api/v1/session', {
      token: memberA.deviceToken,
    });
    expect(session.status).toBe(200);
    expect(session.body.keyMaterial).toBe(b64('member-key'));
  });

  it('lets a device replace its own key material, and an admin that of a member', async () => {
    const admin = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, admin);
    const own = await call(
      server.baseUrl,
      'PUT',
      `/api/v1/devices/${member.deviceId}/key-material`,
      {
        token: member.deviceToken,
        json: { keyMaterial: b64('rewrapped by me') },
      },
    );
    expect(own.status).toBe(200);
    const other = await call(
      server.baseUrl,
      'PUT',
      `/api/v1/devices/${admin.deviceId}/key-material`,
      {
        token: member.deviceToken,
        json: { keyMaterial: b64('x') },
      },
    );
    expect(other.status).toBe(403);
    const byAdmin = await call(
      server.baseUrl,
      'PUT',
      `/api/v1/devices/${member.deviceId}/key-material`,
      {
        token: admin.deviceToken,
        json: { keyMaterial: b64('epoch 2') },
      },
    );
    expect(byAdmin.status).toBe(200);
    const session = await call<SessionResponse>(server.baseUrl, 'GET', '/api/v1/session', {
      token: member.deviceToken,
    });
    expect(fromB64(session.body.keyMaterial)).toBe('epoch 2');
  });
});
