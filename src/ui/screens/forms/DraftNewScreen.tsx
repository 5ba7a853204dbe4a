// "Fill a form" from a case: choose a form of the library and the person it is for; the
// draft starts with what the matching pack derives from the case.
import './forms.css';
import { useState } from 'preact/hooks';
import { loadFormLibrary } from '../../../db/form-repository';
import { loadStoredPacks } from '../../../db/pack-repository';
import { loadCaseFile } from '../../../db/repositories';
import { todayIso } from '../../../domain/dates';
import { SelectField } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { href, navigate } from '../../routes';
import { personDisplayName } from '../case-list/CaseRow';
import { packForEdition } from '../overlay/overlay-model';
import { fillableFields } from './draft-model';
import { matchPackOf, startDraft } from './pack-adapter';
import { useFormServices } from './use-form-services';

export function DraftNewScreen({
  caseId,
  volunteerName,
}: {
  caseId: string;
  volunteerName: string;
}) {
  const { t } = useT();
  const { db, now } = useServices();
  const { drafts } = useFormServices();
  const data = useWatch(
    () => Promise.all([loadCaseFile(db, caseId), loadFormLibrary(db), loadStoredPacks(db)]),
    [db, caseId],
  );
  const [formId, setFormId] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const back = href.case(caseId);

  if (data.status === 'loading') return <p class="empty">{t('common.loading')}</p>;
  if (data.status === 'error' || !data.value[0]) {
    return (
      <>
        <ScreenHeader title={t('caseDetail.notFound')} backHref={href.cases()} />
        <p class="empty">{t('caseDetail.notFoundText')}</p>
      </>
    );
  }
  const [file, library, storedPacks] = data.value;
  // Flat forms count once overlay boxes were placed on them (overlay mode).
  const forms = library.filter(
    (f) =>
      fillableFields(f.inspection).length > 0 ||
      (packForEdition(f.inspection, storedPacks)?.pack.overlays?.length ?? 0) > 0,
  );
  const head = file.persons.find((p) => p.relationship === 'head') ?? file.persons[0];
  const chosenForm = forms.find((f) => f.id === formId) ?? forms[0];
  const chosenPerson = personId ?? head?.id ?? '';

  const create = async () => {
    if (!chosenForm) return;
    setCreating(true);
    const date = now();
    const context = chosenPerson
      ? {
          household: file.case,
          persons: file.persons,
          subjectPersonId: chosenPerson,
          today: todayIso(date),
          place: file.case.address.city,
          volunteerName,
        }
      : null;
    const match = matchPackOf(
      chosenForm.inspection,
      storedPacks.map((s) => s.pack),
    );
    const start = startDraft(match, chosenForm.inspection, context);
    const created = await drafts.create({
      caseId,
      formId: chosenForm.id,
      subjectPersonId: chosenPerson || null,
      ...start,
      status: 'draft',
      submittedOn: '',
      office: '',
    });
    setCreating(false);
    if (created.ok) navigate(href.draft(caseId, created.value.id), { replace: true });
    else setError(errorMessage(t, created.code));
  };

  return (
    <>
      <ScreenHeader title={t('forms.newDraft.title')} backHref={back} />
      {forms.length === 0 ? (
        <>
          <p class="empty">{t('forms.newDraft.noForms')}</p>
          <a class="button" href={href.forms()}>
            {t('forms.newDraft.toLibrary')}
          </a>
        </>
      ) : (
        <form
          class="draft-new"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <SelectField
            label={t('forms.newDraft.form')}
            value={chosenForm?.id ?? ''}
            options={forms.map((f) => ({ value: f.id, label: f.fileName }))}
            onChange={setFormId}
          />
          <SelectField
            label={t('forms.newDraft.person')}
            value={chosenPerson}
            options={file.persons.map((p) => ({
              value: p.id,
              label: personDisplayName(p) || t('person.unnamed'),
            }))}
            emptyLabel={file.persons.length === 0 ? t('forms.newDraft.household') : undefined}
            onChange={setPersonId}
          />
          {error && (
            <p class="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button button--primary" disabled={isCreating}>
            {t('forms.newDraft.create')}
          </button>
        </form>
      )}
    </>
  );
}
