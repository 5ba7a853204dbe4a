// A device that stays in the team after a removal receives the new epoch's key as a grant
// (real ECDH wrapping, real Dexie): it adds a non-extractable copy, writes under the new
// epoch, and what it writes opens with the admin's rotated keyring. The session answer is
// built here (the server's side is tested in tests/server/sync/key-epochs.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/crypto/bytes';
import { rotateEpoch } from '../../../src/crypto/key-epochs';
import { createKeyring } from '../../../src/crypto/keyring';
import { generateMemberKeys } from '../../../src/crypto/member-keys';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createTeamRepository, type TeamMembership } from '../../../src/db/team-repository';
import type { SessionResponse } from '../../../src/shared/sync-protocol';
import type { HttpTransport } from '../../../src/sync/http-transport';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { refreshSyncKeys, syncKeyOf } from '../../../src/ui/screens/team/key-refresh';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const DEVICE = '0190a000-0000-7000-8000-00000000d002';
let db: LotseDb | null = null;

afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

function sessionWith(grants: SessionResponse['grants']): HttpTransport {
  const session: SessionResponse = {
    teamId: TEAM,
    deviceId: DEVICE,
    role: 'member',
    keyMaterial: '',
    publicKey: null,
    seq: 0,
    keyEpoch: 2,
    grants,
  };
  // Only session() is used by refreshSyncKeys.
  return { session: async () => ({ ok: true, value: session }) } as unknown as HttpTransport;
}

describe('key refresh', () => {
  it('takes the new epoch from its grant and writes records the admin can read', async () => {
    db = openDatabase(`keys-${Math.random()}`);
    await db.open();
    const adminKeyring = await createKeyring(TEAM);
    const member = await generateMemberKeys();
    const membership: TeamMembership = {
      teamId: TEAM,
      deviceId: DEVICE,
      deviceToken: 't',
      role: 'member',
      serverUrl: '',
      joinedAt: '2026-11-22T10:00:00.000Z',
      lockedKeyMaterial: new Uint8Array([1]),
      syncKeys: {
        teamId: TEAM,
        current: 1,
        keys: new Map([[1, await syncKeyOf(adminKeyring.keys.get(1)!)]]),
        member,
      },
    };
    await createTeamRepository(db).save(membership);

    const rotated = await rotateEpoch(adminKeyring, [
      { memberId: DEVICE, publicKey: member.publicKey },
    ]);
    const grants = rotated.grants.map((g) => ({ epoch: g.epoch, wrappedKey: toBase64(g.grant) }));
    expect(await refreshSyncKeys(db, membership, sessionWith(grants))).toBe(true);
    expect(membership.syncKeys.current).toBe(2);
    expect(membership.syncKeys.keys.get(2)?.extractable).toBe(false);
    const stored = await createTeamRepository(db).get();
    expect(stored.ok && stored.value?.syncKeys.current).toBe(2);

    const mine = createRecordCodec(() => membership.syncKeys);
    const encoded = await mine.encode('note', { id: 'n1', text: 'Termin' }, 1);
    expect(encoded.keyEpoch).toBe(2);
    const admin = createRecordCodec(() => rotated.keyring);
    const opened = await admin.decode({
      id: 'n1',
      kind: 'note',
      rev: 1,
      seq: 1,
      changeId: 'c',
      keyEpoch: 2,
      deleted: false,
      ciphertext: encoded.ciphertext,
    } as never);
    expect(opened).toMatchObject({ ok: true, value: { text: 'Termin' } });

    // Nothing new: no change.
    expect(await refreshSyncKeys(db, membership, sessionWith(grants))).toBe(false);
  });

  it('ignores a grant for another device (it cannot open it)', async () => {
    db = openDatabase(`keys-${Math.random()}`);
    await db.open();
    const keyring = await createKeyring(TEAM);
    const me = await generateMemberKeys();
    const someoneElse = await generateMemberKeys();
    const membership: TeamMembership = {
      teamId: TEAM,
      deviceId: DEVICE,
      deviceToken: 't',
      role: 'member',
      serverUrl: '',
      joinedAt: '2026-11-22T10:00:00.000Z',
      lockedKeyMaterial: new Uint8Array([1]),
      syncKeys: { teamId: TEAM, current: 1, keys: new Map(keyring.keys), member: me },
    };
    const rotated = await rotateEpoch(keyring, [
      { memberId: 'other', publicKey: someoneElse.publicKey },
    ]);
    const grants = rotated.grants.map((g) => ({ epoch: g.epoch, wrappedKey: toBase64(g.grant) }));
    expect(await refreshSyncKeys(db, membership, sessionWith(grants))).toBe(false);
    expect(membership.syncKeys.current).toBe(1);
  });
});
