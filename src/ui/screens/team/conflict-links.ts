// Where each record with open sync conflicts is resolved, for the list under "needs
// attention": case records on their case's page (its "needs review" section), drafts on their
// fill screen, packs on the pack screen of their edition's form, forms in the library. Pure.
import type { ConflictedKind, ConflictedRecord } from '../../../db/conflict-records';
import { href } from '../../routes';

export type ConflictLink = {
  key: string;
  kind: ConflictedKind;
  href: string;
  /** The record's name ('' when it has none) and the case it belongs to. */
  name: string;
  caseLabel: string;
  count: number;
  mustChoose: boolean;
};

function linkOf(record: ConflictedRecord): string {
  switch (record.kind) {
    case 'case':
      return href.case(record.id);
    case 'person':
    case 'appointment':
    case 'note':
      return record.caseId ? href.case(record.caseId) : href.cases();
    case 'draft':
      return record.caseId ? href.draft(record.caseId, record.id) : href.cases();
    case 'pack':
      return record.formId ? href.pack(record.formId) : href.forms();
    case 'form':
      return href.forms();
  }
}

export function conflictLinks(records: readonly ConflictedRecord[]): ConflictLink[] {
  return records.map((record) => ({
    key: `${record.kind}/${record.id}`,
    kind: record.kind,
    href: linkOf(record),
    name: record.kind === 'draft' ? (record.formName ?? '') : record.name,
    caseLabel: record.caseLabel ?? '',
    count: record.conflicts.length,
    mustChoose: record.conflicts.some((c) => c.kind === 'must-choose'),
  }));
}
