// The IndexedDB database. src/db is the only folder that imports dexie.
//
// What is stored where:
//   cases, persons, appointments, notes — the case book (records with tombstones)
//   outbox   — one entry per record changed since the last sync (pushed by the sync issue)
//   settings — small key/value preferences (language, whether persistence was asked)
//   forms, formFiles, drafts, outputs — the form library, drafts and filled PDFs (form-records.ts)
//   syncShadows, syncProblems, syncForeign, syncState — team sync bookkeeping (sync-tables.ts)
//   packs    — form packs made or imported in the app (pack-repository.ts)
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Appointment, Case, Person, RecordKind, VisitNote } from '../domain/types';
import type { FormDraft, FormFile, FormOutput, FormRecordKind, LibraryForm } from './form-records';
import type { StoredPack } from './pack-repository';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';
import type { ForeignRow, ProblemRow, ShadowRow, SyncStateRow } from './sync-tables';

export type OutboxEntry = {
  seq?: number;
  kind: RecordKind | FormRecordKind | 'pack';
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
  forms: EntityTable<LibraryForm, 'id'>;
  formFiles: EntityTable<FormFile, 'id'>;
  drafts: EntityTable<FormDraft, 'id'>;
  outputs: EntityTable<FormOutput, 'id'>;
  syncShadows: Table<ShadowRow, [string, string]>;
  syncProblems: Table<ProblemRow, [string, string]>;
  syncForeign: Table<ForeignRow, [string, string]>;
  syncState: EntityTable<SyncStateRow, 'key'>;
  packs: EntityTable<StoredPack, 'id'>;
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
