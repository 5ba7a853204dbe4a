// The editing part of overlay mode: page navigation, the rendered page (click to place), the
// link for new boxes, "add box" at the page centre (the keyboard way), and the boxes of the
// page. Works on a stored pack (autosaved) or, before the first box, on a new one that the
// first change adds to the pack store.
import { useMemo, useState } from 'preact/hooks';
import type { LibraryForm } from '../../../db/form-records';
import type { PackStore } from '../../../db/pack-repository';
import type { FormPack, OverlayBox } from '../../../domain/form-packs';
import { SelectField } from '../../components/Field';
import { SaveStatus } from '../../components/SaveStatus';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import type { SaveState } from '../../hooks/use-autosave-schedule';
import { useT } from '../../hooks/use-t';
import type { PreviewDocument } from '../../pdf-preview';
import { newPackFor } from '../packs/pack-from-form';
import { useAutosavedPack } from '../packs/use-autosaved-pack';
import { LINK_IDS, linkOf, type LinkId } from './link-options';
import { OverlayBoxEditor } from './OverlayBoxEditor';
import { addBox, changeBox, linkBox, removeBox } from './overlay-model';
import { OverlayPage } from './OverlayPage';
import { pageCentre } from './page-geometry';

/** Screen state that outlives the switch from a new to a stored pack. */
export type EditorPlace = {
  preview: PreviewDocument | null;
  previewFailed: string | null;
  pages: number;
  page: number;
  setPage: (page: number) => void;
  newLink: LinkId;
  setNewLink: (link: LinkId) => void;
};

export function StoredOverlayEditor(props: {
  storedId: string;
  store: PackStore;
  place: EditorPlace;
}) {
  const { t } = useT();
  const edited = useAutosavedPack(props.store, props.storedId);
  if (edited.loadState === 'missing' || edited.loadState === 'error') {
    return (
      <p class="notice notice--error" role="alert">
        {errorMessage(t, edited.loadError ?? 'not-found')}
      </p>
    );
  }
  if (!edited.pack) return <p class="empty">{t('common.loading')}</p>;
  return (
    <OverlayEditor
      pack={edited.pack}
      onChange={edited.change}
      saveState={edited.saveState}
      place={props.place}
    />
  );
}

export function NewOverlayEditor(props: {
  form: LibraryForm;
  store: PackStore;
  place: EditorPlace;
}) {
  const { t } = useT();
  const { form, store } = props;
  const pack = useMemo(
    (): FormPack => ({ ...newPackFor(form.fileName, form.inspection), overlays: [] }),
    [form],
  );
  const [isAdding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (next: FormPack) => {
    // One pack per edition: changes wait until the first one is stored (the screen then
    // switches to the stored pack).
    if (isAdding) return;
    setAdding(true);
    void store.add(next).then((added) => {
      setAdding(false);
      setError(added.ok ? null : errorMessage(t, added.code));
    });
  };
  return (
    <>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <OverlayEditor
        pack={pack}
        onChange={change}
        saveState={{ status: isAdding ? 'pending' : 'idle' }}
        place={props.place}
      />
    </>
  );
}

type EditorProps = {
  pack: FormPack;
  onChange: (pack: FormPack) => void;
  saveState: SaveState;
  place: EditorPlace;
};

function OverlayEditor({ pack, onChange, saveState, place }: EditorProps) {
  const { t } = useT();
  const { preview, page, pages } = place;
  const all = pack.overlays ?? [];
  const onPage = all.filter((box) => box.page === page - 1);
  const numberOf = (box: OverlayBox) => all.indexOf(box) + 1;
  const labelOf = (box: OverlayBox) => {
    const link = linkOf(pack.mappings.find((m) => m.key === box.key));
    return link ? t(`overlay.link.${link}`) : t('overlay.otherValue', { number: numberOf(box) });
  };
  const placeAt = (point: { x: number; y: number }) =>
    onChange(addBox(pack, page - 1, point, place.newLink).pack);
  const addAtCentre = async () => {
    const box = preview ? await preview.pageBox(page) : { x: 0, y: 0, width: 595, height: 842 };
    placeAt(pageCentre(box));
  };

  return (
    <>
      <SaveStatus state={saveState} />
      <nav class="overlay-pages" aria-label={t('overlay.page', { page, pages })}>
        <button
          type="button"
          class="button"
          disabled={page <= 1}
          onClick={() => place.setPage(page - 1)}
        >
          {t('overlay.previousPage')}
        </button>
        <span aria-live="polite">{t('overlay.page', { page, pages })}</span>
        <button
          type="button"
          class="button"
          disabled={page >= pages}
          onClick={() => place.setPage(page + 1)}
        >
          {t('overlay.nextPage')}
        </button>
      </nav>
      <div class="overlay-tools">
        <SelectField
          label={t('overlay.newLink')}
          value={place.newLink}
          options={LINK_IDS.map((id) => ({ value: id, label: t(`overlay.link.${id}`) }))}
          onChange={(value) => place.setNewLink(value as LinkId)}
        />
        <button type="button" class="button" onClick={() => void addAtCentre()}>
          {t('overlay.addBox')}
        </button>
      </div>
      {place.previewFailed && <p class="notice notice--error">{place.previewFailed}</p>}
      {preview && (
        <OverlayPage doc={preview} page={page} boxes={onPage} labelOf={labelOf} onPlace={placeAt} />
      )}
      <Section title={t('overlay.boxes')}>
        {onPage.length === 0 && <p class="empty">{t('overlay.noBoxes')}</p>}
        <ul class="overlay-box-list">
          {onPage.map((box) => (
            <OverlayBoxEditor
              key={box.key}
              box={box}
              number={numberOf(box)}
              mapping={pack.mappings.find((m) => m.key === box.key)}
              onChange={(change) => onChange(changeBox(pack, box.key, change))}
              onLink={(link) => onChange(linkBox(pack, box.key, link))}
              onRemove={() => onChange(removeBox(pack, box.key))}
            />
          ))}
        </ul>
      </Section>
    </>
  );
}
