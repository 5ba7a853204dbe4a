// Appointments across all cases: overdue, today, this week, later.
import { loadAllAppointments } from '../../../db/repositories';
import { groupAgenda, type AgendaGroups } from '../../../domain/case-overview';
import { localDateTimeNow } from '../../../domain/dates';
import type { Appointment, Case } from '../../../domain/types';
import { formatWeekdayDateTime } from '../../../i18n/format';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { href } from '../../routes';

const GROUPS: (keyof AgendaGroups)[] = ['overdue', 'today', 'thisWeek', 'later'];

function AgendaItem({
  appointment: a,
  caseOf,
}: {
  appointment: Appointment;
  caseOf: Map<string, Case>;
}) {
  const { t, language } = useT();
  const c = caseOf.get(a.caseId);
  return (
    <li>
      <a class="item-link" href={href.appointment(a.caseId, a.id)}>
        <span class="item-link__title">{formatWeekdayDateTime(a.startsAt, language)}</span>
        <span dir="auto">{c?.label || t('cases.unnamed')}</span>
        <span class="item-link__meta" dir="auto">
          {[a.authority && t(`options.authority.${a.authority}`), a.purpose, a.place]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </a>
    </li>
  );
}

export function AgendaScreen() {
  const { t } = useT();
  const { db, now } = useServices();
  const data = useWatch(() => loadAllAppointments(db), [db]);
  if (data.status !== 'ready') {
    return (
      <>
        <ScreenHeader title={t('agenda.title')} />
        <p class="empty">
          {data.status === 'loading' ? t('common.loading') : t('errors.storage-unavailable')}
        </p>
      </>
    );
  }
  const caseOf = new Map(data.value.cases.map((c) => [c.id, c]));
  const appointments = data.value.appointments.filter((a) => caseOf.has(a.caseId));
  const groups = groupAgenda(appointments, localDateTimeNow(now()));
  const isEmpty = GROUPS.every((g) => groups[g].length === 0);
  return (
    <>
      <ScreenHeader title={t('agenda.title')} />
      {isEmpty && <p class="empty">{t('agenda.empty')}</p>}
      {GROUPS.filter((g) => groups[g].length > 0).map((g) => (
        <Section key={g} title={t(`agenda.${g}`)}>
          <ul class={`item-list${g === 'overdue' ? ' item-list--overdue' : ''}`}>
            {groups[g].map((a) => (
              <AgendaItem key={a.id} appointment={a} caseOf={caseOf} />
            ))}
          </ul>
        </Section>
      ))}
    </>
  );
}
