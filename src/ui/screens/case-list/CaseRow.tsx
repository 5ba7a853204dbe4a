// One case in the list. A row re-renders only when its data changes (or the language does,
// through the context): typing in the search box re-renders the list, not 50 unchanged rows.
import { Component } from 'preact';
import { formatDateTime } from '../../../i18n/format';
import { LanguageContext, type LanguageContextValue } from '../../hooks/use-t';
import { href } from '../../routes';
import type { CaseRowData } from './case-list-model';

export function personDisplayName(p: { familyName: string; givenNames: string }): string {
  return [p.familyName, p.givenNames].filter(Boolean).join(', ');
}

type CaseRowProps = { row: CaseRowData };

export class CaseRow extends Component<CaseRowProps> {
  // The language comes from the context: a change of language re-renders every row (the
  // provider bypasses shouldComponentUpdate), a keystroke in the search box re-renders none.
  static override contextType = LanguageContext;
  declare context: LanguageContextValue;

  override shouldComponentUpdate(next: CaseRowProps): boolean {
    return next.row !== this.props.row;
  }

  override render() {
    const { t, language } = this.context;
    const { case: c, persons, nextAppointment, expiringCount } = this.props.row;
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
}
