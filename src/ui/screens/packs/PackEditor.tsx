// Editing one stored pack against the form it was made for: title, authority and edition label,
// then every fillable field in page order with its mapping. Every change is autosaved once the
// pack is valid; what keeps it from being valid is listed in the UI language.
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import type { LibraryForm } from '../../../db/form-records';
import type { PackStore } from '../../../db/pack-repository';
import type { Mapping } from '../../../domain/form-packs';
import { AUTHORITIES } from '../../../domain/types';
import { SelectField, TextField } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useT } from '../../hooks/use-t';
import { openPreview, type PreviewDocument } from '../../pdf-preview';
import { href } from '../../routes';
import { fillableFields } from '../forms/draft-model';
import { useFormServices } from '../forms/use-form-services';
import { mappingOf, setMapping } from './mapping-model';
import { packProblems } from './pack-problems';
import { CarriedOver } from './CarriedOver';
import { PackConflicts } from './PackConflicts';
import { PackExport } from './PackExport';
import { PackFieldRow } from './PackFieldRow';
import { PackProblems } from './PackProblems';
import { useAutosavedPack } from './use-autosaved-pack';

type Props = { form: LibraryForm; storedId: string; store: PackStore };

export function PackEditor({ form, storedId, store }: Props) {
  const { t } = useT();
  const edited = useAutosavedPack(store, storedId);
  const openPage = usePreviewDocument(form.id, form.password);
  // The form is re-read whenever the pack is saved (live query): key on its edition, so the
  // rows (memoised) re-render only when their own mapping changes.
  const fields = useMemo(
    () => fillableFields(form.inspection),
    [form.id, form.inspection.fingerprint],
  );
  const packRef = useRef(edited.pack);
  packRef.current = edited.pack;
  const { change } = edited;
  const setField = useCallback(
    (key: string, mapping: Mapping | null) => {
      if (packRef.current) change(setMapping(packRef.current, key, mapping));
    },
    [change],
  );
  const back = href.forms();
  const kept = edited.origin?.kept;
  const carried = useMemo(() => new Set(kept ?? []), [kept]);

  if (edited.loadState === 'missing' || edited.loadState === 'error') {
    return (
      <>
        <ScreenHeader title={t('packs.title')} backHref={back} />
        <p class="notice notice--error" role="alert">
          {errorMessage(t, edited.loadError ?? 'not-found')}
        </p>
      </>
    );
  }
  const pack = edited.pack;
  if (!pack) return <p class="empty">{t('common.loading')}</p>;
  const problems = packProblems(pack);
  const labelOf = (key: string) => {
    const field = form.inspection.fields.find((f) => f.key === key);
    return field?.label ?? field?.name ?? key;
  };

  return (
    <>
      <ScreenHeader title={t('packs.title')} backHref={back} />
      <p class="screen-intro" dir="auto">
        {form.fileName}
      </p>
      <p class="screen-intro">{t('packs.intro')}</p>
      <PackConflicts edited={edited} labelOf={labelOf} />
      <Section title={t('packs.about')}>
        <TextField
          label={t('packs.titleDe')}
          value={pack.title.de}
          onInput={(de) => edited.change({ ...pack, title: { ...pack.title, de } })}
        />
        <TextField
          label={t('packs.titleEn')}
          value={pack.title.en}
          onInput={(en) => edited.change({ ...pack, title: { ...pack.title, en } })}
        />
        <SelectField
          label={t('packs.authority')}
          value={pack.authority}
          options={AUTHORITIES.map((a) => ({ value: a, label: t(`options.authority.${a}`) }))}
          onChange={(a) => edited.change({ ...pack, authority: a as (typeof AUTHORITIES)[number] })}
        />
        <TextField
          label={t('packs.editionLabel')}
          hint={t('packs.editionHint')}
          value={pack.edition.label}
          onInput={(label) => edited.change({ ...pack, edition: { ...pack.edition, label } })}
        />
        {problems.length > 0 ? (
          <PackProblems problems={problems} labelOf={labelOf} />
        ) : (
          <SaveStatus state={edited.saveState} />
        )}
        <PackExport pack={pack} disabled={problems.length > 0} />
      </Section>
      {edited.origin && <CarriedOver origin={edited.origin} />}
      <Section title={t('packs.fields')}>
        <p>{t('packs.mapped', { mapped: pack.mappings.length, total: fields.length })}</p>
        <ul class="pack-fields">
          {fields.map((field) => {
            const mapping = mappingOf(pack, field.key);
            return (
              <PackFieldRow
                key={field.key}
                field={field}
                mapping={mapping}
                isCarried={mapping !== undefined && carried.has(field.key)}
                openPage={openPage}
                onChange={setField}
              />
            );
          })}
        </ul>
      </Section>
    </>
  );
}

/** The form's pdf.js document, opened on the first page a row asks for and shared by all. */
function usePreviewDocument(formId: string, password: string): () => Promise<PreviewDocument> {
  const { library } = useFormServices();
  const opened = useRef<Promise<PreviewDocument> | null>(null);
  useEffect(
    () => () => {
      void opened.current?.then((d) => d.destroy()).catch(() => undefined);
      opened.current = null;
    },
    [formId, password],
  );
  return useCallback(() => {
    const opening = (opened.current ??= library.bytes(formId).then((bytes) => {
      if (!bytes.ok) throw new Error(bytes.code);
      // The password the file was opened with: a protected file does not open without it.
      return openPreview(bytes.value, { password });
    }));
    // A failure is not kept: the next page asked for tries again (the PDF may have arrived
    // with a sync meanwhile).
    opening.catch(() => {
      if (opened.current === opening) opened.current = null;
    });
    return opening;
  }, [library, formId, password]);
}
