import { formatDateTime } from '../../../i18n/format';
import { useT } from '../../hooks/use-t';
import { href } from '../../routes';
import type { CaseRowData } from './case-list-model';

export function personDisplayName(p: { familyName: string; givenNames: string }): string {
  return [p.familyName, p.givenNames].filter(Boolean).join(', ');
}

export function CaseRow({ row }: { row: CaseRowData }) {
  const { t, language } = useT();
  const { case: c, persons, nextAppointment, expiringCount } = row;
  const names = persons
    .map((p) => personDisplayName(p) || [p.familyNameNative, p.givenNamesNative].join(' ').trim())
    .filter(Boolean);
  return (
    <li class="case-row">
      <a href={href.case(c.id)} class="case-row__link">
        <span class="case-row__title" dir="auto">
          {c.label || names[0] || t('cases.unnamed')}
        </span>
        {names.length > 0 && (
          <span class="case-row__names" dir="auto">
            {names.join(' · ')}
          </span>
        )}
        <span class="case-row__meta">
          {c.status === 'closed' && <span class="badge">{t('options.caseStatus.closed')}</span>}
          {expiringCount > 0 && (
            <span class="badge badge--warning">
              {t('cases.expiringBadge', { count: expiringCount })}
            </span>
          )}
          {nextAppointment && (
            <span class="case-row__next">
              {t('cases.nextAppointment', {
                when: formatDateTime(nextAppointment.startsAt, language),
              })}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
