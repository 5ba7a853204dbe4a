// The IndexedDB database. src/db is the only folder that imports dexie.
//
// What is stored where:
//   cases, persons, appointments, notes — the case book (records with tombstones)
//   outbox   — one entry per record changed since the last sync (pushed by the sync issue)
//   settings — small key/value preferences (language, whether persistence was asked)
import { Dexie, type EntityTable } from 'dexie';
import type { Appointment, Case, Person, RecordKind, VisitNote } from '../domain/types';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';

export type OutboxEntry = {
  seq?: number;
  kind: RecordKind;
  recordId: string;
  op: 'put' | 'delete';
  changedAt: string;
};

export type SettingEntry = { key: string; value: unknown };

export type LotseDb = Dexie & {
  cases: EntityTable<Case, 'id'>;
  persons: EntityTable<Person, 'id'>;
  appointments: EntityTable<Appointment, 'id'>;
  notes: EntityTable<VisitNote, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  settings: EntityTable<SettingEntry, 'key'>;
};

export function openDatabase(name: string = DATABASE_NAME): LotseDb {
  const db = new Dexie(name) as LotseDb;
  for (const { version, stores } of SCHEMA_VERSIONS) {
    db.version(version).stores(stores);
  }
  return db;
}

export const TABLE_OF_KIND = {
  case: 'cases',
  person: 'persons',
  appointment: 'appointments',
  note: 'notes',
} as const satisfies Record<RecordKind, string>;
