import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { dismissPair, isDismissed, loadDismissedPairs } from '../../../src/db/duplicate-dismissals';

let db: LotseDb;

beforeEach(async () => {
  db = openDatabase(`dismissals-test-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('duplicate dismissals', () => {
  it('starts empty', async () => {
    expect(await loadDismissedPairs(db)).toEqual([]);
  });

  it('stores each pair once, sorted, whichever order it is given in', async () => {
    expect((await dismissPair(db, 'p2', 'p1')).ok).toBe(true);
    expect((await dismissPair(db, 'p1', 'p2')).ok).toBe(true);
    await dismissPair(db, 'p3', 'p4');
    const pairs = await loadDismissedPairs(db);
    expect(pairs).toEqual([
      ['p1', 'p2'],
      ['p3', 'p4'],
    ]);
    expect(isDismissed(pairs, 'p2', 'p1')).toBe(true);
    expect(isDismissed(pairs, 'p1', 'p3')).toBe(false);
  });

  it('survives reopening the database', async () => {
    await dismissPair(db, 'a', 'b');
    db.close();
    await db.open();
    expect(await loadDismissedPairs(db)).toEqual([['a', 'b']]);
  });

  it('ignores a malformed stored value', async () => {
    await db.settings.put({ key: 'duplicates-dismissed', value: 'nonsense' });
    expect(await loadDismissedPairs(db)).toEqual([]);
    await db.settings.put({ key: 'duplicates-dismissed', value: [['a'], ['b', 'c'], 7] });
    expect(await loadDismissedPairs(db)).toEqual([['b', 'c']]);
  });
});
