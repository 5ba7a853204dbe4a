// "These look like the same person": pairs from the duplicate finder among the household's
// persons. "Keep both" marks the pair on both persons (synced, so no phone of the team
// offers it again); "Merge" lets the volunteer choose which record stays and, per differing
// field, which value — nothing is merged without that choice. A failed write is explained
// at the offer.
import { useEffect, useState } from 'preact/hooks';
import {
  isKeptApart,
  keepBoth,
  loadLegacyDismissedPairs,
  migrateDismissedPairs,
  saveMerge,
} from '../../../db/duplicate-dismissals';
import type { Person } from '../../../domain/types';
import { formatPartialDate } from '../../../i18n/format';
import type { Result } from '../../../shared/result';
import { findDuplicateCandidates } from '../../../sync/duplicates';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import {
  differingFields,
  mergePersons,
  pairKey,
  valueAt,
  type MergeChoices,
  type MergePath,
} from './duplicate-merge';

const LABEL_KEYS: Partial<Record<MergePath, string>> = {
  'residence.document': 'residenceDocument',
  'residence.paragraph': 'residenceParagraph',
  'residence.documentNumber': 'documentNumber',
  'residence.expiresOn': 'expiresOn',
  pensionInsuranceNumber: 'pensionNumber',
};

type Merging = { key: string; keptId: string; choices: MergeChoices };
type Failure = { key: string; action: 'keepBoth' | 'merge'; code: string };

function Facts({ person }: { person: Person }) {
  const { t, language } = useT();
  const latin = [person.givenNames, person.familyName].filter(Boolean).join(' ');
  const native = [person.givenNamesNative, person.familyNameNative].filter(Boolean).join(' ');
  return (
    <dl class="duplicate__facts">
      <dt>{t('sync.duplicates.nameLatin')}</dt>
      <dd dir="auto">{latin || '—'}</dd>
      <dt>{t('sync.duplicates.nameNative')}</dt>
      <dd dir="auto">{native || '—'}</dd>
      <dt>{t('person.dateOfBirth')}</dt>
      <dd>{person.dateOfBirth ? formatPartialDate(person.dateOfBirth, language) : '—'}</dd>
      <dt>{t('person.nationality')}</dt>
      <dd>{person.nationality || '—'}</dd>
      <dt>{t('person.documentNumber')}</dt>
      <dd dir="ltr">{person.residence.documentNumber || '—'}</dd>
    </dl>
  );
}

export function DuplicatePersons({ persons }: { persons: readonly Person[] }) {
  const { t } = useT();
  const { db, now } = useServices();
  const legacy = useWatch(() => loadLegacyDismissedPairs(db), [db]);
  const [merging, setMerging] = useState<Merging | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Pairs dismissed on this device before "Keep both" synced move onto the persons. A failure
  // is harmless: the old list is still read, and the next visit tries again.
  useEffect(() => void migrateDismissedPairs(db, now), [db, now]);
  if (legacy.status !== 'ready') return null;
  const byId = new Map(persons.map((p) => [p.id, p]));
  const pairs = findDuplicateCandidates(persons).filter((c) => {
    const [pa, pb] = [byId.get(c.a), byId.get(c.b)];
    return pa && pb && !isKeptApart(pa, pb, legacy.value);
  });
  if (pairs.length === 0) return null;

  const run = async (
    key: string,
    action: Failure['action'],
    write: () => Promise<Result<unknown, string>>,
  ) => {
    setFailure(null);
    const result = await write();
    if (result.ok) {
      setMerging(null);
      return;
    }
    setFailure({ key, action, code: result.code });
  };

  const label = (path: MergePath) =>
    t(`person.${LABEL_KEYS[path] ?? path}` as 'person.familyName', { defaultValue: path });
  const name = (p: Person) =>
    [p.givenNames, p.familyName].filter(Boolean).join(' ') || t('person.unnamed');

  const merge = async (kept: Person, other: Person, choices: MergeChoices) => {
    const {
      id,
      createdAt: _c,
      updatedAt: _u,
      deleted: _d,
      ...data
    } = mergePersons(kept, other, choices);
    void [_c, _u, _d];
    await run(pairKey(id, other.id), 'merge', () => saveMerge(db, id, data, other.id, now));
  };

  return (
    <Section title={t('sync.duplicates.title')}>
      <ul class="conflict-list" data-testid="duplicate-offers">
        {pairs.map(({ a, b }) => {
          const [pa, pb] = [byId.get(a), byId.get(b)];
          if (!pa || !pb) return null;
          const key = pairKey(a, b);
          const open = merging?.key === key ? merging : null;
          const kept = open?.keptId === pb.id ? pb : pa;
          const other = kept === pa ? pb : pa;
          return (
            <li key={key} class="conflict">
              <p>{t('sync.duplicates.explain')}</p>
              <div class="duplicate__pair">
                <Facts person={pa} />
                <Facts person={pb} />
              </div>
              {open === null ? (
                <div class="conflict__choices">
                  <button
                    type="button"
                    class="button"
                    onClick={() => void run(key, 'keepBoth', () => keepBoth(db, a, b, now))}
                  >
                    {t('sync.duplicates.keepBoth')}
                  </button>
                  <button
                    type="button"
                    class="button"
                    onClick={() => setMerging({ key, keptId: a, choices: {} })}
                  >
                    {t('sync.duplicates.merge')}
                  </button>
                </div>
              ) : (
                <div class="duplicate__merge">
                  <fieldset>
                    <legend>{t('sync.duplicates.whichToKeep')}</legend>
                    {[pa, pb].map((p) => (
                      <label key={p.id}>
                        <input
                          type="radio"
                          name={`keep-${key}`}
                          checked={kept.id === p.id}
                          onChange={() => setMerging({ key, keptId: p.id, choices: {} })}
                        />{' '}
                        <span dir="auto">{name(p)}</span>
                      </label>
                    ))}
                  </fieldset>
                  {differingFields(kept, other).map((path) => (
                    <fieldset key={path}>
                      <legend>{label(path)}</legend>
                      {(['kept', 'other'] as const).map((side) => (
                        <label key={side}>
                          <input
                            type="radio"
                            name={`${key}-${path}`}
                            checked={(open.choices[path] ?? 'kept') === side}
                            onChange={() =>
                              setMerging({ ...open, choices: { ...open.choices, [path]: side } })
                            }
                          />{' '}
                          <span dir="auto">{valueAt(side === 'kept' ? kept : other, path)}</span>
                        </label>
                      ))}
                    </fieldset>
                  ))}
                  <div class="conflict__choices">
                    <button
                      type="button"
                      class="button button--primary"
                      onClick={() => void merge(kept, other, open.choices)}
                    >
                      {t('sync.duplicates.mergeNow')}
                    </button>
                    <button type="button" class="button" onClick={() => setMerging(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
              {failure?.key === key && (
                <p class="notice notice--error" role="alert">
                  {t(
                    failure.action === 'merge'
                      ? 'sync.duplicates.mergeFailed'
                      : 'sync.duplicates.keepBothFailed',
                  )}{' '}
                  {errorMessage(t, failure.code)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
