// A household member: identity as in the passport and in their own script, residence
// document, numbers authorities ask for. Autosaved; validation explains, never blocks.
import { useMemo } from 'preact/hooks';
import { todayIso } from '../../../domain/dates';
import { emptyPerson } from '../../../domain/defaults';
import { formatIban } from '../../../domain/iban';
import { parsePartialDate, partialDateToInput } from '../../../domain/partial-date';
import {
  MARITAL_STATUSES,
  RELATIONSHIPS,
  RESIDENCE_DOCUMENTS,
  SEXES,
  type MaritalStatus,
  type Relationship,
  type ResidenceDocument,
  type Sex,
} from '../../../domain/types';
import { validatePerson } from '../../../domain/validation';
import { EditorActions } from '../../components/EditorActions';
import { SelectField, TextField } from '../../components/Field';
import { LanguagesField } from '../../components/LanguagesField';
import { codeOptions, countryOptions, nationalityOptions } from '../../components/options';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useAutosavedRecord } from '../../hooks/use-autosaved-record';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href, navigate } from '../../routes';
import { EditorGate } from '../EditorGate';

/** Shows a stored date of birth the way it is typed: "17.05.1990", "05.1990", "1990". */
function dateOfBirthText(stored: string): string {
  return parsePartialDate(stored) === stored && stored ? partialDateToInput(stored) : stored;
}

export function PersonEditScreen({ caseId, id }: { caseId: string; id: string | null }) {
  const { t, language } = useT();
  const { repositories, now } = useServices();
  const editor = useAutosavedRecord({
    repository: repositories.persons,
    id,
    makeEmpty: () => emptyPerson(caseId),
    onCreated: (record) => navigate(href.person(caseId, record.id), { replace: true }),
  });
  const p = editor.value;
  const today = todayIso(now());
  const errors = useMemo(
    () => validatePerson({ ...p, id: '', createdAt: '', updatedAt: '', deleted: false }, today),
    [p, today],
  );
  const err = (path: string) => (errors[path] ? errorMessage(t, errors[path]) : undefined);
  const set = editor.update;
  const residence = (patch: Partial<typeof p.residence>) =>
    set({ residence: { ...p.residence, ...patch } });
  const back = href.case(caseId);

  return (
    <EditorGate editor={editor} backHref={back}>
      <ScreenHeader title={id ? t('person.titleEdit') : t('person.titleNew')} backHref={back} />
      <form class="form" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="form-section">
          <legend>{t('person.sections.names')}</legend>
          <TextField
            label={t('person.familyName')}
            hint={t('person.latinHint')}
            value={p.familyName}
            onInput={(familyName) => set({ familyName })}
            name="familyName"
          />
          <TextField
            label={t('person.givenNames')}
            value={p.givenNames}
            onInput={(givenNames) => set({ givenNames })}
            name="givenNames"
          />
          <TextField
            label={t('person.familyNameNative')}
            hint={t('person.nativeHint')}
            value={p.familyNameNative}
            onInput={(familyNameNative) => set({ familyNameNative })}
            name="familyNameNative"
          />
          <TextField
            label={t('person.givenNamesNative')}
            value={p.givenNamesNative}
            onInput={(givenNamesNative) => set({ givenNamesNative })}
            name="givenNamesNative"
          />
          <TextField
            label={t('person.birthName')}
            value={p.birthName}
            onInput={(birthName) => set({ birthName })}
            name="birthName"
          />
          <SelectField
            label={t('person.relationship')}
            value={p.relationship}
            emptyLabel={t('common.notSet')}
            options={codeOptions(RELATIONSHIPS, (code) =>
              t(`options.relationship.${code as Relationship}`),
            )}
            onChange={(v) => set({ relationship: v as Relationship | '' })}
            name="relationship"
          />
          <SelectField
            label={t('person.sex')}
            value={p.sex}
            emptyLabel={t('common.notSet')}
            options={codeOptions(SEXES, (code) => t(`options.sex.${code as Sex}`))}
            onChange={(v) => set({ sex: v as Sex | '' })}
            name="sex"
          />
          <SelectField
            label={t('person.maritalStatus')}
            value={p.maritalStatus ?? ''}
            emptyLabel={t('common.notSet')}
            options={codeOptions(MARITAL_STATUSES, (code) =>
              t(`options.maritalStatus.${code as MaritalStatus}`),
            )}
            onChange={(v) => set({ maritalStatus: v as MaritalStatus | '' })}
            name="maritalStatus"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('person.sections.birth')}</legend>
          <TextField
            label={t('person.dateOfBirth')}
            hint={t('person.dateOfBirthHint')}
            value={dateOfBirthText(p.dateOfBirth)}
            inputMode="numeric"
            dir="ltr"
            error={err('dateOfBirth')}
            onInput={(text) => set({ dateOfBirth: parsePartialDate(text) ?? text.trim() })}
            name="dateOfBirth"
          />
          <TextField
            label={t('person.placeOfBirth')}
            value={p.placeOfBirth}
            onInput={(placeOfBirth) => set({ placeOfBirth })}
            name="placeOfBirth"
          />
          <SelectField
            label={t('person.countryOfBirth')}
            value={p.countryOfBirth}
            emptyLabel={t('common.notSet')}
            options={countryOptions(language)}
            onChange={(countryOfBirth) => set({ countryOfBirth })}
            name="countryOfBirth"
          />
          <SelectField
            label={t('person.nationality')}
            value={p.nationality}
            emptyLabel={t('common.notSet')}
            options={nationalityOptions(t, language)}
            error={err('nationality')}
            onChange={(nationality) => set({ nationality })}
            name="nationality"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('person.sections.residence')}</legend>
          <SelectField
            label={t('person.residenceDocument')}
            value={p.residence.document}
            emptyLabel={t('common.notSet')}
            options={codeOptions(RESIDENCE_DOCUMENTS, (code) =>
              t(`options.residence.${code as ResidenceDocument}`),
            )}
            onChange={(v) => residence({ document: v as ResidenceDocument | '' })}
            name="residenceDocument"
          />
          <TextField
            label={t('person.residenceParagraph')}
            hint={t('person.residenceParagraphHint')}
            value={p.residence.paragraph}
            onInput={(paragraph) => residence({ paragraph })}
            name="residenceParagraph"
          />
          <TextField
            label={t('person.documentNumber')}
            dir="ltr"
            value={p.residence.documentNumber}
            onInput={(documentNumber) => residence({ documentNumber })}
            name="documentNumber"
          />
          <TextField
            label={t('person.expiresOn')}
            type="date"
            value={p.residence.expiresOn}
            error={err('residence.expiresOn')}
            onInput={(expiresOn) => residence({ expiresOn })}
            name="expiresOn"
          />
          <TextField
            label={t('person.bamfFileNumber')}
            dir="ltr"
            value={p.bamfFileNumber}
            onInput={(bamfFileNumber) => set({ bamfFileNumber })}
            name="bamfFileNumber"
          />
          <TextField
            label={t('person.azrNumber')}
            dir="ltr"
            value={p.azrNumber}
            onInput={(azrNumber) => set({ azrNumber })}
            name="azrNumber"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('person.sections.numbers')}</legend>
          <TextField
            label={t('person.taxId')}
            inputMode="numeric"
            dir="ltr"
            value={p.taxId}
            error={err('taxId')}
            onInput={(taxId) => set({ taxId })}
            name="taxId"
          />
          <TextField
            label={t('person.pensionNumber')}
            dir="ltr"
            value={p.pensionInsuranceNumber}
            error={err('pensionInsuranceNumber')}
            onInput={(pensionInsuranceNumber) => set({ pensionInsuranceNumber })}
            name="pensionInsuranceNumber"
          />
          <TextField
            label={t('person.healthInsurance')}
            value={p.healthInsurance}
            onInput={(healthInsurance) => set({ healthInsurance })}
            name="healthInsurance"
          />
          <TextField
            label={t('person.healthInsuranceNumber')}
            dir="ltr"
            value={p.healthInsuranceNumber}
            onInput={(healthInsuranceNumber) => set({ healthInsuranceNumber })}
            name="healthInsuranceNumber"
          />
          <TextField
            label={t('person.iban')}
            dir="ltr"
            value={p.iban}
            error={err('iban')}
            hint={p.iban && !errors.iban ? formatIban(p.iban) : undefined}
            onInput={(iban) => set({ iban })}
            name="iban"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('person.sections.contact')}</legend>
          <TextField
            label={t('person.phone')}
            type="tel"
            inputMode="tel"
            dir="ltr"
            value={p.phone}
            onInput={(phone) => set({ phone })}
            name="phone"
          />
          <TextField
            label={t('person.email')}
            type="email"
            inputMode="email"
            dir="ltr"
            value={p.email}
            error={err('email')}
            onInput={(email) => set({ email })}
            name="email"
          />
          <LanguagesField
            label={t('person.languages')}
            value={p.languages}
            onChange={(languages) => set({ languages })}
          />
        </fieldset>
      </form>
      <SaveStatus state={editor.saveState} />
      <EditorActions
        backHref={back}
        deleteLabel={t('person.delete')}
        deleteQuestion={t('person.deleteConfirm')}
        recordId={editor.id}
        onDelete={(id) => repositories.persons.remove(id)}
      />
    </EditorGate>
  );
}
