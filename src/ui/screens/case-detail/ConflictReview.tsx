// "Needs review": the case's records with sync conflicts. For identity fields (names, date
// of birth, residence, document numbers) the volunteer must choose one of both values; for
// other fields the shown value stands until someone takes the other one or dismisses it; an
// edit made against a record another device deleted is kept and can be deleted after all;
// so can a case deleted while its contents were edited elsewhere (with all of them).
// A choice that cannot be saved (a full disk) is explained at the conflict.
import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import type { StorageResult } from '../../../db/record-repository';
import type { Repositories } from '../../../db/repositories';
import type { SyncRecord } from '../../../sync/local-store';
import { conflictsOf, type RecordConflict } from '../../../sync/merge';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { conflictValueText, resolveConflict, type ConflictChoice } from './conflict-resolution';

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

const conflictKey = (item: ReviewItem, conflict: RecordConflict) =>
  `${item.record.id}/${conflict.id}`;

export function ConflictReview({ items }: { items: readonly ReviewItem[] }) {
  const { t } = useT();
  const { repositories } = useServices();
  const [failure, setFailure] = useState<{ key: string; code: string } | null>(null);
  const open = items.filter((item) => conflictsOf(item.record).length > 0);
  if (open.length === 0) return null;

  const choose = (item: ReviewItem, conflict: RecordConflict, choice: ConflictChoice) => {
    setFailure(null);
    void save(repositories, item, resolveConflict(item.record, conflict, choice)).then((result) => {
      if (!result.ok) setFailure({ key: conflictKey(item, conflict), code: result.code });
    });
  };

  return (
    <Section title={t('sync.conflicts.title')}>
      <ul class="conflict-list" data-testid="needs-review">
        {open.flatMap((item) =>
          conflictsOf(item.record).map((conflict) => (
            <li key={conflictKey(item, conflict)} class="conflict">
              <p>
                <strong>{item.name}</strong>
                {conflict.kind !== 'edit-after-delete' &&
                  ` · ${fieldLabel(t, item.kind, conflict.path)}`}
              </p>
              {conflict.kind === 'edit-after-delete' ? (
                <>
                  <p>
                    {item.kind === 'case'
                      ? t('sync.conflicts.caseDeletedWithEdits')
                      : t('sync.conflicts.editAfterDelete')}
                  </p>
                  <div class="conflict__choices">
                    <button
                      type="button"
                      class="button"
                      onClick={() => choose(item, conflict, 'shown')}
                    >
                      {t('sync.conflicts.keepRecord')}
                    </button>
                    <button
                      type="button"
                      class="button button--danger"
                      onClick={() => choose(item, conflict, 'kept')}
                    >
                      {item.kind === 'case'
                        ? t('sync.conflicts.deleteCase')
                        : t('sync.conflicts.deleteRecord')}
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <p>
                    {conflict.kind === 'must-choose'
                      ? t('sync.conflicts.mustChoose')
                      : t('sync.conflicts.review')}
                  </p>
                  <div class="conflict__choices">
                    {(['shown', 'kept'] as const).map((choice) => (
                      <button
                        key={choice}
                        type="button"
                        class="button"
                        onClick={() => choose(item, conflict, choice)}
                      >
                        {t(choice === 'shown' ? 'sync.conflicts.keep' : 'sync.conflicts.take', {
                          value: conflictValueText(conflict[choice]),
                        })}
                      </button>
                    ))}
                  </div>
                </>
              )}
              {failure?.key === conflictKey(item, conflict) && (
                <p class="notice notice--error" role="alert">
                  {t('sync.conflicts.saveFailed')} {errorMessage(t, failure.code)}
                </p>
              )}
            </li>
          )),
        )}
      </ul>
    </Section>
  );
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
