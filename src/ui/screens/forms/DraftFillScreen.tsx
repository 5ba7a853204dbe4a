// The fill screen: one draft of one form for one case. Fields in page order with their
// labels, values from the case marked, every keystroke autosaved, too-long values flagged,
// status (draft / ready / submitted on a date to an office), and the PDF output.
import './forms.css';
import { useMemo, useState } from 'preact/hooks';
import { DRAFT_STATUSES, type LibraryForm } from '../../../db/form-records';
import { loadLibraryForm } from '../../../db/form-repository';
import { loadCaseFile } from '../../../db/repositories';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { href, navigate } from '../../routes';
import { personDisplayName } from '../case-list/CaseRow';
import { DraftConflicts } from './DraftConflicts';
import { DraftField } from './DraftField';
import { DraftOutputs } from './DraftOutputs';
import { blocksOutput, fillableFields, isFromCase, tooLongValues } from './draft-model';
import { formErrorMessage } from './form-messages';
import { useAutosavedDraft } from './use-autosaved-draft';
import { useFormServices } from './use-form-services';
import { useOverlayFields } from './use-overlay-fields';
import { canWriteBack, writeBack } from './write-back';
import { FormMissing } from './FormMissing';

export function DraftFillScreen({ caseId, id }: { caseId: string; id: string }) {
  const { t } = useT();
  const { db, repositories } = useServices();
  const { drafts } = useFormServices();
  const draft = useAutosavedDraft(drafts, id);
  const formId = draft.value?.formId ?? null;
  const form = useWatch(formId ? () => loadLibraryForm(db, formId) : null, [db, formId]);
  const file = useWatch(() => loadCaseFile(db, caseId), [db, caseId]);
  const back = href.case(caseId);

  if (draft.loadState === 'missing' || draft.loadState === 'error') {
    return (
      <>
        <ScreenHeader title={t('common.notFound')} backHref={back} />
        <p class="notice notice--error" role="alert">
          {errorMessage(t, draft.loadError ?? 'not-found')}
        </p>
      </>
    );
  }
  if (!draft.value || form.status === 'loading') {
    return <p class="empty">{t('common.loading')}</p>;
  }
  if (form.status === 'error' || !form.value) {
    return <FormMissing backHref={back} />;
  }
  return (
    <DraftEditor
      caseId={caseId}
      id={id}
      form={form.value}
      draft={draft}
      file={file.status === 'ready' ? file.value : null}
      repositories={repositories}
    />
  );
}

type EditorProps = {
  caseId: string;
  id: string;
  form: LibraryForm;
  draft: ReturnType<typeof useAutosavedDraft>;
  file: Awaited<ReturnType<typeof loadCaseFile>>;
  repositories: ReturnType<typeof useServices>['repositories'];
};

function DraftEditor({ caseId, id, form, draft, file, repositories }: EditorProps) {
  const { t } = useT();
  const { drafts } = useFormServices();
  const [writtenBack, setWrittenBack] = useState<string | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);
  const overlays = useOverlayFields(form.inspection);
  const fields = useMemo(
    () => fillableFields(form.inspection, overlays.fields),
    [form, overlays.fields],
  );
  const value = draft.value;
  if (!value) return null;
  const tooLong = tooLongValues(fields, value.values, overlays.boxes);
  const tooWide = new Map(tooLong.filter((v) => v.isBox).map((v) => [v.key, v.max]));
  const person = file?.persons.find((p) => p.id === value.subjectPersonId);

  return (
    <>
      <ScreenHeader title={form.fileName} backHref={href.case(caseId)} />
      {person && (
        <p class="screen-intro" dir="auto">
          {t('forms.fill.forPerson', { name: personDisplayName(person) || t('person.unnamed') })}
        </p>
      )}
      <SaveStatus state={draft.saveState} />
      <div class="draft-status">
        <SelectField
          label={t('forms.status.label')}
          value={value.status}
          options={DRAFT_STATUSES.map((s) => ({ value: s, label: t(`forms.status.${s}`) }))}
          onChange={(status) => draft.update({ status: status as typeof value.status })}
        />
        {value.status === 'submitted' && (
          <>
            <TextField
              label={t('forms.fill.submittedOn')}
              type="date"
              value={value.submittedOn}
              onInput={(submittedOn) => draft.update({ submittedOn })}
            />
            <TextField
              label={t('forms.fill.office')}
              value={value.office}
              onInput={(office) => draft.update({ office })}
            />
          </>
        )}
      </div>

      <DraftConflicts caseId={caseId} draft={draft} fields={fields} />

      <Section title={t('forms.fill.fields')}>
        {writtenBack && (
          <p class="notice notice--info" role="status">
            {writtenBack}
          </p>
        )}
        {writeError && (
          <p class="notice notice--error" role="alert">
            {writeError}
          </p>
        )}
        {fields.length === 0 && <p class="empty">{formErrorMessage(t, 'form-flat')}</p>}
        {fields.map((field) => {
          const current = value.values[field.key];
          const source = value.sources[field.key];
          const changed =
            typeof current === 'string' &&
            field.key in value.fromCase &&
            current !== value.fromCase[field.key];
          return (
            <DraftField
              key={field.key}
              field={field}
              value={current}
              isFromCase={isFromCase(field.key, value.values, value.fromCase)}
              boxHolds={tooWide.get(field.key)}
              canWriteBack={changed && canWriteBack(source, file)}
              onChange={(next) => {
                setWrittenBack(null);
                draft.update({ values: { ...value.values, [field.key]: next } });
              }}
              onWriteBack={() => {
                if (!source || !file || typeof current !== 'string') return;
                void writeBack(repositories, file, source, current).then((result) => {
                  if (!result.ok) {
                    setWriteError(errorMessage(t, result.code));
                    return;
                  }
                  setWriteError(null);
                  setWrittenBack(t('forms.fill.writtenBack'));
                  // The case now holds this value: it counts as coming from the case.
                  draft.update({ fromCase: { ...value.fromCase, [field.key]: current } });
                });
              }}
            />
          );
        })}
      </Section>

      <DraftOutputs
        caseId={caseId}
        draftId={id}
        form={form}
        fields={fields}
        overlays={overlays.boxes}
        values={value.values}
        hasTooLong={blocksOutput(tooLong)}
        flush={draft.flush}
      />

      <div class="danger-zone">
        <ConfirmButton
          label={t('forms.fill.delete')}
          question={t('forms.fill.deleteConfirm')}
          onConfirm={() => {
            void drafts.remove(id).then((result) => {
              if (result.ok) navigate(href.case(caseId), { replace: true });
            });
          }}
        />
      </div>
    </>
  );
}
