// The case list's reads: the first rows (loadRecentCases) and the whole book (loadCaseBook),
// on books large enough to cross the page size of the paged reads (1,000 records).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { loadCaseBook, loadRecentCases } from '../../../src/db/repositories';
import { emptyAppointment, emptyCase, emptyPerson } from '../../../src/domain/defaults';
import type { Appointment, Case, Person } from '../../../src/domain/types';

let db: LotseDb;

beforeEach(async () => {
  db = openDatabase(`case-book-test-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** Sortable ids like UUIDv7, in the order of n. */
const id = (kind: number, n: number) => `0194a0a0-${hex(kind, 4)}-7000-8000-${hex(n, 12)}`;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function mkCase(n: number, patch: Partial<Case> = {}): Case {
  const stamp = at(n);
  return {
    ...emptyCase(),
    id: id(1, n),
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
    ...patch,
  };
}

function mkPerson(n: number, caseId: string, patch: Partial<Person> = {}): Person {
  const stamp = at(n);
  return {
    ...emptyPerson(caseId),
    id: id(2, n),
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
    familyName: `Person ${n}`,
    ...patch,
  };
}

function mkAppointment(n: number, caseId: string, startsAt: string): Appointment {
  const stamp = at(n);
  return {
    ...emptyAppointment(caseId, startsAt),
    id: id(3, n),
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
  };
}

const ids = (records: { id: string }[]) => records.map((r) => r.id);
const sortedIds = (records: { id: string }[]) => ids(records).sort();

describe('loadCaseBook', () => {
  it('reads every live record of a book larger than one page, cases newest change first', async () => {
    const cases = Array.from({ length: 1_500 }, (_, n) =>
      // Shuffled change times, two cases at each: ties go to the larger id first.
      mkCase(n, { updatedAt: at(Math.floor(((n * 7919) % 1_500) / 2)), deleted: n % 97 === 0 }),
    );
    const persons = Array.from({ length: 2_600 }, (_, n) =>
      mkPerson(n, cases[n % cases.length]!.id, { deleted: n % 101 === 0 }),
    );
    await db.cases.bulkPut(cases);
    await db.persons.bulkPut(persons);

    const book = await loadCaseBook(db);

    const liveCases = cases.filter((c) => !c.deleted);
    expect(ids(book.cases)).toEqual(
      ids(
        [...liveCases].sort((a, b) =>
          b.updatedAt === a.updatedAt
            ? b.id.localeCompare(a.id)
            : b.updatedAt.localeCompare(a.updatedAt),
        ),
      ),
    );
    expect(ids(book.persons)).toEqual(sortedIds(persons.filter((p) => !p.deleted)));
  });

  it('reads appointments from a day on, also when many share a start time across pages', async () => {
    const caseId = mkCase(1).id;
    await db.cases.put(mkCase(1));
    // 2,400 appointments, 37 at each start time, so start times straddle the page borders
    // (1,000 records); the 740 on the first day are before the day asked for.
    const appointments = Array.from({ length: 2_400 }, (_, n) => {
      const slot = Math.floor(n / 37);
      const day = String(1 + Math.floor(slot / 20)).padStart(2, '0');
      const minutes = 8 * 60 + (slot % 20) * 30;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 ? '30' : '00'}`;
      return mkAppointment(n, caseId, `2026-12-${day}T${time}`);
    });
    appointments[1_500] = { ...appointments[1_500]!, deleted: true };
    await db.appointments.bulkPut(appointments);

    const from = '2026-12-02';
    const book = await loadCaseBook(db, { appointmentsFrom: from });

    const expected = appointments.filter((a) => a.startsAt >= from && !a.deleted);
    expect(expected).toHaveLength(1_659);
    expect(book.appointments).toHaveLength(expected.length);
    expect(sortedIds(book.appointments)).toEqual(sortedIds(expected));

    const everything = await loadCaseBook(db);
    expect(everything.appointments).toHaveLength(2_399);
  });
});

describe('loadRecentCases', () => {
  it('reads the newest live cases with their persons', async () => {
    const cases = Array.from({ length: 30 }, (_, n) => mkCase(n));
    await db.cases.bulkPut(cases);
    await db.persons.bulkPut([
      mkPerson(1, cases[29]!.id),
      mkPerson(2, cases[29]!.id),
      mkPerson(3, cases[28]!.id, { deleted: true }),
      mkPerson(4, cases[0]!.id), // an old case: not among the newest
    ]);

    const recent = await loadRecentCases(db, 10);

    expect(ids(recent.cases)).toEqual(ids(cases.slice(20).reverse()));
    expect(sortedIds(recent.persons)).toEqual([id(2, 1), id(2, 2)]);
  });

  it('skips recently deleted cases and still returns a full page', async () => {
    // The 15 newest changes are deletions.
    const cases = Array.from({ length: 40 }, (_, n) => mkCase(n, { deleted: n >= 25 }));
    await db.cases.bulkPut(cases);

    const recent = await loadRecentCases(db, 10);

    expect(ids(recent.cases)).toEqual(ids(cases.slice(15, 25).reverse()));
  });

  it('returns fewer cases when the book is small', async () => {
    await db.cases.bulkPut([mkCase(1), mkCase(2, { deleted: true }), mkCase(3)]);
    const recent = await loadRecentCases(db, 10);
    expect(ids(recent.cases)).toEqual([id(1, 3), id(1, 1)]);
  });
});
