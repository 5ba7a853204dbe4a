import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import {
  isKeptApart,
  keepBoth,
  loadLegacyDismissedPairs,
  migrateDismissedPairs,
  saveMerge,
} from '../../../src/db/duplicate-dismissals';
import { emptyPerson } from '../../../src/domain/defaults';
import type { Person } from '../../../src/domain/types';

let db: LotseDb;
const clock = () => new Date('2026-11-20T09:00:00.000Z');
const at = '2026-11-01T08:00:00.000Z';

const person = (id: string, extra: Partial<Person> = {}): Person => ({
  ...emptyPerson('case-1'),
  id,
  createdAt: at,
  updatedAt: at,
  deleted: false,
  familyName: 'Haidari',
  ...extra,
});

beforeEach(async () => {
  db = openDatabase(`dismissals-test-${Math.random()}`);
  await db.open();
  await db.persons.bulkAdd([person('p1'), person('p2'), person('p3')]);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const apart = async (id: string) => (await db.persons.get(id))?.notDuplicateOf;
const outbox = async () =>
  (await db.outbox.toArray()).map(({ kind, recordId, op }) => ({ kind, recordId, op }));

describe('keep both', () => {
  it('marks both persons, each with an outbox entry, once', async () => {
    expect(await keepBoth(db, 'p2', 'p1', clock)).toEqual({ ok: true, value: undefined });
    expect(await apart('p1')).toEqual(['p2']);
    expect(await apart('p2')).toEqual(['p1']);
    expect((await db.persons.get('p1'))?.updatedAt).toBe(clock().toISOString());
    expect(await outbox()).toEqual([
      { kind: 'person', recordId: 'p2', op: 'put' },
      { kind: 'person', recordId: 'p1', op: 'put' },
    ]);

    await db.outbox.clear();
    expect((await keepBoth(db, 'p1', 'p2', clock)).ok).toBe(true);
    expect(await outbox()).toEqual([]);
    await keepBoth(db, 'p1', 'p3', clock);
    expect(await apart('p1')).toEqual(['p2', 'p3']);
    expect(await apart('p3')).toEqual(['p1']);
  });

  it('is not-found when a person is gone, and writes nothing', async () => {
    await db.persons.update('p2', { deleted: true });
    expect(await keepBoth(db, 'p1', 'p2', clock)).toEqual({ ok: false, code: 'not-found' });
    expect(await keepBoth(db, 'p1', 'nobody', clock)).toEqual({ ok: false, code: 'not-found' });
    expect(await apart('p1')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a full disk is a quota-exceeded value and marks neither person', async () => {
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await keepBoth(db, 'p1', 'p2', clock)).toEqual({ ok: false, code: 'quota-exceeded' });
    expect(await apart('p1')).toBeUndefined();
    expect(await apart('p2')).toBeUndefined();
  });

  it('either side listing the other (or the old device list) keeps a pair apart', () => {
    const [a, b] = [{ id: 'a' }, { id: 'b' }];
    expect(isKeptApart(a, b)).toBe(false);
    expect(isKeptApart({ ...a, notDuplicateOf: ['b'] }, b)).toBe(true);
    expect(isKeptApart(a, { ...b, notDuplicateOf: ['a'] })).toBe(true);
    expect(isKeptApart(a, { ...b, notDuplicateOf: ['c'] })).toBe(false);
    expect(isKeptApart(b, a, [['a', 'b']])).toBe(true);
    expect(isKeptApart(a, b, [['a', 'c']])).toBe(false);
  });
});

describe('the old device-only list', () => {
  it('moves onto the persons; pairs not on this device stay, deleted ones go', async () => {
    await db.persons.add(person('p4', { deleted: true }));
    await db.settings.put({
      key: 'duplicates-dismissed',
      value: [
        ['p1', 'p2'],
        ['p3', 'later'],
        ['p1', 'p4'],
      ],
    });
    expect((await migrateDismissedPairs(db, clock)).ok).toBe(true);
    expect(await apart('p1')).toEqual(['p2']);
    expect(await apart('p2')).toEqual(['p1']);
    expect(await apart('p3')).toBeUndefined();
    expect(await loadLegacyDismissedPairs(db)).toEqual([['p3', 'later']]);
    expect(await outbox()).toHaveLength(2);

    // The missing person arrives (e.g. with a pull): the next run moves the last pair.
    await db.persons.add(person('later'));
    await migrateDismissedPairs(db, clock);
    expect(await apart('p3')).toEqual(['later']);
    expect(await db.settings.get('duplicates-dismissed')).toBeUndefined();
    expect(await migrateDismissedPairs(db, clock)).toEqual({ ok: true, value: undefined });
    expect(await outbox()).toHaveLength(4);
  });

  it('ignores a malformed stored value', async () => {
    await db.settings.put({ key: 'duplicates-dismissed', value: 'nonsense' });
    expect(await loadLegacyDismissedPairs(db)).toEqual([]);
    expect((await migrateDismissedPairs(db, clock)).ok).toBe(true);
    await db.settings.put({ key: 'duplicates-dismissed', value: [['a'], ['b', 'c'], 7] });
    expect(await loadLegacyDismissedPairs(db)).toEqual([['b', 'c']]);
  });
});

describe('merge', () => {
  const merged = { ...emptyPerson('case-1'), familyName: 'Haidari', phone: '+49 170 1' };

  it('saves the kept person and deletes the other in one go', async () => {
    const saved = await saveMerge(db, 'p1', merged, 'p2', clock);
    expect(saved).toMatchObject({ ok: true, value: { id: 'p1', phone: '+49 170 1' } });
    expect(await db.persons.get('p1')).toMatchObject({ phone: '+49 170 1', createdAt: at });
    expect(await db.persons.get('p2')).toMatchObject({ deleted: true });
    expect(await outbox()).toEqual([
      { kind: 'person', recordId: 'p1', op: 'put' },
      { kind: 'person', recordId: 'p2', op: 'delete' },
    ]);
  });

  it('a full disk on the second write leaves both persons as they were', async () => {
    db.persons.hook('updating', (_changes, key) => {
      if (key === 'p2')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return undefined;
    });
    expect(await saveMerge(db, 'p1', merged, 'p2', clock)).toEqual({
      ok: false,
      code: 'quota-exceeded',
    });
    expect(await db.persons.get('p1')).toMatchObject({ phone: '', updatedAt: at });
    expect(await db.persons.get('p2')).toMatchObject({ deleted: false });
    expect(await db.outbox.count()).toBe(0);
  });

  it('is not-found when the other person was deleted meanwhile', async () => {
    await db.persons.update('p2', { deleted: true });
    expect(await saveMerge(db, 'p1', merged, 'p2', clock)).toEqual({
      ok: false,
      code: 'not-found',
    });
    expect(await db.persons.get('p1')).toMatchObject({ phone: '' });
  });
});
