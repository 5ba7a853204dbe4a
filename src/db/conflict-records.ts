// Records with open sync conflicts (sync/merge.ts's conflict list), for the list the team
// screen shows under "needs attention", and the write of a resolved conflict for the kinds
// whose repository saves only part of a record (a form's metadata, a pack with its conflict
// list). Outputs are never read here: they carry a filled PDF's bytes; packs and forms hold no
// bytes (a form's PDF is in `formFiles`).
import type { Table } from 'dexie';
import type { RecordBase } from '../domain/types';
import type { RecordConflict } from '../sync/merge';
import { conflictsOf } from '../sync/merge';
import type { SyncRecord } from '../sync/local-store';
import type { LotseDb } from './database';
import { saveWithOutbox, type StorageResult } from './record-repository';
import { CONFLICTS_LENGTH_INDEX, SYNC_TABLE_OF_KIND } from './sync-local-store';

export type ConflictedKind = 'case' | 'person' | 'appointment' | 'note' | 'form' | 'draft' | 'pack';

/** One record with open conflicts and what a link to its screen needs. */
export type ConflictedRecord = {
  kind: ConflictedKind;
  id: string;
  conflicts: RecordConflict[];
  /** The record's name: a case's label, a person's names, a form's file name … */
  name: string;
  /** Case records and drafts: the case they belong to (and its label). */
  caseId?: string;
  caseLabel?: string;
  /** Drafts: the form's file name; packs: the library form of the pack's edition. */
  formId?: string;
  formName?: string;
};

const TABLES: Record<ConflictedKind, string> = {
  case: SYNC_TABLE_OF_KIND.case,
  person: SYNC_TABLE_OF_KIND.person,
  appointment: SYNC_TABLE_OF_KIND.appointment,
  note: SYNC_TABLE_OF_KIND.note,
  form: SYNC_TABLE_OF_KIND.form,
  draft: SYNC_TABLE_OF_KIND.draft,
  pack: SYNC_TABLE_OF_KIND.pack,
};

type Row = SyncRecord & Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function nameOf(kind: ConflictedKind, row: Row): string {
  switch (kind) {
    case 'case':
      return text(row.label);
    case 'person':
      return [text(row.familyName), text(row.givenNames)].filter(Boolean).join(', ');
    case 'appointment':
      return text(row.purpose);
    case 'note':
      return text(row.date);
    case 'form':
      return text(row.fileName);
    case 'draft':
      return '';
    case 'pack': {
      const title = (row.pack as { title?: { de?: unknown } } | undefined)?.title;
      return text(title?.de);
    }
  }
}

/** Every live record with open conflicts, in the order of TABLES, oldest first. */
export async function loadConflictedRecords(db: LotseDb): Promise<ConflictedRecord[]> {
  const found: ConflictedRecord[] = [];
  for (const kind of Object.keys(TABLES) as ConflictedKind[]) {
    const table = db.table(TABLES[kind]) as unknown as Table<Row, string>;
    // By the index on the list's length (schema v5): only records with conflicts are read.
    const rows = await table
      .where(CONFLICTS_LENGTH_INDEX)
      .above(0)
      .filter((row) => row.deleted !== true)
      .toArray();
    for (const row of rows) {
      const entry: ConflictedRecord = {
        kind,
        id: row.id,
        conflicts: conflictsOf(row),
        name: nameOf(kind, row),
      };
      if (typeof row.caseId === 'string') entry.caseId = row.caseId;
      if (kind === 'draft' && typeof row.formId === 'string') entry.formId = row.formId;
      if (kind === 'pack') {
        const fingerprint = (row.pack as { edition?: { fingerprint?: unknown } } | undefined)
          ?.edition?.fingerprint;
        const form = await db.forms
          .filter((f) => !f.deleted && f.inspection.fingerprint === fingerprint)
          .first();
        if (form) entry.formId = form.id;
      }
      found.push(entry);
    }
  }
  // Names of the cases and forms the entries point to (one read each).
  const caseIds = [...new Set(found.flatMap((e) => (e.caseId ? [e.caseId] : [])))];
  const cases = await db.cases.bulkGet(caseIds);
  const caseLabels = new Map(caseIds.map((id, i) => [id, cases[i]?.label ?? '']));
  const formIds = [
    ...new Set(found.flatMap((e) => (e.kind === 'draft' && e.formId ? [e.formId] : []))),
  ];
  const forms = await db.forms.bulkGet(formIds);
  const formNames = new Map(formIds.map((id, i) => [id, forms[i]?.fileName ?? '']));
  for (const entry of found) {
    if (entry.caseId) entry.caseLabel = caseLabels.get(entry.caseId) ?? '';
    if (entry.kind === 'draft' && entry.formId) entry.formName = formNames.get(entry.formId) ?? '';
  }
  return found;
}

/**
 * Writes a form or pack whose conflict was resolved (resolveConflict's result): its data and
 * the shortened conflict list, with an outbox entry, in one transaction. Deleting after all
 * goes through the repository's remove (a form's PDF goes with it).
 */
export function saveResolvedRecord(
  db: LotseDb,
  kind: 'form' | 'pack',
  record: SyncRecord,
  now: string,
): Promise<StorageResult<RecordBase>> {
  const { id, createdAt: _c, updatedAt: _u, deleted: _d, ...data } = record;
  void _c;
  void _u;
  void _d;
  const table = kind === 'form' ? db.forms : db.packs;
  return saveWithOutbox(db, table as unknown as typeof db.forms, kind, id, data as never, now);
}
