// The Dexie LocalStore's part of the rollback recovery (src/sync/rollback.ts): the cursor's
// changeId is kept with the cursor (and the highest acknowledged push with its changeId), and
// `restartAfterRollback` puts every acknowledged record back into the outbox in one
// transaction, forgetting both. Then the app's own store, driven by the engine,
// recovers from a restored server like the memory store does.
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories } from '../../../src/db/repositories';
import { createDexieLocalStore } from '../../../src/db/sync-local-store';
import { emptyPerson } from '../../../src/domain/defaults';
import { createSyncEngine } from '../../../src/sync/engine';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { createMemoryServer, memoryTransport, type MemoryServer } from '../sync/memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const opened: LotseDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function device(server: MemoryServer, keyring: Keyring) {
  const db = openDatabase(`sync-rollback-${Math.random()}`);
  opened.push(db);
  await db.open();
  const store = createDexieLocalStore(db);
  const engine = createSyncEngine({
    store,
    transport: memoryTransport(server),
    codec: createRecordCodec(() => keyring),
  });
  return { db, store, engine, repos: createRepositories(db) };
}

describe('Dexie store after a server rollback', () => {
  it('keeps the cursor with its change, and restarts in one go', async () => {
    const server = createMemoryServer();
    const { db, store, engine, repos } = await device(server, await createKeyring(TEAM));
    const created = await repos.persons.create({ ...emptyPerson('case-1'), familyName: 'Haidari' });
    if (!created.ok) throw new Error(created.code);
    const draft = await repos.persons.create(emptyPerson('case-1'));
    if (!draft.ok) throw new Error(draft.code);
    expect((await engine.syncOnce()).ok).toBe(true);
    await store.setLastSyncedAt('2026-11-22T10:00:00.000Z');
    const meta = await store.getMeta();
    expect(meta.cursor).toBe(2);
    expect(meta.cursorChange).toBe(server.records().find((r) => r.seq === 2)?.changeId);
    // The highest acknowledged push, and per record the server changes seen, are kept.
    expect(meta.ackedSeq).toBe(2);
    expect(meta.ackedChange).toBe(meta.cursorChange);
    const first = server.records().find((r) => r.id === created.value.id);
    expect((await store.getShadow('person', created.value.id))?.seen).toEqual([first?.changeId]);
    await store.apply({ updates: [], acked: { seq: 1, changeId: first?.changeId ?? '' } });
    expect((await store.getMeta()).ackedSeq).toBe(2); // never lowered
    expect(await db.outbox.count()).toBe(0);

    await repos.persons.save(draft.value.id, { ...emptyPerson('case-1'), givenNames: 'Amina' });
    expect(await store.restartAfterRollback()).toBe(1); // the other is still in the outbox
    expect(await store.getMeta()).toEqual({
      cursor: 0,
      lastSyncedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(await db.outbox.count()).toBe(2);
    expect(await store.getShadow('person', created.value.id)).toMatchObject({
      rev: 0,
      rolledBackFrom: 1,
      base: { familyName: 'Haidari' },
    });
  });

  it('pushes again what the restored server lost', async () => {
    const server = createMemoryServer();
    const keyring = await createKeyring(TEAM);
    const a = await device(server, keyring);
    const created = await a.repos.persons.create({
      ...emptyPerson('case-1'),
      familyName: 'Haidari',
    });
    if (!created.ok) throw new Error(created.code);
    await a.engine.syncOnce();
    const restore = server.backup();
    await a.repos.persons.save(created.value.id, {
      ...emptyPerson('case-1'),
      familyName: 'Haidari',
      phone: '0151 1',
    });
    const second = await a.repos.persons.create(emptyPerson('case-1'));
    if (!second.ok) throw new Error(second.code);
    await a.engine.syncOnce();
    restore();

    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pending: 0 } });
    const b = await device(server, keyring);
    await b.engine.syncOnce();
    expect(await b.db.persons.get(created.value.id)).toMatchObject({ phone: '0151 1' });
    expect(await b.db.persons.get(second.value.id)).toBeDefined();
    expect(await b.db.persons.count()).toBe(2);
  });
});
