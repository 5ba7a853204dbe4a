// The repositories the UI uses. Every write goes through here (see record-repository.ts).
import type { Table } from 'dexie';
import type { Appointment, Case, Person, VisitNote } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import {
  createRecordRepository,
  markAllDeleted,
  type Clock,
  type RecordRepository,
  type StorageResult,
} from './record-repository';
import { storageFailure } from './storage-error';
import { createSettingsRepository, type SettingsRepository } from './settings-repository';

export type Repositories = {
  cases: RecordRepository<'case'> & {
    /** Deletes the case and, in the same transaction, its persons, appointments and notes. */
    removeWithContents(id: string): Promise<StorageResult<void>>;
  };
  persons: RecordRepository<'person'>;
  appointments: RecordRepository<'appointment'>;
  notes: RecordRepository<'note'>;
  settings: SettingsRepository;
};

export function createRepositories(db: LotseDb, clock: Clock = () => new Date()): Repositories {
  const cases = createRecordRepository(db, 'case', clock);
  return {
    cases: {
      ...cases,
      async removeWithContents(id) {
        const now = clock().toISOString();
        try {
          await db.transaction(
            'rw',
            [db.cases, db.persons, db.appointments, db.notes, db.outbox],
            async () => {
              const [persons, appointments, notes] = await Promise.all([
                db.persons.where({ caseId: id }).primaryKeys(),
                db.appointments.where({ caseId: id }).primaryKeys(),
                db.notes.where({ caseId: id }).primaryKeys(),
              ]);
              await markAllDeleted(
                db,
                [
                  ...persons.map((pid) => ({ kind: 'person' as const, id: pid })),
                  ...appointments.map((aid) => ({ kind: 'appointment' as const, id: aid })),
                  ...notes.map((nid) => ({ kind: 'note' as const, id: nid })),
                  { kind: 'case', id },
                ],
                now,
              );
            },
          );
          return ok(undefined);
        } catch (error) {
          return storageFailure(error);
        }
      },
    },
    persons: createRecordRepository(db, 'person', clock),
    appointments: createRecordRepository(db, 'appointment', clock),
    notes: createRecordRepository(db, 'note', clock),
    settings: createSettingsRepository(db),
  };
}

export type CaseBook = { cases: Case[]; persons: Person[]; appointments: Appointment[] };

const alive = <T extends { deleted: boolean }>(records: T[]): T[] =>
  records.filter((r) => !r.deleted);

// Reading the whole book for the case list. Two costs matter on a phone: the browser
// deserialises each read's records in one task, and a live query (db/live.ts) records the
// primary key of every record it read through a secondary index. So the book is read in
// pages (one short task each), by primary key where the order does not matter.

/** Records per read when a whole table is read in pages. */
const READ_PAGE_SIZE = 1_000;

type Keyed = { id: string };

/** A whole table in primary-key order, read in pages. */
async function readInPages<T extends Keyed, TInsert>(
  table: Table<T, string, TInsert>,
): Promise<T[]> {
  const all: T[] = [];
  for (let last: string | null = null; ;) {
    const page: T[] = await (
      last === null
        ? table.limit(READ_PAGE_SIZE)
        : table.where(':id').above(last).limit(READ_PAGE_SIZE)
    ).toArray();
    all.push(...page);
    const lastRecord = page[page.length - 1];
    if (page.length < READ_PAGE_SIZE || !lastRecord) return all;
    last = lastRecord.id;
  }
}

/**
 * Appointments starting on or after `from`, in startsAt order, read in pages through the
 * startsAt index. Many appointments share a start time, so each page stops before its last
 * start time, and all appointments at that time are read by one exact match.
 */
async function readAppointmentsFrom(db: LotseDb, from: string): Promise<Appointment[]> {
  const all: Appointment[] = [];
  for (let after: string | null = null; ;) {
    const byStart = db.appointments.where('startsAt');
    const page: Appointment[] = await (
      after === null ? byStart.aboveOrEqual(from) : byStart.above(after)
    )
      .limit(READ_PAGE_SIZE)
      .toArray();
    const lastStart = page[page.length - 1]?.startsAt;
    if (page.length < READ_PAGE_SIZE || lastStart === undefined) {
      all.push(...page);
      return all;
    }
    all.push(...page.filter((a) => a.startsAt < lastStart));
    all.push(...(await db.appointments.where('startsAt').equals(lastStart).toArray()));
    after = lastStart;
  }
}

const newestChangeFirst = (a: Case, b: Case): number =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1;

/**
 * Everything the case list, its search index and its filters need, cases newest change
 * first. `appointmentsFrom` ("YYYY-MM-DD") leaves out appointments that start before that
 * day, for views that only look at this week and later.
 */
export async function loadCaseBook(
  db: LotseDb,
  options: { appointmentsFrom?: string } = {},
): Promise<CaseBook> {
  const { appointmentsFrom } = options;
  return db.transaction('r', [db.cases, db.persons, db.appointments], async () => {
    const [cases, persons, appointments] = await Promise.all([
      readInPages(db.cases),
      readInPages(db.persons),
      appointmentsFrom === undefined
        ? readInPages(db.appointments)
        : readAppointmentsFrom(db, appointmentsFrom),
    ]);
    return {
      cases: alive(cases).sort(newestChangeFirst),
      persons: alive(persons),
      appointments: alive(appointments),
    };
  });
}

export type RecentCases = { cases: Case[]; persons: Person[] };

/** The `limit` most recently changed cases that are not deleted. */
async function newestCases(db: LotseDb, limit: number): Promise<Case[]> {
  const newest = db.cases.orderBy('updatedAt').reverse();
  // One read of the index (fast); only when recent tombstones leave it short, a slower walk
  // that skips them.
  const quick = await newest.clone().limit(limit).toArray();
  const live = alive(quick);
  if (live.length === limit || quick.length < limit) return live;
  return newest
    .filter((c) => !c.deleted)
    .limit(limit)
    .toArray();
}

/**
 * The most recently changed cases with their persons, read through the updatedAt and caseId
 * indexes only (fast start: the case list's first rows; appointments come with the whole
 * book). Persons are read with one equality query per case, all in parallel: Dexie's `anyOf`
 * walks the index one key after the other and took 15–20× longer on a large book.
 */
export async function loadRecentCases(db: LotseDb, limit: number): Promise<RecentCases> {
  return db.transaction('r', [db.cases, db.persons], async () => {
    const cases = await newestCases(db, limit);
    const persons = await Promise.all(
      cases.map((c) => db.persons.where('caseId').equals(c.id).toArray()),
    );
    return { cases, persons: alive(persons.flat()) };
  });
}

export type CaseFile = {
  case: Case;
  persons: Person[];
  appointments: Appointment[];
  notes: VisitNote[];
};

/** One case with everything in it, or null when it does not exist (or was deleted). */
export async function loadCaseFile(db: LotseDb, id: string): Promise<CaseFile | null> {
  return db.transaction('r', [db.cases, db.persons, db.appointments, db.notes], async () => {
    const found = await db.cases.get(id);
    if (!found || found.deleted) return null;
    const [persons, appointments, notes] = await Promise.all([
      db.persons.where({ caseId: id }).sortBy('createdAt'),
      db.appointments.where({ caseId: id }).sortBy('startsAt'),
      db.notes.where({ caseId: id }).reverse().sortBy('date'),
    ]);
    return {
      case: found,
      persons: alive(persons),
      appointments: alive(appointments),
      notes: alive(notes),
    };
  });
}

export async function loadAllAppointments(
  db: LotseDb,
): Promise<{ appointments: Appointment[]; cases: Case[] }> {
  return db.transaction('r', [db.cases, db.appointments], async () => {
    const [appointments, cases] = await Promise.all([
      db.appointments.orderBy('startsAt').toArray(),
      db.cases.toArray(),
    ]);
    return { appointments: alive(appointments), cases: alive(cases) };
  });
}

export async function countCases(db: LotseDb): Promise<number> {
  return db.cases.filter((c) => !c.deleted).count();
}
