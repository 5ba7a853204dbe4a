// Members come and go, with the client's real keys and engine: an invite link is single-use
// and expires; a removed member's device is told to wipe; the key rotation that follows
// reaches the remaining devices as grants, and a device that pushes with the old key is
// refused (stale-key-epoch), fetches its grant and pushes again under the new one.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64 } from '../../../src/crypto/bytes.js';
import { rotateEpoch } from '../../../src/crypto/key-epochs.js';
import { decryptRecord } from '../../../src/crypto/record-envelope.js';
import type { PullResponse } from '../../../src/shared/sync-protocol.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import { createSyncClient } from '../../../src/sync/sync-client.js';
import { backends, call, useSyncServer } from '../sync/harness.js';
import {
  claim,
  createTeamDevice,
  invite,
  joinDevice,
  person,
  settle,
  type ClientDevice,
} from './client-harness.js';

describe.each(backends)('membership and key epochs on %s', (backend) => {
  const server = useSyncServer(backend);
  const pullAll = (device: ClientDevice) =>
    call<PullResponse>(server.baseUrl, 'GET', '/api/v1/sync/pull?after=0&limit=1000', {
      token: device.creds.deviceToken,
    });

  it('accepts an invite link once, and not after it expired', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    admin.store.write('person', person());
    await settle(admin);
    const link = await invite(admin);
    const joined = await claim(server.baseUrl, link);
    expect(typeof joined).not.toBe('string');
    if (typeof joined !== 'string') {
      await settle(joined);
      expect(joined.store.records()).toEqual(admin.store.records());
    }
    expect(await claim(server.baseUrl, link)).toBe('invite-used');

    const old = await invite(admin, 3600);
    server.clock.offsetMs = 2 * 3600_000;
    try {
      expect(await claim(server.baseUrl, old)).toBe('invite-expired');
    } finally {
      server.clock.offsetMs = 0;
    }
    // A wrong secret for a real invite id: the claim token does not match.
    const other = await invite(admin);
    expect(await claim(server.baseUrl, { inviteId: other.inviteId, secret: link.secret })).toBe(
      'invite-invalid',
    );
  });

  it('tells a revoked device to wipe, and stops its schedule', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const lost = await joinDevice(server.baseUrl, admin);
    await settle(lost);
    await call(server.baseUrl, 'POST', `/api/v1/devices/${lost.creds.deviceId}/revoke`, {
      token: admin.creds.deviceToken,
    });
    const wipes: boolean[] = [];
    lost.store.write('person', person());
    const client = createSyncClient({
      store: lost.store,
      transport: lost.transport,
      codec: createRecordCodec(() => lost.keys.keyring),
      listen: false,
      onRevoked: (wipe) => wipes.push(wipe),
    });
    client.start();
    await client.idle();
    client.trigger('online');
    await client.idle();
    client.stop();
    expect(wipes).toEqual([true]);
    expect(await client.status()).toMatchObject({
      state: 'needs-attention',
      reasons: ['device-revoked'],
      pending: 1,
    });
  });

  it('rotates the key after removing a member; a stale device re-encrypts and pushes', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const stays = await joinDevice(server.baseUrl, admin);
    const removed = await joinDevice(server.baseUrl, admin);
    const manual = await joinDevice(server.baseUrl, admin, { refreshKeys: false });
    const reader = await joinDevice(server.baseUrl, admin);
    const record = person();
    admin.store.write('person', record);
    await settle(admin);
    await settle(stays);
    await settle(removed);
    await settle(manual);

    await call(server.baseUrl, 'POST', `/api/v1/devices/${removed.creds.deviceId}/revoke`, {
      token: admin.creds.deviceToken,
    });
    const listed = await admin.transport.devices();
    if (!listed.ok) throw new Error(listed.code);
    const remaining = listed.value.devices
      .filter((d) => d.revokedAt === null && d.publicKey !== null)
      .map((d) => ({
        memberId: d.deviceId,
        publicKey: fromBase64Url(d.publicKey ?? '') ?? new Uint8Array(),
      }));
    expect(remaining.map((m) => m.memberId).sort()).toEqual(
      [admin, stays, manual, reader].map((d) => d.creds.deviceId).sort(),
    );
    const rotated = await rotateEpoch(admin.keys.keyring, remaining);
    expect(rotated.failed).toEqual([]);
    const sent = await admin.transport.rotateKeyEpoch({
      epoch: rotated.keyring.current,
      grants: rotated.grants.map((g) => ({ deviceId: g.memberId, wrappedKey: toBase64(g.grant) })),
    });
    expect(sent).toEqual({ ok: true, value: { keyEpoch: 2 } });
    admin.keys.keyring = rotated.keyring;

    // Without the engine's hook the refused change stays queued and is reported, until the
    // app fetches the grant.
    const note = person({ familyName: 'Manual' });
    manual.store.write('person', note);
    expect(await manual.engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 1 } });
    expect(await manual.store.problems()).toEqual([
      { kind: 'person', id: note.id, code: 'push-stale-key-epoch' },
    ]);
    expect(await manual.refreshKeys()).toBe(true);
    await settle(manual);
    expect(await manual.store.problems()).toEqual([]);

    // The remaining member has not heard of it and edits with the old key: refused, then
    // its engine fetches the grant and sends the edit again, encrypted under epoch 2.
    stays.store.write('person', { ...record, phone: '+49 171 000' });
    const run = await stays.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(stays.keys.keyring.current).toBe(2);
    const afterEdit = (await pullAll(stays)).body.records;
    // rev 3: the manual device's idle run had re-encrypted it under epoch 2 already (rev 2).
    const edited = afterEdit.find((r) => r.id === record.id);
    expect(edited).toMatchObject({ keyEpoch: 2, rev: 3 });

    // A device that only reads meets the new epoch in a pulled record: it fetches its grant.
    await settle(reader);
    expect(reader.keys.keyring.current).toBe(2);
    expect(reader.store.records().get(`person/${record.id}`)?.phone).toBe('+49 171 000');
    expect(await reader.store.problems()).toEqual([]);

    // The removed member's old keys cannot open what was written since.
    const envelope = fromBase64Url(edited?.ciphertext ?? '') ?? new Uint8Array();
    const address = { teamId: admin.creds.teamId, kind: 'person', recordId: record.id, rev: 3 };
    expect(await decryptRecord(removed.keys.keyring, address, envelope)).toEqual({
      ok: false,
      code: 'crypto-unknown-epoch',
    });
    expect(await removed.engine.syncOnce()).toMatchObject({
      ok: false,
      failure: { code: 'device-revoked', wipe: true },
    });

    // Progressive re-encryption: after a quiet sync everything is under epoch 2.
    for (let i = 0; i < 3; i++) admin.store.write('person', person({ phone: `${i}` }));
    await settle(admin);
    await settle(admin);
    await settle(stays);
    await settle(manual);
    await settle(reader);
    expect((await pullAll(admin)).body.records.every((r) => r.keyEpoch === 2)).toBe(true);
    expect(stays.store.records()).toEqual(admin.store.records());
    expect(manual.store.records()).toEqual(admin.store.records());
    expect(reader.store.records()).toEqual(admin.store.records());
  });
});
