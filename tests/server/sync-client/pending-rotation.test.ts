// Removing a device owes the team a new key epoch. The admin device's part runs the app's
// own code (ui/screens/team: team-api over the sync transport, key-refresh) on its Dexie
// database (fake-indexeddb) against the real server: the owed rotation is saved, survives a
// failed attempt, and is made by the next one; the remaining device then receives the new
// key, the removed one does not. The team API's error codes come from the same transport.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database.js';
import { createTeamRepository, type TeamMembership } from '../../../src/db/team-repository.js';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import {
  finishPendingRotation,
  markRotationPending,
  syncKeyOf,
} from '../../../src/ui/screens/team/key-refresh.js';
import { createTeamApi } from '../../../src/ui/screens/team/team-api.js';
import { backends, useSyncServer } from '../sync/harness.js';
import {
  claim,
  createTeamDevice,
  invite,
  joinDevice,
  type ClientDevice,
} from './client-harness.js';

async function membershipOf(device: ClientDevice): Promise<TeamMembership> {
  const keys = new Map<number, CryptoKey>();
  for (const [epoch, key] of device.keys.keyring.keys) keys.set(epoch, await syncKeyOf(key));
  return {
    teamId: device.creds.teamId,
    deviceId: device.creds.deviceId,
    deviceToken: device.creds.deviceToken,
    role: device.creds.role,
    serverUrl: '',
    joinedAt: '2026-11-22T10:00:00.000Z',
    lockedKeyMaterial: new Uint8Array(),
    syncKeys: {
      teamId: device.creds.teamId,
      current: device.keys.keyring.current,
      keys,
      member: device.member,
    },
  };
}

describe.each(backends)('an owed key rotation on %s', (backend) => {
  const server = useSyncServer(backend);

  it('stays owed through a failed attempt and is made by the next one', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const stays = await joinDevice(server.baseUrl, admin);
    const lost = await joinDevice(server.baseUrl, admin);
    const db = openDatabase(`pending-rotation-${Math.random()}`);
    await db.open();
    const team = createTeamRepository(db);
    const membership = await membershipOf(admin);
    const epoch = admin.keys.keyring.current;
    await team.save(membership);

    const api = createTeamApi(server.baseUrl);
    const revoked = await api.revoke(admin.creds.deviceToken, lost.creds.deviceId);
    expect(revoked).toMatchObject({ ok: true, value: { deviceId: lost.creds.deviceId } });
    expect((await markRotationPending(db, membership)).ok).toBe(true);
    const saved = await team.get();
    expect(saved.ok && saved.value?.pendingKeyRotation).toBe(true);

    // The server cannot be reached: still owed, nothing rotated.
    const offline = createHttpTransport({
      baseUrl: server.baseUrl,
      deviceToken: admin.creds.deviceToken,
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    const failed = await finishPendingRotation(db, membership, admin.keys.keyring, offline);
    expect(failed).toEqual({ ok: false, code: 'rotation-failed' });
    const stillOwed = await team.get();
    expect(stillOwed.ok && stillOwed.value?.pendingKeyRotation).toBe(true);
    expect(stillOwed.ok && stillOwed.value?.syncKeys.current).toBe(epoch);

    // Next time (the keys unlocked again, the server reachable): made.
    const online = createHttpTransport({
      baseUrl: server.baseUrl,
      deviceToken: admin.creds.deviceToken,
    });
    const made = await finishPendingRotation(db, membership, admin.keys.keyring, online);
    expect(made.ok && made.value?.current).toBe(epoch + 1);
    const after = await team.get();
    expect(after.ok && after.value?.pendingKeyRotation).toBe(false);
    expect(after.ok && after.value?.syncKeys.current).toBe(epoch + 1);
    const session = await online.session();
    expect(session.ok && session.value.keyEpoch).toBe(epoch + 1);
    // The device that stays gets the new key; nothing more is owed.
    expect(await stays.refreshKeys()).toBe(true);
    expect(stays.keys.keyring.current).toBe(epoch + 1);
    expect(await lost.refreshKeys()).toBe(false);
    expect(await finishPendingRotation(db, membership, admin.keys.keyring, online)).toEqual({
      ok: true,
      value: null,
    });
    db.close();
    await db.delete();
  });

  it('the team API reports the server’s refusals as the screen’s codes', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const member = await joinDevice(server.baseUrl, admin);
    const api = createTeamApi(server.baseUrl);
    expect(await api.revoke(member.creds.deviceToken, admin.creds.deviceId)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const listed = await api.devices(admin.creds.deviceToken);
    expect(listed.ok && listed.value.devices.map((d) => d.deviceId).sort()).toEqual(
      [admin.creds.deviceId, member.creds.deviceId].sort(),
    );
    await api.revoke(admin.creds.deviceToken, member.creds.deviceId);
    expect(await api.devices(member.creds.deviceToken)).toMatchObject({
      ok: false,
      code: 'device-revoked',
      wipe: true,
    });
    expect(await api.devices('not-a-token')).toMatchObject({ ok: false, code: 'unauthorized' });

    const link = await invite(admin);
    expect(typeof (await claim(server.baseUrl, link))).not.toBe('string');
    expect(await claim(server.baseUrl, link)).toBe('invite-used');
    expect(
      await createTeamApi('http://127.0.0.1:9').devices(admin.creds.deviceToken),
    ).toMatchObject({ ok: false, code: 'network-error' });
  });
});
