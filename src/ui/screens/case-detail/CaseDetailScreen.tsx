// One household: members, documents that expire soon, upcoming appointments, visit notes.
import { loadCaseFile } from '../../../db/repositories';
import { expiringDocuments, upcomingAppointments } from '../../../domain/case-overview';
import { isValidIsoDate, localDateTimeNow, todayIso } from '../../../domain/dates';
import { ageOn } from '../../../domain/partial-date';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatPartialDate,
  languageName,
} from '../../../i18n/format';
import { DeleteButton } from '../../components/DeleteButton';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { href } from '../../routes';
import { personDisplayName } from '../case-list/CaseRow';
import { CaseForms } from '../forms/CaseForms';
import { caseReviewItems, ConflictReview } from './ConflictReview';
import { DuplicatePersons } from './DuplicatePersons';
import { ExpiryText } from './ExpiryText';

export function CaseDetailScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const { db, repositories, now } = useServices();
  const file = useWatch(() => loadCaseFile(db, id), [db, id]);

  if (file.status === 'loading') return <p class="empty">{t('common.loading')}</p>;
  if (file.status === 'error' || !file.value) {
    return (
      <>
        <ScreenHeader title={t('caseDetail.notFound')} backHref={href.cases()} />
        <p class="empty">{t('caseDetail.notFoundText')}</p>
      </>
    );
  }
  const { case: c, persons, appointments, notes } = file.value;
  const date = now();
  const today = todayIso(date);
  const upcoming = upcomingAppointments(appointments, localDateTimeNow(date));
  const expiring = expiringDocuments(persons, today);
  const past = appointments.filter((a) => !upcoming.includes(a)).reverse();
  const address = [
    c.address.street,
    [c.address.postalCode, c.address.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <ScreenHeader
        title={c.label || t('cases.unnamed')}
        backHref={href.cases()}
        actions={
          <a class="button" href={href.caseEdit(c.id)}>
            {t('common.edit')}
          </a>
        }
      />
      <ConflictReview items={caseReviewItems(file.value, t('cases.unnamed'))} />
      <DuplicatePersons persons={persons} />
      <div class="case-facts">
        {c.status === 'closed' && <p class="badge">{t('options.caseStatus.closed')}</p>}
        {address && <p dir="auto">{address}</p>}
        {c.moveInDate && isValidIsoDate(c.moveInDate) && (
          <p>{t('caseDetail.movedIn', { date: formatDate(c.moveInDate, language) })}</p>
        )}
        {c.landlord?.name && (
          <p dir="auto">{t('caseDetail.landlord', { name: c.landlord.name })}</p>
        )}
        {c.phone && (
          <p>
            <a href={`tel:${c.phone}`} dir="ltr">
              {c.phone}
            </a>
          </p>
        )}
        {c.languages.length > 0 && (
          <p>
            {t('caseForm.languages')}:{' '}
            {formatList(
              c.languages.map((l) => languageName(l, language)),
              language,
            )}
          </p>
        )}
        {c.interpreterNeeded && (
          <p class="badge badge--info">
            {t('caseDetail.interpreter', {
              language: c.interpreterLanguage ? languageName(c.interpreterLanguage, language) : '—',
            })}
          </p>
        )}
      </div>

      <Section
        title={t('caseDetail.household')}
        action={
          <a class="button" href={href.person(c.id, null)}>
            {t('caseDetail.addPerson')}
          </a>
        }
      >
        {persons.length === 0 ? (
          <p class="empty">{t('caseDetail.noPersons')}</p>
        ) : (
          <ul class="item-list">
            {persons.map((p) => {
              const age = p.dateOfBirth ? ageOn(p.dateOfBirth, today) : null;
              return (
                <li key={p.id}>
                  <a class="item-link" href={href.person(c.id, p.id)}>
                    <span class="item-link__title" dir="auto">
                      {personDisplayName(p) || t('person.unnamed')}
                    </span>
                    {(p.familyNameNative || p.givenNamesNative) && (
                      <span dir="auto">{[p.givenNamesNative, p.familyNameNative].join(' ')}</span>
                    )}
                    <span class="item-link__meta">
                      {p.relationship && t(`options.relationship.${p.relationship}`)}
                      {p.dateOfBirth && /^\d{4}/.test(p.dateOfBirth) && (
                        <>
                          {p.relationship && ' · '}
                          {formatPartialDate(p.dateOfBirth, language)}
                          {age !== null && ` (${t('person.age', { count: age })})`}
                        </>
                      )}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title={t('caseDetail.expiringDocs')}>
        {expiring.length === 0 ? (
          <p class="empty">{t('caseDetail.noExpiring')}</p>
        ) : (
          <ul class="item-list">
            {expiring.map(({ person, expiresOn, daysLeft }) => (
              <li key={person.id} class="item-warning">
                <a class="item-link" href={href.person(c.id, person.id)}>
                  <span class="item-link__title" dir="auto">
                    {personDisplayName(person) || t('person.unnamed')}
                  </span>
                  <span>
                    {person.residence.document &&
                      t(`options.residence.${person.residence.document}`)}{' '}
                    · {formatDate(expiresOn, language)} · <ExpiryText daysLeft={daysLeft} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        title={t('caseDetail.upcoming')}
        action={
          <a class="button" href={href.appointment(c.id, null)}>
            {t('caseDetail.addAppointment')}
          </a>
        }
      >
        {upcoming.length === 0 ? (
          <p class="empty">{t('caseDetail.noAppointments')}</p>
        ) : (
          <ul class="item-list">
            {upcoming.map((a) => (
              <li key={a.id}>
                <a class="item-link" href={href.appointment(c.id, a.id)}>
                  <span class="item-link__title">{formatDateTime(a.startsAt, language)}</span>
                  <span dir="auto">
                    {[a.authority && t(`options.authority.${a.authority}`), a.purpose]
                      .filter(Boolean)
                      .join(' – ')}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        {past.length > 0 && (
          <details class="past-appointments">
            <summary>{t('caseDetail.pastAppointments', { count: past.length })}</summary>
            <ul class="item-list">
              {past.map((a) => (
                <li key={a.id}>
                  <a class="item-link" href={href.appointment(c.id, a.id)}>
                    <span class="item-link__title">{formatDateTime(a.startsAt, language)}</span>
                    <span>
                      {t(`options.appointmentStatus.${a.status}`)}
                      {a.purpose && ` – ${a.purpose}`}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      <Section
        title={t('caseDetail.notes')}
        action={
          <a class="button" href={href.note(c.id, null)}>
            {t('caseDetail.addNote')}
          </a>
        }
      >
        {notes.length === 0 ? (
          <p class="empty">{t('caseDetail.noNotes')}</p>
        ) : (
          <ul class="item-list">
            {notes.map((n) => (
              <li key={n.id}>
                <a class="item-link" href={href.note(c.id, n.id)}>
                  <span class="item-link__title">
                    {formatDate(n.date, language)}
                    {n.author && ` · ${n.author}`}
                  </span>
                  <span class="note-preview" dir="auto">
                    {n.text}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <CaseForms caseId={c.id} persons={persons} />

      {c.notes && (
        <Section title={t('caseForm.notes')}>
          <p class="prewrap" dir="auto">
            {c.notes}
          </p>
        </Section>
      )}

      <div class="danger-zone">
        <DeleteButton
          label={t('caseDetail.deleteCase')}
          question={t('caseDetail.deleteConfirm')}
          remove={() => repositories.cases.removeWithContents(c.id)}
          afterHref={href.cases()}
        />
      </div>
    </>
  );
}
