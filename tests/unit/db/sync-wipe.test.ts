// The device's team data going away: the local database wiped while the outbox held changes
// (the user is warned how many were lost; the membership comes back from the note outside
// IndexedDB and the next pull restores the synced data), and a revoked device wiping its
// team data on purpose (settings stay).
import { afterEach, describe, expect, it } from 'vitest';
import { lockKeyMaterial, unlockKeyMaterial } from '../../../src/crypto/key-material';
import { createKeyring } from '../../../src/crypto/keyring';
import { generateMemberKeys } from '../../../src/crypto/member-keys';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories } from '../../../src/db/repositories';
import { createDexieLocalStore } from '../../../src/db/sync-local-store';
import { checkForWipe, writeSyncMarker, type MarkerStorage } from '../../../src/db/sync-marker';
import { createTeamRepository, type TeamMembership } from '../../../src/db/team-repository';
import { emptyPerson } from '../../../src/domain/defaults';
import { createSyncEngine } from '../../../src/sync/engine';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { sampleCase } from '../../fixtures/records';
import { createMemoryServer, memoryTransport, type MemoryServer } from '../sync/memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const opened: LotseDb[] = [];

function memoryStorage(): MarkerStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

async function open(name: string): Promise<LotseDb> {
  const db = openDatabase(name);
  await db.open();
  opened.push(db);
  return db;
}

function engineFor(db: LotseDb, server: MemoryServer, membership: TeamMembership) {
  const keyring = { ...membership.syncKeys };
  return createSyncEngine({
    store: createDexieLocalStore(db),
    transport: memoryTransport(server),
    codec: createRecordCodec(() => keyring),
  });
}

async function membershipFor(passphrase: string): Promise<TeamMembership> {
  const keyring = await createKeyring(TEAM);
  const member = await generateMemberKeys();
  return {
    teamId: TEAM,
    deviceId: '0190a000-0000-7000-8000-00000000d001',
    deviceToken: 'token-of-device-1',
    role: 'admin',
    serverUrl: '',
    joinedAt: '2026-11-22T10:00:00.000Z',
    lockedKeyMaterial: await lockKeyMaterial(passphrase, { keyring, member }),
    syncKeys: { teamId: TEAM, current: keyring.current, keys: new Map(keyring.keys) },
  };
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('team data wiped', () => {
  it('a wiped database with pending changes: the user is told how many, synced data comes back', async () => {
    const server = createMemoryServer();
    const storage = memoryStorage();
    const name = `wipe-${Math.random()}`;
    const membership = await membershipFor('correct horse battery');

    const before = await open(name);
    await createTeamRepository(before).save(membership);
    const repos = createRepositories(before);
    const synced = [];
    for (const familyName of ['Haidari', 'Öztürk']) {
      const created = await repos.persons.create({ ...emptyPerson(sampleCase.id), familyName });
      if (created.ok) synced.push(created.value);
    }
    expect(await engineFor(before, server, membership).syncOnce()).toMatchObject({ ok: true });
    await repos.persons.create({ ...emptyPerson(sampleCase.id), familyName: 'Noch nicht oben' });
    writeSyncMarker(storage, membership, await before.outbox.count());
    expect(checkForWipe(storage, membership)).toEqual({ state: 'intact' });

    // The browser deletes the database; the app opens a new, empty one.
    before.close();
    await before.delete();
    const after = await open(name);
    const found = await createTeamRepository(after).get();
    expect(found).toEqual({ ok: true, value: null });

    const check = checkForWipe(storage, null);
    if (check.state !== 'wiped') throw new Error(`expected wiped, got ${check.state}`);
    expect(check.lostChanges).toBe(1); // what the warning tells the user
    expect(check.marker).toMatchObject({ teamId: TEAM, deviceToken: 'token-of-device-1' });

    // Restoring asks for the passphrase: the note holds the wrapped key material only.
    expect((await unlockKeyMaterial('wrong passphrase!', check.lockedKeyMaterial)).ok).toBe(false);
    const material = await unlockKeyMaterial('correct horse battery', check.lockedKeyMaterial);
    if (!material.ok) throw new Error(material.code);
    const restored: TeamMembership = {
      ...membership,
      lockedKeyMaterial: check.lockedKeyMaterial,
      syncKeys: { teamId: TEAM, current: 1, keys: new Map(material.value.keyring.keys) },
    };
    await createTeamRepository(after).save(restored);

    expect(await engineFor(after, server, restored).syncOnce()).toMatchObject({
      ok: true,
      value: { pulled: 2 },
    });
    expect(await after.persons.toArray()).toEqual(
      expect.arrayContaining(synced.map((p) => expect.objectContaining(p))),
    );
    expect(await after.persons.count()).toBe(2); // the unsynced one is gone, as the user was told
    expect(await after.outbox.count()).toBe(0);
    expect((await createDexieLocalStore(after).getMeta()).cursor).toBe(2);
  });

  it('no note and no membership: simply not in a team', async () => {
    expect(checkForWipe(memoryStorage(), null)).toEqual({ state: 'not-member' });
  });

  it('a revoked device wipes the team data and keeps its settings', async () => {
    const db = await open(`revoke-${Math.random()}`);
    const membership = await membershipFor('correct horse battery');
    const team = createTeamRepository(db);
    await team.save(membership);
    const repos = createRepositories(db);
    await repos.settings.set('language', 'ar');
    await repos.persons.create({ ...emptyPerson(sampleCase.id), familyName: 'Haidari' });
    await db.syncShadows.put({
      kind: 'person',
      id: 'x',
      shadow: { rev: 1, base: null, unacked: [] },
    });

    expect(await team.wipe()).toEqual({ ok: true, value: undefined });
    expect(await db.persons.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncShadows.count()).toBe(0);
    expect(await team.get()).toEqual({ ok: true, value: null });
    expect(await repos.settings.get('language')).toBe('ar');
  });

  it('keeps the data keys as non-extractable CryptoKeys across a reopen', async () => {
    const name = `keys-${Math.random()}`;
    const db = await open(name);
    const membership = await membershipFor('correct horse battery');
    const raw = await crypto.subtle.exportKey('raw', membership.syncKeys.keys.get(1)!);
    const locked = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    await createTeamRepository(db).save({
      ...membership,
      syncKeys: { ...membership.syncKeys, keys: new Map([[1, locked]]) },
    });
    db.close();
    const again = await open(name);
    const found = await createTeamRepository(again).get();
    const key = found.ok ? found.value?.syncKeys.keys.get(1) : undefined;
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key!, new Uint8Array([1]));
    expect(sealed.byteLength).toBe(17);
  });
});
