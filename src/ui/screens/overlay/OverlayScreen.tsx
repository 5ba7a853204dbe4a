// Overlay mode for a flat form of the library: the user clicks or taps the rendered page to
// place a text box, links it to a case value, adjusts it, and the boxes are autosaved into the
// stored pack for this edition (db/pack-repository.ts; created with the first box). Drafts of
// this form then fill the boxes like fields (forms/use-overlay-fields.ts).
import './overlay.css';
import { useEffect, useState } from 'preact/hooks';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useT } from '../../hooks/use-t';
import { openPreview, type PreviewDocument } from '../../pdf-preview';
import { href } from '../../routes';
import { useFormServices } from '../forms/use-form-services';
import { usePackStore } from '../packs/use-pack-store';
import type { LinkId } from './link-options';
import { PackOverlayEditor, type EditorPlace } from './OverlayEditor';
import { FormMissing } from '../forms/FormMissing';
import { useFormAndPacks } from '../packs/use-form-and-packs';
import { needsOverlay } from '../forms/draft-model';
import { packForEdition } from './overlay-model';

export function OverlayScreen({ formId }: { formId: string }) {
  const { t } = useT();
  const store = usePackStore();
  const data = useFormAndPacks(formId);
  const loaded = data.status === 'ready' ? data.value[0] : null;
  const preview = usePreview(loaded ? formId : null, loaded?.password ?? '');
  // Kept here, so the editor switching from "new" to "stored" keeps the page and link.
  const [page, setPage] = useState(1);
  const [newLink, setNewLink] = useState<LinkId>('family-name');
  const back = href.forms();

  if (data.status === 'loading') return <p class="empty">{t('common.loading')}</p>;
  const form = loaded;
  if (!form) {
    return <FormMissing backHref={back} />;
  }
  const header = (
    <>
      <ScreenHeader title={t('overlay.title')} backHref={back} />
      <p class="screen-intro" dir="auto">
        {form.fileName}
      </p>
    </>
  );
  if (!needsOverlay(form.inspection)) {
    return (
      <>
        {header}
        <p>{t('overlay.notFlat')}</p>
      </>
    );
  }
  const stored = data.status === 'ready' ? data.value[1] : [];
  const own = packForEdition(form.inspection, stored);
  const place: EditorPlace = {
    preview: preview.doc,
    previewFailed: preview.failed,
    pages: form.inspection.pages,
    page,
    setPage,
    newLink,
    setNewLink,
  };
  return (
    <>
      {header}
      <p>{t('overlay.intro')}</p>
      <PackOverlayEditor
        key={form.id}
        storedId={own?.id ?? null}
        form={form}
        store={store}
        place={place}
      />
    </>
  );
}

/** pdf.js for this form's bytes (with the password it was imported with), opened once. */
function usePreview(
  formId: string | null,
  password: string,
): { doc: PreviewDocument | null; failed: string | null } {
  const { t } = useT();
  const { library } = useFormServices();
  const [doc, setDoc] = useState<PreviewDocument | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (formId === null) return;
    let opened: PreviewDocument | null = null;
    let isCurrent = true;
    void library.bytes(formId).then(async (bytes) => {
      if (!bytes.ok) {
        // The form is listed, its PDF not here yet: it comes with the next sync.
        const message =
          bytes.code === 'not-found'
            ? t('forms.onDevice.formMissing')
            : errorMessage(t, bytes.code);
        if (isCurrent) setFailed(message);
        return;
      }
      try {
        opened = await openPreview(bytes.value, { password });
        if (isCurrent) setDoc(opened);
        else opened.destroy();
      } catch (error) {
        console.error('preview failed', error);
        if (isCurrent) setFailed(t('overlay.pageFailed'));
      }
    });
    return () => {
      isCurrent = false;
      opened?.destroy();
    };
    // Not on `t`: a language switch does not need the document opened again.
  }, [library, formId, password]);
  return { doc, failed };
}
