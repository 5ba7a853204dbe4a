// Stored form packs against fake-indexeddb: outbox entries (kind 'pack') in the same
// transaction, tombstones instead of deletes, newest first, a full disk as a value; record ids
// derived from family id and edition (the same on every device), packs stored earlier under a
// random id still readable and saved under it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import {
  createPackStore,
  findStoredEdition,
  loadStoredPacks,
  packRecordId,
  type PackOrigin,
  type StoredPack,
} from '../../../src/db/pack-repository';
import { SYNC_TABLE_OF_KIND } from '../../../src/db/sync-local-store';
import { SHIPPED_PACKS, type FormPack } from '../../../src/domain/form-packs';
import { newId } from '../../../src/domain/ids';
import { uuidPattern } from '../../../src/shared/sync-protocol';

let db: LotseDb;
let clockMs = Date.parse('2026-11-22T10:00:00.000Z');
const tick = () => new Date((clockMs += 1000));

beforeEach(async () => {
  db = openDatabase(`pack-repo-test-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const [shipped] = SHIPPED_PACKS as [FormPack];
const renamed = (pack: FormPack, de: string): FormPack => ({
  ...pack,
  title: { ...pack.title, de },
});
const otherEdition = (pack: FormPack, fingerprint = 'b'.repeat(64)): FormPack => ({
  ...pack,
  edition: { ...pack.edition, fingerprint },
});

describe('pack store', () => {
  it('adds a pack under its derived record id with an outbox entry of kind pack', async () => {
    const store = createPackStore(db, tick);
    const added = await store.add(shipped);
    if (!added.ok) throw new Error(added.code);
    expect(added.value.id).toBe(await packRecordId(shipped));
    expect(added.value.id).not.toBe(shipped.id);
    expect(added.value.pack).toEqual(shipped);
    expect(await store.get(added.value.id)).toEqual({ ok: true, value: added.value });
    expect(await db.outbox.toArray()).toMatchObject([
      { kind: 'pack', recordId: added.value.id, op: 'put' },
    ]);
  });

  it('saves a changed pack: one outbox entry per record, createdAt kept', async () => {
    const store = createPackStore(db, tick);
    const added = await store.add(shipped);
    if (!added.ok) throw new Error(added.code);
    const saved = await store.save(added.value.id, renamed(shipped, 'Neu'));
    if (!saved.ok) throw new Error(saved.code);
    expect(saved.value.pack.title.de).toBe('Neu');
    expect(saved.value.createdAt).toBe(added.value.createdAt);
    expect(saved.value.updatedAt > added.value.updatedAt).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect(await store.save('missing', shipped)).toEqual({ ok: false, code: 'not-found' });
  });

  it('lists live packs newest change first; removing leaves a tombstone and an outbox delete', async () => {
    const store = createPackStore(db, tick);
    const a = await store.add(shipped);
    const b = await store.add(otherEdition(renamed(shipped, 'B')));
    if (!a.ok || !b.ok) throw new Error('add failed');
    await store.save(a.value.id, renamed(shipped, 'A2'));
    const listed = await store.list();
    expect(listed.ok && listed.value.map((p) => p.pack.title.de)).toEqual(['A2', 'B']);

    expect((await store.remove(a.value.id)).ok).toBe(true);
    expect((await loadStoredPacks(db)).map((p) => p.id)).toEqual([b.value.id]);
    expect(await db.packs.get(a.value.id)).toMatchObject({ deleted: true });
    expect(await store.get(a.value.id)).toEqual({ ok: false, code: 'not-found' });
    expect(await db.outbox.where({ kind: 'pack', recordId: a.value.id }).toArray()).toMatchObject([
      { op: 'delete' },
    ]);
  });

  it('a full disk is a quota-exceeded value and leaves nothing half-written', async () => {
    const store = createPackStore(db, tick);
    db.packs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await store.add(shipped)).toEqual({ ok: false, code: 'quota-exceeded' });
    expect(await db.packs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('finds the stored pack of the same family and edition only', async () => {
    const store = createPackStore(db, tick);
    const added = await store.add(shipped);
    if (!added.ok) throw new Error(added.code);
    const packs = await loadStoredPacks(db);
    expect(findStoredEdition(packs, shipped)?.id).toBe(added.value.id);
    expect(findStoredEdition(packs, otherEdition(shipped))).toBeNull();
    expect(findStoredEdition(packs, { id: 'other-form', edition: shipped.edition })).toBeNull();
  });

  it('packs are a kind the sync store knows (they travel to the team)', () => {
    expect(SYNC_TABLE_OF_KIND.pack).toBe('packs');
  });
});

describe('pack record ids', () => {
  it('are UUIDs the sync server accepts, one per family and edition', async () => {
    const id = await packRecordId(shipped);
    expect(id).toMatch(uuidPattern);
    // RFC 9562 version 8 (custom), variant 0b10.
    expect(id[14]).toBe('8');
    expect('89ab').toContain(id[19]);
    expect(await packRecordId(renamed(shipped, 'Anders'))).toBe(id);
    expect(await packRecordId(otherEdition(shipped))).not.toBe(id);
    expect(await packRecordId({ ...shipped, id: 'other-form' })).not.toBe(id);
    const ids = await Promise.all(SHIPPED_PACKS.map((p) => packRecordId(p)));
    expect(new Set(ids).size).toBe(SHIPPED_PACKS.length);
  });

  it('the same pack added again overwrites it, keeping createdAt — also over a tombstone', async () => {
    const store = createPackStore(db, tick);
    const first = await store.add(shipped);
    if (!first.ok) throw new Error(first.code);
    const again = await store.add(renamed(shipped, 'Wieder'));
    if (!again.ok) throw new Error(again.code);
    expect(again.value).toMatchObject({ id: first.value.id, createdAt: first.value.createdAt });
    expect(await db.packs.count()).toBe(1);
    expect((await store.remove(first.value.id)).ok).toBe(true);
    const revived = await store.add(shipped);
    if (!revived.ok) throw new Error(revived.code);
    expect(revived.value).toMatchObject({ id: first.value.id, deleted: false });
    expect(await loadStoredPacks(db)).toEqual([revived.value]);
    expect(await db.outbox.toArray()).toMatchObject([
      { kind: 'pack', recordId: first.value.id, op: 'put' },
    ]);
  });

  it('a pack stored earlier under a random UUIDv7 stays readable and keeps its id', async () => {
    const legacy: StoredPack = {
      id: newId(),
      createdAt: '2026-10-01T08:00:00.000Z',
      updatedAt: '2026-10-01T08:00:00.000Z',
      deleted: false,
      pack: shipped,
    };
    await db.packs.add(legacy);
    const store = createPackStore(db, tick);
    expect(await store.get(legacy.id)).toEqual({ ok: true, value: legacy });
    const packs = await loadStoredPacks(db);
    expect(findStoredEdition(packs, shipped)?.id).toBe(legacy.id);
    const saved = await store.save(legacy.id, renamed(shipped, 'Geändert'));
    expect(saved).toMatchObject({ ok: true, value: { id: legacy.id } });
    expect(await db.packs.count()).toBe(1);
  });

  it('keeps where a copy came from through later saves', async () => {
    const store = createPackStore(db, tick);
    const origin: PackOrigin = {
      title: shipped.title,
      label: shipped.edition.label,
      fingerprint: shipped.edition.fingerprint,
      kept: [],
      remap: [{ mapping: shipped.mappings[0]!, reason: 'field-missing', label: 'Vorname' }],
    };
    const copy = otherEdition(shipped, 'c'.repeat(64));
    const added = await store.add(copy, origin);
    if (!added.ok) throw new Error(added.code);
    await store.save(added.value.id, renamed(copy, 'Weiter'));
    expect(await store.get(added.value.id)).toMatchObject({
      ok: true,
      value: { origin, pack: { title: { de: 'Weiter' } } },
    });
  });
});
