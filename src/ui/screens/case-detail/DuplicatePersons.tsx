// "These look like the same person": pairs from the duplicate finder among the household's
// persons. "Keep both" remembers the pair; "Merge" lets the volunteer choose which record
// stays and, per differing field, which value — nothing is merged without that choice.
import { useState } from 'preact/hooks';
import { dismissPair, isDismissed, loadDismissedPairs } from '../../../db/duplicate-dismissals';
import type { Person } from '../../../domain/types';
import { formatPartialDate } from '../../../i18n/format';
import { findDuplicateCandidates } from '../../../sync/duplicates';
import { Section } from '../../components/Section';
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
  const { db, repositories } = useServices();
  const dismissed = useWatch(() => loadDismissedPairs(db), [db]);
  const [merging, setMerging] = useState<Merging | null>(null);
  if (dismissed.status !== 'ready') return null;
  const byId = new Map(persons.map((p) => [p.id, p]));
  const pairs = findDuplicateCandidates(persons).filter(
    (c) => !isDismissed(dismissed.value, c.a, c.b),
  );
  if (pairs.length === 0) return null;

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
    const saved = await repositories.persons.save(id, data);
    if (saved.ok) await repositories.persons.remove(other.id);
    setMerging(null);
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
                  <button type="button" class="button" onClick={() => void dismissPair(db, a, b)}>
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
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
