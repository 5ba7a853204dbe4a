// "Create PDF" and the PDFs kept with the case: fill with the engine (optionally flattened),
// show a failure by field, keep the result, download, share and preview it.
import { useMemo, useState } from 'preact/hooks';
import { loadDraftOutputs } from '../../../db/draft-repository';
import type { FormOutput, LibraryForm } from '../../../db/form-records';
import { localDateTimeNow, todayIso } from '../../../domain/dates';
import type { PdfField, PdfFieldValues, PdfOverlayBox } from '../../../pdf/types';
import { formatDateTime } from '../../../i18n/format';
import { CheckboxField } from '../../components/Field';
import { FileActions } from '../../components/FileActions';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { fillForm } from '../../pdf-engine';
import { outputFileName, valuesForFill } from './draft-model';
import { formErrorMessage, pdfErrorMessage } from './form-messages';
import { PdfPreview } from './PdfPreview';
import { useFormServices } from './use-form-services';

type DraftOutputsProps = {
  caseId: string;
  draftId: string;
  form: LibraryForm;
  fields: PdfField[];
  /** A flat form's overlay boxes (their values are among `values`). */
  overlays: readonly PdfOverlayBox[];
  values: PdfFieldValues;
  hasTooLong: boolean;
  /** Writes pending draft changes first, so the PDF has what is on screen. */
  flush: () => Promise<void>;
};

type Creating = { status: 'idle' | 'working' | 'created' } | { status: 'failed'; message: string };

export function DraftOutputs(props: DraftOutputsProps) {
  const { t } = useT();
  const { db, now } = useServices();
  const { library, drafts } = useFormServices();
  const [flatten, setFlatten] = useState(false);
  const [creating, setCreating] = useState<Creating>({ status: 'idle' });
  const outputs = useWatch(() => loadDraftOutputs(db, props.draftId), [db, props.draftId]);

  const create = async () => {
    setCreating({ status: 'working' });
    await props.flush();
    const bytes = await library.bytes(props.form.id);
    if (!bytes.ok) {
      // A form synced from the team whose PDF has not been downloaded yet.
      const message =
        bytes.code === 'not-found' ? t('forms.onDevice.formMissing') : errorMessage(t, bytes.code);
      setCreating({ status: 'failed', message });
      return;
    }
    const filled = await fillForm(bytes.value, valuesForFill(props.fields, props.values), {
      password: props.form.password,
      flatten,
      overlays: props.overlays,
    });
    if (!filled.ok) {
      const message =
        'error' in filled
          ? pdfErrorMessage(t, filled.error, {
              ...props.form.inspection,
              fields: [...props.form.inspection.fields, ...props.fields],
            })
          : formErrorMessage(t, filled.code);
      setCreating({ status: 'failed', message });
      return;
    }
    const kept = await drafts.addOutput({
      caseId: props.caseId,
      draftId: props.draftId,
      formId: props.form.id,
      fileName: outputFileName(props.form.fileName, todayIso(now())),
      flattened: flatten,
      bytes: filled.value,
    });
    setCreating(
      kept.ok ? { status: 'created' } : { status: 'failed', message: errorMessage(t, kept.code) },
    );
  };

  return (
    <Section title={t('forms.output.title')}>
      <CheckboxField label={t('forms.output.flatten')} checked={flatten} onChange={setFlatten} />
      {props.hasTooLong && <p class="notice notice--warning">{t('forms.output.tooLong')}</p>}
      <button
        type="button"
        class="button button--primary"
        disabled={props.hasTooLong || creating.status === 'working'}
        onClick={() => void create()}
      >
        {t('forms.output.create')}
      </button>
      <div role="status" aria-live="polite">
        {creating.status === 'working' && <p>{t('forms.output.creating')}</p>}
        {creating.status === 'created' && <p>{t('forms.output.created')}</p>}
      </div>
      {creating.status === 'failed' && (
        <p class="notice notice--error" role="alert">
          {creating.message}
        </p>
      )}
      {outputs.status === 'ready' && outputs.value.length > 0 && (
        <>
          <h3>{t('forms.output.list')}</h3>
          <ul class="item-list output-list">
            {outputs.value.map((output) => (
              <OutputItem key={output.id} output={output} />
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function OutputItem({ output }: { output: FormOutput }) {
  const { t, language } = useT();
  const [showPreview, setShowPreview] = useState(false);
  const file = useMemo(
    () =>
      new File([output.bytes as Uint8Array<ArrayBuffer>], output.fileName, {
        type: 'application/pdf',
      }),
    [output],
  );
  // Synced from the team, its bytes not downloaded yet (sync stores them when they come).
  const isHere = output.bytes.byteLength > 0;

  return (
    <li class="output-list__item">
      <p class="item-link__title" dir="auto">
        {output.fileName}
      </p>
      <p class="item-link__meta">
        {formatDateTime(localDateTimeNow(new Date(output.createdAt)), language)}
      </p>
      {!isHere && <p class="notice notice--info">{t('forms.onDevice.outputMissing')}</p>}
      <div class="output-list__actions">
        {isHere && (
          <FileActions
            file={file}
            downloadLabel={t('forms.output.download')}
            shareLabel={t('forms.output.share')}
          />
        )}
        {isHere && (
          <button
            type="button"
            class="button"
            aria-expanded={showPreview}
            onClick={() => setShowPreview(!showPreview)}
          >
            {showPreview ? t('forms.output.hidePreview') : t('forms.output.preview')}
          </button>
        )}
      </div>
      {showPreview && isHere && <PdfPreview bytes={output.bytes} />}
    </li>
  );
}
