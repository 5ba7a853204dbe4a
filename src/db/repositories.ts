// The repositories the UI uses. Every write goes through here (see record-repository.ts).
import type { Appointment, Case, Person, VisitNote } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import {
  createRecordRepository,
  markDeleted,
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
              for (const pid of persons) await markDeleted(db, 'person', pid, now);
              for (const aid of appointments) await markDeleted(db, 'appointment', aid, now);
              for (const nid of notes) await markDeleted(db, 'note', nid, now);
              await markDeleted(db, 'case', id, now);
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

/** Everything the case list, its search index and its filters need, newest change first. */
export async function loadCaseBook(db: LotseDb): Promise<CaseBook> {
  return db.transaction('r', [db.cases, db.persons, db.appointments], async () => {
    const [cases, persons, appointments] = await Promise.all([
      db.cases.orderBy('updatedAt').reverse().toArray(),
      db.persons.toArray(),
      db.appointments.toArray(),
    ]);
    return { cases: alive(cases), persons: alive(persons), appointments: alive(appointments) };
  });
}

/** The first rows of the case list, read through the updatedAt index only (fast start). */
export async function loadRecentCases(
  db: LotseDb,
  limit: number,
): Promise<{ cases: Case[]; persons: Person[] }> {
  return db.transaction('r', [db.cases, db.persons], async () => {
    const cases = await db.cases
      .orderBy('updatedAt')
      .reverse()
      .filter((c) => !c.deleted)
      .limit(limit)
      .toArray();
    const persons = await db.persons
      .where('caseId')
      .anyOf(cases.map((c) => c.id))
      .toArray();
    return { cases, persons: alive(persons) };
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
