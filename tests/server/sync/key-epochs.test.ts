// Key epochs on the wire: device public keys (at team creation, invite claim, or set later),
// an admin's rotation with one grant per active device, grants handed out in the session, and
// pushes below the team's epoch refused per record. SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type {
  DeviceCredentials,
  DeviceListResponse,
  PushResponse,
  RecordChange,
  SessionResponse,
} from '../../../src/shared/sync-protocol.js';
import {
  addMember,
  b64,
  backends,
  call,
  change,
  claimToken,
  createTeam,
  useSyncServer,
} from './harness.js';

describe.each(backends)('key epochs on %s', (backend) => {
  const server = useSyncServer(backend);
  const session = (device: DeviceCredentials) =>
    call<SessionResponse>(server.baseUrl, 'GET', '/api/v1/session', { token: device.deviceToken });
  const rotate = (device: DeviceCredentials, json: unknown) =>
    call(server.baseUrl, 'POST', '/api/v1/key-epochs', { token: device.deviceToken, json });
  const push = (device: DeviceCredentials, changes: RecordChange[]) =>
    call<PushResponse>(server.baseUrl, 'POST', '/api/v1/sync/push', {
      token: device.deviceToken,
      json: { changes },
    });
  const grant = (deviceId: string, text = `grant for ${deviceId}`) => ({
    deviceId,
    wrappedKey: b64(text),
  });

  it('keeps public keys from team creation, invite claim and a later update', async () => {
    const created = await call<DeviceCredentials>(server.baseUrl, 'POST', '/api/v1/teams', {
      json: { keyMaterial: b64('m'), publicKey: b64('admin public key') },
    });
    expect(created.status).toBe(201);
    const admin = created.body;
    const token = claimToken();
    const invite = await call<{ inviteId: string }>(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: { claimToken: token, wrappedTeamKey: b64('w') },
    });
    const claimed = await call<DeviceCredentials>(
      server.baseUrl,
      'POST',
      `/api/v1/invites/${invite.body.inviteId}/claim`,
      { json: { claimToken: token, keyMaterial: b64('k'), publicKey: b64('member public key') } },
    );
    expect(claimed.status).toBe(201);
    const member = claimed.body;
    const legacy = await addMember(server.baseUrl, admin); // a client that sends no key

    const list = await call<DeviceListResponse>(server.baseUrl, 'GET', '/api/v1/devices', {
      token: member.deviceToken,
    });
    expect(list.body.devices.map((d) => [d.deviceId, d.publicKey])).toEqual(
      expect.arrayContaining([
        [admin.deviceId, b64('admin public key')],
        [member.deviceId, b64('member public key')],
        [legacy.deviceId, null],
      ]),
    );
    expect((await session(admin)).body).toMatchObject({
      publicKey: b64('admin public key'),
      keyEpoch: 0,
      grants: [],
    });

    const own = await call(server.baseUrl, 'PUT', `/api/v1/devices/${legacy.deviceId}/public-key`, {
      token: legacy.deviceToken,
      json: { publicKey: b64('late key') },
    });
    expect(own.status).toBe(200);
    expect((await session(legacy)).body.publicKey).toBe(b64('late key'));
    // Not even an admin sets another device's public key: it would receive that device's grants.
    const other = await call(
      server.baseUrl,
      'PUT',
      `/api/v1/devices/${member.deviceId}/public-key`,
      {
        token: admin.deviceToken,
        json: { publicKey: b64('evil') },
      },
    );
    expect(other.status).toBe(403);
    const bad = await call(server.baseUrl, 'POST', '/api/v1/teams', {
      json: { keyMaterial: b64('m'), publicKey: 'not base64!' },
    });
    expect(bad.status).toBe(400);
  });

  it('rotates: one grant per active device, handed out in each session, none to the removed', async () => {
    const admin = await createTeam(server.baseUrl);
    const stays = await addMember(server.baseUrl, admin);
    const removed = await addMember(server.baseUrl, admin);
    await call(server.baseUrl, 'POST', `/api/v1/devices/${removed.deviceId}/revoke`, {
      token: admin.deviceToken,
    });

    const missing = await rotate(admin, { epoch: 2, grants: [grant(admin.deviceId)] });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ error: { code: 'key-grants-mismatch' } });
    const toRemoved = await rotate(admin, {
      epoch: 2,
      grants: [grant(admin.deviceId), grant(stays.deviceId), grant(removed.deviceId)],
    });
    expect(toRemoved.status).toBe(409);
    const twice = await rotate(admin, {
      epoch: 2,
      grants: [grant(admin.deviceId), grant(stays.deviceId), grant(stays.deviceId)],
    });
    expect(twice.status).toBe(409);
    const byMember = await rotate(stays, {
      epoch: 2,
      grants: [grant(admin.deviceId), grant(stays.deviceId)],
    });
    expect(byMember.status).toBe(403);
    expect((await rotate(admin, { epoch: 2, grants: [] })).status).toBe(400);

    const good = { epoch: 2, grants: [grant(admin.deviceId), grant(stays.deviceId)] };
    const rotated = await rotate(admin, good);
    expect(rotated).toMatchObject({ status: 200, body: { keyEpoch: 2 } });
    expect((await session(stays)).body).toMatchObject({
      keyEpoch: 2,
      grants: [{ epoch: 2, wrappedKey: b64(`grant for ${stays.deviceId}`) }],
    });
    expect((await session(removed)).status).toBe(401);
    // The same epoch again (a second admin, or a retry) is a conflict; a later one works.
    expect((await rotate(admin, good)).body).toMatchObject({
      error: { code: 'key-epoch-conflict' },
    });
    expect((await rotate(admin, { ...good, epoch: 5 })).status).toBe(200);
    expect((await session(stays)).body.grants.map((g) => g.epoch)).toEqual([2, 5]);
  });

  it('lets exactly one of two concurrent rotations to the same epoch win', async () => {
    const admin = await createTeam(server.baseUrl);
    const body = (text: string) => ({ epoch: 3, grants: [grant(admin.deviceId, text)] });
    const replies = await Promise.all([rotate(admin, body('a')), rotate(admin, body('b'))]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await session(admin)).body.grants).toHaveLength(1);
  });

  it('refuses pushes below the current epoch per record, and still answers old retries', async () => {
    const admin = await createTeam(server.baseUrl);
    const early = change({ keyEpoch: 1 });
    const first = await push(admin, [early]);
    expect(first.body.results[0]).toMatchObject({ status: 'ok' });
    await rotate(admin, { epoch: 2, grants: [grant(admin.deviceId)] });

    const stale = change({ keyEpoch: 1 });
    const fresh = change({ keyEpoch: 2 });
    const edit = change({ id: early.id, baseRev: 1, keyEpoch: 1 });
    const reply = await push(admin, [stale, fresh, edit]);
    expect(reply.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'stale-key-epoch',
      'ok',
      'stale-key-epoch',
    ]);
    // A retry of a change accepted before the rotation still gets its original answer.
    expect((await push(admin, [early])).body.results).toEqual(first.body.results);
    // Re-encrypted under the new epoch, the same change (same changeId) goes through.
    const again = await push(admin, [{ ...edit, keyEpoch: 2 }]);
    expect(again.body.results[0]).toMatchObject({ status: 'ok', rev: 2 });
  });

  it('takes a client-made invite id once', async () => {
    const admin = await createTeam(server.baseUrl);
    const inviteId = randomUUID();
    const body = { inviteId, claimToken: claimToken(), wrappedTeamKey: b64('w') };
    const first = await call<{ inviteId: string }>(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: body,
    });
    expect(first).toMatchObject({ status: 201, body: { inviteId } });
    const again = await call(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: { ...body, claimToken: claimToken() },
    });
    expect(again.status).toBe(400);
    const malformed = await call(server.baseUrl, 'POST', '/api/v1/invites', {
      token: admin.deviceToken,
      json: { ...body, inviteId: 'NOT-A-UUID' },
    });
    expect(malformed.status).toBe(400);
  });

  it('validates rotation bodies', async () => {
    const admin = await createTeam(server.baseUrl);
    for (const body of [
      {},
      { epoch: 0, grants: [grant(admin.deviceId)] },
      { epoch: 2, grants: [{ deviceId: 'x', wrappedKey: b64('k') }] },
      { epoch: 2, grants: [{ deviceId: randomUUID(), wrappedKey: 'no!' }] },
      { epoch: 2.5, grants: [grant(admin.deviceId)] },
    ]) {
      expect((await rotate(admin, body)).status).toBe(400);
    }
  });
});
