// The "Forms" section of a case: its drafts with their status, and "fill a form".
import './forms.css';
import { loadCaseDrafts } from '../../../db/draft-repository';
import { loadFormLibrary } from '../../../db/form-repository';
import type { Person } from '../../../domain/types';
import { formatDate } from '../../../i18n/format';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { href } from '../../routes';
import { personDisplayName } from '../case-list/CaseRow';

export function CaseForms({ caseId, persons }: { caseId: string; persons: Person[] }) {
  const { t, language } = useT();
  const { db } = useServices();
  const data = useWatch(
    () => Promise.all([loadCaseDrafts(db, caseId), loadFormLibrary(db)]),
    [db, caseId],
  );
  const drafts = data.status === 'ready' ? data.value[0] : [];
  const names = new Map(
    data.status === 'ready' ? data.value[1].map((f) => [f.id, f.fileName]) : [],
  );

  return (
    <Section
      title={t('forms.caseSection.title')}
      action={
        <a class="button" href={href.draft(caseId, null)}>
          {t('forms.caseSection.fill')}
        </a>
      }
    >
      {drafts.length === 0 ? (
        <p class="empty">{t('forms.caseSection.empty')}</p>
      ) : (
        <ul class="item-list">
          {drafts.map((d) => {
            const person = persons.find((p) => p.id === d.subjectPersonId);
            return (
              <li key={d.id}>
                <a class="item-link" href={href.draft(caseId, d.id)}>
                  <span class="item-link__title" dir="auto">
                    {names.get(d.formId) ?? t('forms.caseSection.unknownForm')}
                  </span>
                  <span class="item-link__meta">
                    {t(`forms.status.${d.status}`)}
                    {d.status === 'submitted' &&
                      d.submittedOn &&
                      ` · ${formatDate(d.submittedOn, language)}`}
                    {d.status === 'submitted' && d.office && ` · ${d.office}`}
                    {person && ` · ${personDisplayName(person)}`}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
