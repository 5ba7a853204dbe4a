import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import {
  createRepositories,
  loadCaseBook,
  loadCaseFile,
  loadRecentCases,
  type Repositories,
} from '../../../src/db/repositories';
import { emptyAppointment, emptyCase, emptyNote, emptyPerson } from '../../../src/domain/defaults';

let db: LotseDb;
let repos: Repositories;
let clockMs = Date.parse('2026-11-22T10:00:00.000Z');
const tick = () => new Date((clockMs += 1000));

beforeEach(async () => {
  db = openDatabase(`repo-test-${Math.random()}`);
  await db.open();
  repos = createRepositories(db, tick);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('record repositories', () => {
  it('create stamps id, timestamps and tombstone, and records the change in the outbox', async () => {
    const result = await repos.cases.create({ ...emptyCase(), label: 'Familie Haidari' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.value;
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c.createdAt).toBe(c.updatedAt);
    expect(c.deleted).toBe(false);
    expect(await db.cases.get(c.id)).toEqual(c);
    expect(await db.outbox.toArray()).toEqual([
      { seq: 1, kind: 'case', recordId: c.id, op: 'put', changedAt: c.createdAt },
    ]);
  });

  it('save updates the record and keeps one outbox entry per record', async () => {
    const created = await repos.cases.create(emptyCase());
    if (!created.ok) throw new Error(created.code);
    const id = created.value.id;
    for (const label of ['F', 'Fa', 'Fam']) {
      const saved = await repos.cases.save(id, { ...emptyCase(), label });
      expect(saved.ok).toBe(true);
    }
    const stored = await db.cases.get(id);
    expect(stored?.label).toBe('Fam');
    expect(stored?.createdAt).toBe(created.value.createdAt);
    expect(stored && stored.updatedAt > created.value.updatedAt).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: 'case',
      recordId: id,
      op: 'put',
      changedAt: stored?.updatedAt,
    });
  });

  it('outbox keeps the order of changes across records', async () => {
    const a = await repos.cases.create(emptyCase());
    const b = await repos.cases.create(emptyCase());
    if (!a.ok || !b.ok) throw new Error('create failed');
    await repos.cases.save(a.value.id, { ...emptyCase(), label: 'A again' });
    const order = (await db.outbox.orderBy('seq').toArray()).map((e) => e.recordId);
    expect(order).toEqual([b.value.id, a.value.id]);
  });

  it('remove leaves a tombstone and a delete in the outbox; get and save then say not-found', async () => {
    const created = await repos.persons.create(emptyPerson('case-1'));
    if (!created.ok) throw new Error(created.code);
    const id = created.value.id;
    expect((await repos.persons.remove(id)).ok).toBe(true);
    const stored = await db.persons.get(id);
    expect(stored?.deleted).toBe(true);
    expect(await repos.persons.get(id)).toEqual({ ok: false, code: 'not-found' });
    expect(await repos.persons.save(id, emptyPerson('case-1'))).toEqual({
      ok: false,
      code: 'not-found',
    });
    expect((await db.outbox.toArray()).map((e) => e.op)).toEqual(['delete']);
  });

  it('saveAndRemove writes the data with the tombstone; a failed write changes neither', async () => {
    const data = { ...emptyPerson('case-1'), phone: '0151 1' };
    const created = await repos.persons.create(data);
    if (!created.ok) throw new Error(created.code);
    const { id } = created.value;
    const before = await db.outbox.toArray();

    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.persons.hook('updating', full);
    expect(await repos.persons.saveAndRemove(id, { ...data, phone: '0151 2' })).toEqual({
      ok: false,
      code: 'quota-exceeded',
    });
    expect(await db.persons.get(id)).toEqual(created.value);
    expect(await db.outbox.toArray()).toEqual(before);

    db.persons.hook('updating').unsubscribe(full);
    const removed = await repos.persons.saveAndRemove(id, { ...data, phone: '0151 2' });
    expect(removed).toMatchObject({ ok: true, value: { phone: '0151 2', deleted: true } });
    expect(await db.persons.get(id)).toMatchObject({ phone: '0151 2', deleted: true });
    expect((await db.outbox.toArray()).map((e) => [e.recordId, e.op])).toEqual([[id, 'delete']]);
    expect(await repos.persons.saveAndRemove(id, data)).toEqual({ ok: false, code: 'not-found' });
  });

  it('deleting a case tombstones its persons, appointments and notes in one go', async () => {
    const c = await repos.cases.create(emptyCase());
    if (!c.ok) throw new Error(c.code);
    const caseId = c.value.id;
    await repos.persons.create(emptyPerson(caseId));
    await repos.persons.create(emptyPerson(caseId));
    await repos.appointments.create(emptyAppointment(caseId, '2026-12-01T09:00'));
    await repos.notes.create(emptyNote(caseId, '2026-11-22', 'Anna'));
    const other = await repos.persons.create(emptyPerson('another-case'));

    expect((await repos.cases.removeWithContents(caseId)).ok).toBe(true);
    expect(await loadCaseFile(db, caseId)).toBeNull();
    const all = [
      ...(await db.persons.toArray()),
      ...(await db.appointments.toArray()),
      ...(await db.notes.toArray()),
    ];
    expect(all.filter((r) => r.deleted)).toHaveLength(4);
    expect(other.ok && (await db.persons.get(other.value.id))?.deleted).toBe(false);
    const deletes = (await db.outbox.toArray()).filter((e) => e.op === 'delete');
    expect(deletes).toHaveLength(5);
  });
});

describe('case book queries', () => {
  it('load the book without tombstones, newest change first, and the first rows by index', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await repos.cases.create({ ...emptyCase(), label: `Case ${i}` });
      if (r.ok) ids.push(r.value.id);
    }
    await repos.persons.create({ ...emptyPerson(ids[0]!), familyName: 'Müller' });
    await repos.cases.remove(ids[4]!);
    await repos.cases.save(ids[1]!, { ...emptyCase(), label: 'Case 1 edited' });

    const book = await loadCaseBook(db);
    expect(book.cases.map((c) => c.label)).toEqual(['Case 1 edited', 'Case 3', 'Case 2', 'Case 0']);
    expect(book.persons.map((p) => p.familyName)).toEqual(['Müller']);

    const recent = await loadRecentCases(db, 2);
    expect(recent.cases.map((c) => c.label)).toEqual(['Case 1 edited', 'Case 3']);
    const first = await loadRecentCases(db, 10);
    expect(first.persons).toHaveLength(1);
  });
});
