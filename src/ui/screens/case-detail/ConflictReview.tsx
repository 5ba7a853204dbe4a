// "Needs review" on the case page: the sync conflicts of the case's records (the choices
// themselves: components/ConflictChoices.tsx). A record edited against a delete on another
// device can be deleted after all; so can a case deleted while its contents were edited
// elsewhere (with all of them).
import type { TFunction } from 'i18next';
import type { StorageResult } from '../../../db/record-repository';
import type { Repositories } from '../../../db/repositories';
import type { SyncRecord } from '../../../sync/local-store';
import { conflictsOf } from '../../../sync/merge';
import { ConflictChoices, type ConflictEntry } from '../../components/ConflictChoices';
import { resolveConflict, type ConflictChoice } from '../../components/conflict-resolution';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';

export type ReviewKind = 'case' | 'person' | 'appointment' | 'note';
export type ReviewItem = { kind: ReviewKind; record: SyncRecord; name: string };

const REPOSITORY = {
  case: 'cases',
  person: 'persons',
  appointment: 'appointments',
  note: 'notes',
} as const satisfies Record<ReviewKind, keyof Repositories>;

const LABELS = { case: 'caseForm', person: 'person', appointment: 'appointment', note: 'note' };

function fieldLabel(t: TFunction, kind: ReviewKind, path: string): string {
  const top = path.split('.')[0] ?? path;
  return t(`${LABELS[kind]}.${top}` as 'sync.team.title', { defaultValue: path });
}

async function save(
  repos: Repositories,
  item: ReviewItem,
  next: SyncRecord,
): Promise<StorageResult<unknown>> {
  const repository = repos[REPOSITORY[item.kind]];
  const { id, createdAt: _c, updatedAt: _u, deleted, ...data } = next;
  void _c;
  void _u;
  // A case brought back because its contents were edited (sync/orphans.ts) goes with them.
  if (item.kind === 'case' && deleted === true) return repos.cases.removeWithContents(id);
  // The repositories take the record's data; the conflict list travels with it. "Delete
  // after all" saves it with the tombstone in one transaction, so a failure changes nothing.
  return deleted === true
    ? repository.saveAndRemove(id, data as never)
    : repository.save(id, data as never);
}

/** Every open conflict of the case's records, as the choice list shows them. */
function entriesOf(t: TFunction, items: readonly ReviewItem[]): ConflictEntry[] {
  return items.flatMap((item) =>
    conflictsOf(item.record).map((conflict) => ({
      key: `${item.record.id}/${conflict.id}`,
      conflict,
      name: item.name,
      label: fieldLabel(t, item.kind, conflict.path),
      ...(item.kind === 'case'
        ? {
            deletedText: t('sync.conflicts.caseDeletedWithEdits'),
            deleteLabel: t('sync.conflicts.deleteCase'),
          }
        : {}),
    })),
  );
}

export function ConflictReview({ items }: { items: readonly ReviewItem[] }) {
  const { t } = useT();
  const { repositories } = useServices();
  const byId = new Map(items.map((item) => [item.record.id, item]));
  const entries = entriesOf(t, items);

  const choose = (entry: ConflictEntry, choice: ConflictChoice) => {
    const item = byId.get(entry.key.slice(0, entry.key.indexOf('/')));
    if (!item) return Promise.resolve({ ok: true as const, value: undefined });
    return save(repositories, item, resolveConflict(item.record, entry.conflict, choice));
  };

  return <ConflictChoices title={t('sync.conflicts.title')} entries={entries} onChoose={choose} />;
}

type Named = { id: string };

/** The review items of one case file (records are checked for conflicts by ConflictReview). */
export function caseReviewItems(
  file: {
    case: Named & { label: string };
    persons: readonly (Named & { familyName: string; givenNames: string })[];
    appointments: readonly (Named & { purpose: string })[];
    notes: readonly (Named & { date: string })[];
  },
  unnamed: string,
): ReviewItem[] {
  const item = (kind: ReviewKind, record: Named, name: string): ReviewItem => ({
    kind,
    record: record as SyncRecord,
    name: name || unnamed,
  });
  return [
    item('case', file.case, file.case.label),
    ...file.persons.map((p) =>
      item('person', p, [p.familyName, p.givenNames].filter(Boolean).join(', ')),
    ),
    ...file.appointments.map((a) => item('appointment', a, a.purpose)),
    ...file.notes.map((n) => item('note', n, n.date)),
  ];
}
