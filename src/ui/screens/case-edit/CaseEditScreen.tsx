// Creating and editing a household. Autosaved; a new case is created with the first keystroke.
import { useMemo } from 'preact/hooks';
import { todayIso } from '../../../domain/dates';
import { emptyCase } from '../../../domain/defaults';
import {
  BUNDESLAENDER,
  CASE_STATUSES,
  type Bundesland,
  type CaseStatus,
} from '../../../domain/types';
import { validateCase } from '../../../domain/validation';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/Field';
import { LanguagesField } from '../../components/LanguagesField';
import { codeOptions, countryOptions, languageOptions } from '../../components/options';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useAutosavedRecord } from '../../hooks/use-autosaved-record';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { askForPersistenceOnce } from '../../storage-persistence';
import { EditorGate } from '../EditorGate';
import {
  landlordOf,
  previousAddressOf,
  validateCaseExtras,
  type Landlord,
  type PreviousAddress,
} from './case-extra-fields';

export function CaseEditScreen({ id }: { id: string | null }) {
  const { t, language } = useT();
  const { repositories, now } = useServices();
  const editor = useAutosavedRecord({
    repository: repositories.cases,
    id,
    makeEmpty: emptyCase,
    onCreated: (record) => {
      navigate(href.caseEdit(record.id), { replace: true });
      void askForPersistenceOnce(repositories.settings);
    },
  });
  const c = editor.value;
  const today = todayIso(now());
  const errors = useMemo(
    () => ({
      ...validateCase({ ...c, id: '', createdAt: '', updatedAt: '', deleted: false }),
      ...validateCaseExtras(c, today),
    }),
    [c, today],
  );
  const err = (path: string) => (errors[path] ? errorMessage(t, errors[path]) : undefined);
  const address = (patch: Partial<typeof c.address>) =>
    editor.update({ address: { ...c.address, ...patch } });
  // Cases saved before these groups existed have them undefined: start from empty.
  const previous = previousAddressOf(c);
  const landlord = landlordOf(c);
  const setPrevious = (patch: Partial<PreviousAddress>) =>
    editor.update({ previousAddress: { ...previous, ...patch } });
  const setLandlord = (patch: Partial<Landlord>) =>
    editor.update({ landlord: { ...landlord, ...patch } });

  return (
    <EditorGate editor={editor} backHref={editor.id ? href.case(editor.id) : href.cases()}>
      <ScreenHeader
        title={id ? t('caseForm.titleEdit') : t('caseForm.titleNew')}
        backHref={editor.id ? href.case(editor.id) : href.cases()}
      />
      <form class="form" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('caseForm.label')}
          hint={t('caseForm.labelHint')}
          value={c.label}
          onInput={(label) => editor.update({ label })}
          name="label"
        />
        <TextField
          label={t('caseForm.street')}
          value={c.address.street}
          onInput={(street) => address({ street })}
          name="street"
          autoComplete="off"
        />
        <div class="field-row">
          <TextField
            label={t('caseForm.postalCode')}
            value={c.address.postalCode}
            inputMode="numeric"
            error={err('address.postalCode')}
            onInput={(postalCode) => address({ postalCode })}
            name="postalCode"
          />
          <TextField
            label={t('caseForm.city')}
            value={c.address.city}
            onInput={(city) => address({ city })}
            name="city"
          />
        </div>
        <SelectField
          label={t('caseForm.bundesland')}
          value={c.bundesland}
          emptyLabel={t('common.notSet')}
          options={codeOptions(BUNDESLAENDER, (code) =>
            t(`options.bundesland.${code as Bundesland}`),
          )}
          onChange={(v) => editor.update({ bundesland: v as Bundesland | '' })}
          name="bundesland"
        />
        <TextField
          label={t('caseForm.moveInDate')}
          hint={t('caseForm.moveInDateHint')}
          type="date"
          value={c.moveInDate ?? ''}
          error={err('moveInDate')}
          onInput={(moveInDate) => editor.update({ moveInDate })}
          name="moveInDate"
        />
        <fieldset class="form-section">
          <legend>{t('caseForm.previousAddress')}</legend>
          <TextField
            label={t('caseForm.previousStreet')}
            value={previous.street}
            onInput={(street) => setPrevious({ street })}
            name="previousStreet"
          />
          <div class="field-row">
            <TextField
              label={t('caseForm.previousPostalCode')}
              value={previous.postalCode}
              error={err('previousAddress.postalCode')}
              onInput={(postalCode) => setPrevious({ postalCode })}
              name="previousPostalCode"
            />
            <TextField
              label={t('caseForm.previousCity')}
              value={previous.city}
              onInput={(city) => setPrevious({ city })}
              name="previousCity"
            />
          </div>
          <SelectField
            label={t('caseForm.previousCountry')}
            value={previous.country}
            emptyLabel={t('caseForm.germany')}
            options={countryOptions(language).filter((o) => o.value !== 'DE')}
            onChange={(country) => setPrevious({ country })}
            name="previousCountry"
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('caseForm.landlord')}</legend>
          <TextField
            label={t('caseForm.landlordName')}
            hint={t('caseForm.landlordHint')}
            value={landlord.name}
            onInput={(name) => setLandlord({ name })}
            name="landlordName"
          />
          <TextField
            label={t('caseForm.landlordStreet')}
            value={landlord.street}
            onInput={(street) => setLandlord({ street })}
            name="landlordStreet"
          />
          <div class="field-row">
            <TextField
              label={t('caseForm.landlordPostalCode')}
              value={landlord.postalCode}
              inputMode="numeric"
              error={err('landlord.postalCode')}
              onInput={(postalCode) => setLandlord({ postalCode })}
              name="landlordPostalCode"
            />
            <TextField
              label={t('caseForm.landlordCity')}
              value={landlord.city}
              onInput={(city) => setLandlord({ city })}
              name="landlordCity"
            />
          </div>
        </fieldset>
        <TextField
          label={t('caseForm.phone')}
          type="tel"
          inputMode="tel"
          dir="ltr"
          value={c.phone}
          onInput={(phone) => editor.update({ phone })}
          name="phone"
        />
        <LanguagesField
          label={t('caseForm.languages')}
          value={c.languages}
          onChange={(languages) => editor.update({ languages })}
        />
        <CheckboxField
          label={t('caseForm.interpreterNeeded')}
          checked={c.interpreterNeeded}
          onChange={(interpreterNeeded) => editor.update({ interpreterNeeded })}
          name="interpreterNeeded"
        />
        {c.interpreterNeeded && (
          <SelectField
            label={t('caseForm.interpreterLanguage')}
            value={c.interpreterLanguage}
            emptyLabel={t('common.notSet')}
            options={languageOptions(language)}
            onChange={(interpreterLanguage) => editor.update({ interpreterLanguage })}
            name="interpreterLanguage"
          />
        )}
        <TextField
          label={t('caseForm.volunteer')}
          value={c.responsibleVolunteer}
          onInput={(responsibleVolunteer) => editor.update({ responsibleVolunteer })}
          name="responsibleVolunteer"
        />
        <SelectField
          label={t('caseForm.status')}
          value={c.status}
          options={codeOptions(CASE_STATUSES, (code) =>
            t(`options.caseStatus.${code as CaseStatus}`),
          )}
          onChange={(v) => editor.update({ status: v as CaseStatus })}
          name="status"
        />
        <TextArea
          label={t('caseForm.notes')}
          value={c.notes}
          onInput={(notes) => editor.update({ notes })}
          name="notes"
        />
      </form>
      <SaveStatus state={editor.saveState} />
      {editor.id && (
        <a class="button button--primary done-button" href={href.case(editor.id)}>
          {t('common.done')}
        </a>
      )}
    </EditorGate>
  );
}
