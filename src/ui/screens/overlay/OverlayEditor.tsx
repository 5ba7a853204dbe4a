// The editing part of overlay mode: page navigation, the rendered page (click to place), the
// link for new boxes, "add box" at the page centre (the keyboard way), and the boxes of the
// page. Works on a stored pack (autosaved) or, before the first box, on a new one that the
// first change adds to the pack store.
import { useState } from 'preact/hooks';
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
import { packProblems } from '../packs/pack-problems';
import { PackProblems } from '../packs/PackProblems';
import { useAutosavedPack } from '../packs/use-autosaved-pack';
import { firstPackWriter } from './first-pack-writer';
import { LINK_IDS, linkOf, type LinkId } from './link-options';
import { OverlayBoxEditor } from './OverlayBoxEditor';
import { addBox, changeBox, linkBox, removeBox } from './overlay-model';
import { OverlayPage } from './OverlayPage';
import { isUpright, pageCentre } from './page-geometry';

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

/**
 * The editor over the stored pack of this edition (`storedId`, autosaved) or, before the first
 * box, over a new pack that the first change adds (first-pack-writer.ts). One component for
 * both, so the switch after the first box keeps the inputs (and focus, and a value being
 * typed); the stored pack is loaded only once the new pack's writes are done, so it is never
 * an older version.
 */
export function PackOverlayEditor(props: {
  storedId: string | null;
  form: LibraryForm;
  store: PackStore;
  place: EditorPlace;
}) {
  const { t } = useT();
  const { form, store } = props;
  const [initial] = useState((): FormPack => ({
    ...newPackFor(form.fileName, form.inspection),
    overlays: [],
  }));
  const [draft, setDraft] = useState(initial);
  const [isAdding, setAdding] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [writer] = useState(() =>
    firstPackWriter(store, initial, {
      onFailure(code, isAdded) {
        setError(errorMessage(t, code));
        if (!isAdded) setAdding(false);
      },
      onBusy: setBusy,
    }),
  );
  const edited = useAutosavedPack(store, props.storedId !== null && !isBusy ? props.storedId : '');

  if (!edited.pack && props.storedId !== null && !isAdding) {
    if (edited.loadState === 'missing' || edited.loadState === 'error') {
      return (
        <p class="notice notice--error" role="alert">
          {errorMessage(t, edited.loadError ?? 'not-found')}
        </p>
      );
    }
    return <p class="empty">{t('common.loading')}</p>;
  }
  const change = (next: FormPack) => {
    setDraft(next);
    setAdding(true);
    setError(null);
    void writer.change(next);
  };
  // The same tree in both cases, so nothing is re-created when the stored pack takes over.
  return (
    <>
      {!edited.pack && error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <OverlayEditor
        pack={edited.pack ?? draft}
        onChange={edited.pack ? edited.change : change}
        saveState={edited.pack ? edited.saveState : { status: isAdding ? 'pending' : 'idle' }}
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
  const problems = packProblems(pack);
  const boxLabel = (key: string) => {
    const box = all.find((b) => b.key === key);
    return box ? labelOf(box) : key;
  };
  const addAtCentre = async () => {
    const box = preview
      ? await preview.pageBox(page)
      : { x: 0, y: 0, width: 595, height: 842, rotation: 0 };
    // A rotated page gets no boxes (OverlayPage says why).
    if (isUpright(box.rotation)) placeAt(pageCentre(box));
  };

  return (
    <>
      {problems.length > 0 ? (
        <PackProblems problems={problems} labelOf={boxLabel} />
      ) : (
        <SaveStatus state={saveState} />
      )}
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
