// Duplicate offers, the storage side. "Keep both": pairs of persons the volunteer said are two people, so the duplicate finder
// does not offer them again — on any phone of the team. Each person of the pair lists the
// other in `notDuplicateOf`; both writes go to the persons table with outbox entries in one
// transaction, so they sync, and the merge joins the lists of two devices as a set.
//
// Before, the pairs were kept on the device only (settings key `duplicates-dismissed`).
// That list is still read, and `migrateDismissedPairs` moves its pairs onto the persons
// once both persons are on this device.
//
// "Merge": the merged person and the other person's tombstone are written in one
// transaction, so a failed write (a full disk) leaves both persons as they were.
import type { Person } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import {
  recordChanges,
  type Clock,
  type RecordData,
  type StorageResult,
} from './record-repository';
import { storageFailure } from './storage-error';

const LEGACY_KEY = 'duplicates-dismissed';

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

/** The pairs still in the old device-only list (not yet moved onto the persons). */
export async function loadLegacyDismissedPairs(db: LotseDb): Promise<DismissedPair[]> {
  return parse((await db.settings.get(LEGACY_KEY))?.value);
}

const listsOther = (person: Pick<Person, 'notDuplicateOf'>, otherId: string): boolean =>
  Array.isArray(person.notDuplicateOf) && person.notDuplicateOf.includes(otherId);

/** Whether the team (or, before the move, this device) said the two are different people. */
export function isKeptApart(
  a: Pick<Person, 'id' | 'notDuplicateOf'>,
  b: Pick<Person, 'id' | 'notDuplicateOf'>,
  legacy: readonly DismissedPair[] = [],
): boolean {
  if (listsOther(a, b.id) || listsOther(b, a.id)) return true;
  const [x, y] = sorted(a.id, b.id);
  return legacy.some(([p, q]) => p === x && q === y);
}

/** Adds each id to the other's list. Call inside a rw transaction over persons and outbox.
 * False when either person is missing or deleted. */
async function markPair(db: LotseDb, a: string, b: string, now: string): Promise<boolean> {
  const [pa, pb] = await Promise.all([db.persons.get(a), db.persons.get(b)]);
  if (!pa || !pb || pa.deleted || pb.deleted) return false;
  const changed = (
    [
      [pa, b],
      [pb, a],
    ] as const
  )
    .filter(([person, other]) => !listsOther(person, other))
    .map(([person, other]) => ({
      ...person,
      notDuplicateOf: [...(person.notDuplicateOf ?? []), other],
      updatedAt: now,
    }));
  // The outbox first, then the writes (see recordChange).
  await recordChanges(
    db,
    changed.map((person) => ({ kind: 'person', recordId: person.id, op: 'put' })),
    now,
  );
  for (const person of changed) await db.persons.put(person);
  return true;
}

/** "Keep both": records on both persons that they are two people. `not-found` when one of
 * them no longer exists. */
export async function keepBoth(
  db: LotseDb,
  a: string,
  b: string,
  clock: Clock = () => new Date(),
): Promise<StorageResult<void>> {
  const now = clock().toISOString();
  try {
    const marked = await db.transaction('rw', [db.persons, db.outbox], () =>
      markPair(db, a, b, now),
    );
    return marked ? ok(undefined) : { ok: false, code: 'not-found' };
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Moves the old device-only pairs onto the persons (synced). A pair whose persons are not
 * both on this device stays in the list (it may arrive with the next pull); a pair with a
 * deleted person is dropped. Removes the setting once it is empty. Idempotent.
 */
export async function migrateDismissedPairs(
  db: LotseDb,
  clock: Clock = () => new Date(),
): Promise<StorageResult<void>> {
  const now = clock().toISOString();
  try {
    await db.transaction('rw', [db.persons, db.outbox, db.settings], async () => {
      const pairs = parse((await db.settings.get(LEGACY_KEY))?.value);
      if (pairs.length === 0) return;
      const left: DismissedPair[] = [];
      for (const [a, b] of pairs) {
        if (await markPair(db, a, b, now)) continue;
        const [pa, pb] = await Promise.all([db.persons.get(a), db.persons.get(b)]);
        if (pa?.deleted !== true && pb?.deleted !== true) left.push([a, b]);
      }
      if (left.length === 0) await db.settings.delete(LEGACY_KEY);
      else if (left.length < pairs.length) await db.settings.put({ key: LEGACY_KEY, value: left });
    });
    return ok(undefined);
  } catch (error) {
    return storageFailure(error);
  }
}

/** Saves the merged data of `keptId` and deletes `otherId`, both or neither. `not-found`
 * when one of them no longer exists. */
export async function saveMerge(
  db: LotseDb,
  keptId: string,
  merged: RecordData<'person'>,
  otherId: string,
  clock: Clock = () => new Date(),
): Promise<StorageResult<Person>> {
  const now = clock().toISOString();
  try {
    const saved = await db.transaction('rw', [db.persons, db.outbox], async () => {
      const [kept, other] = await Promise.all([db.persons.get(keptId), db.persons.get(otherId)]);
      if (!kept || !other || kept.deleted || other.deleted) return null;
      const record: Person = { ...kept, ...merged, id: keptId, updatedAt: now, deleted: false };
      // The outbox first, then the writes (see recordChange).
      await recordChanges(
        db,
        [
          { kind: 'person', recordId: keptId, op: 'put' },
          { kind: 'person', recordId: otherId, op: 'delete' },
        ],
        now,
      );
      await db.persons.put(record);
      await db.persons.put({ ...other, deleted: true, updatedAt: now });
      return record;
    });
    return saved ? ok(saved) : { ok: false, code: 'not-found' };
  } catch (error) {
    return storageFailure(error);
  }
}
