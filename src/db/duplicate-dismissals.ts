// Pairs of persons the volunteer said are two people ("Keep both"), so the duplicate
// finder does not offer them again. Stored in the settings table under one key as a list
// of sorted id pairs. Device-local for now: when dismissals should sync to the team, they
// move to a synced record (e.g. a field on the person) — see the report of issue 4.
import type { LotseDb } from './database';
import type { StorageResult } from './record-repository';
import { storageFailure } from './storage-error';

const KEY = 'duplicates-dismissed';

export type DismissedPair = readonly [string, string];

const sorted = (a: string, b: string): DismissedPair => (a < b ? [a, b] : [b, a]);

function parse(value: unknown): DismissedPair[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (pair): pair is DismissedPair =>
      Array.isArray(pair) &&
      pair.length === 2 &&
      typeof pair[0] === 'string' &&
      typeof pair[1] === 'string',
  );
}

export async function loadDismissedPairs(db: LotseDb): Promise<DismissedPair[]> {
  return parse((await db.settings.get(KEY))?.value);
}

export async function dismissPair(db: LotseDb, a: string, b: string): Promise<StorageResult<void>> {
  try {
    await db.transaction('rw', db.settings, async () => {
      const pairs = parse((await db.settings.get(KEY))?.value);
      const [x, y] = sorted(a, b);
      if (pairs.some(([p, q]) => p === x && q === y)) return;
      await db.settings.put({ key: KEY, value: [...pairs, [x, y]] });
    });
    return { ok: true, value: undefined };
  } catch (error) {
    return storageFailure(error);
  }
}

export function isDismissed(pairs: readonly DismissedPair[], a: string, b: string): boolean {
  const [x, y] = sorted(a, b);
  return pairs.some(([p, q]) => p === x && q === y);
}
