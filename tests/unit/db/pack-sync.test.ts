// Packs travel to the team: a pack made on one device arrives on another through the real sync
// engine (Dexie store, encryption, the in-memory server), is matched there against the same
// form, and a removal arrives as a tombstone. Two devices that import the same pack file
// offline write the same record (its id comes from family id and edition), so after sync
// there is one pack, not two.
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createPackStore, loadStoredPacks, packRecordId } from '../../../src/db/pack-repository';
import { createDexieLocalStore } from '../../../src/db/sync-local-store';
import { SHIPPED_PACKS, type FormPack } from '../../../src/domain/form-packs';
import { createSyncEngine } from '../../../src/sync/engine';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { importPlan, readPackText } from '../../../src/ui/screens/packs/pack-file';
import { createMemoryServer, memoryTransport, type MemoryServer } from '../sync/memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const opened: LotseDb[] = [];

async function device(server: MemoryServer, keyring: Keyring) {
  const db = openDatabase(`pack-sync-${Math.random()}`);
  await db.open();
  opened.push(db);
  const engine = createSyncEngine({
    store: createDexieLocalStore(db),
    transport: memoryTransport(server),
    codec: createRecordCodec(() => keyring),
  });
  return { db, engine, packs: createPackStore(db) };
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('stored packs and team sync', () => {
  it('a pack made on one device arrives on the other, and so does its removal', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const [shipped] = SHIPPED_PACKS as [FormPack];
    const own: FormPack = { ...shipped, title: { de: 'Unser Hauptantrag', en: 'Our main form' } };

    const added = await a.packs.add(own);
    if (!added.ok) throw new Error(added.code);
    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pushed: 1 } });
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 1 } });
    expect(await b.db.packs.get(added.value.id)).toEqual(added.value);
    expect(await b.db.syncForeign.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);

    expect((await a.packs.remove(added.value.id)).ok).toBe(true);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await loadStoredPacks(b.db)).toEqual([]);
    expect(await b.db.packs.get(added.value.id)).toMatchObject({ deleted: true });
  });

  it('the same pack file imported offline on two devices is one pack after sync', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const [shipped] = SHIPPED_PACKS as [FormPack];
    const file = JSON.stringify({ ...shipped, title: { de: 'Geteilt', en: 'Shared' } });

    // What the pack list does with a chosen file, on each device while offline.
    const importFile = async (d: typeof a) => {
      const read = readPackText(file);
      if (!read.ok) throw new Error(read.code);
      expect(importPlan(await loadStoredPacks(d.db), read.pack)).toEqual({ action: 'add' });
      const added = await d.packs.add(read.pack);
      if (!added.ok) throw new Error(added.code);
      return added.value;
    };
    const onA = await importFile(a);
    const onB = await importFile(b);
    expect(onB.id).toBe(onA.id);
    expect(onA.id).toBe(await packRecordId(shipped));

    for (let round = 0; round < 2; round++) {
      for (const d of [a, b]) expect((await d.engine.syncOnce()).ok).toBe(true);
    }
    expect(server.records().filter((r) => r.kind === 'pack')).toHaveLength(1);
    for (const d of [a, b]) {
      const packs = await loadStoredPacks(d.db);
      expect(packs).toHaveLength(1);
      expect(packs[0]).toMatchObject({ id: onA.id, pack: { title: { de: 'Geteilt' } } });
      expect(conflictsOf(packs[0] as never)).toEqual([]);
      expect(await d.db.syncProblems.count()).toBe(0);
      expect(await d.db.outbox.count()).toBe(0);
    }
  });
});
