// The pack screen of one form of the library. When the team has a pack for exactly this
// edition, it is edited here (the newest, if several); otherwise the user makes one: a new,
// empty pack, or a copy of the pack that matches the form (shipped, or for another edition; a
// copy for another edition keeps a note of what came over and what to map again).
import './packs.css';
import { useState } from 'preact/hooks';
import { loadFormLibrary } from '../../../db/form-repository';
import type { PackOrigin } from '../../../db/pack-repository';
import type { FormPack } from '../../../domain/form-packs';
import { ScreenHeader } from '../../components/ScreenHeader';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { href } from '../../routes';
import { matchPackOf, packTitle } from '../forms/pack-adapter';
import { copyPackFor, labelsOf, newPackFor, originOf } from './pack-from-form';
import { PackEditor } from './PackEditor';
import { usePackStore } from './use-pack-store';
import { FormMissing } from '../forms/FormMissing';
import { useFormAndPacks } from './use-form-and-packs';

export function PackScreen({ formId }: { formId: string }) {
  const { t, language } = useT();
  const { db } = useServices();
  const store = usePackStore();
  const data = useFormAndPacks(formId);
  const [error, setError] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const back = href.forms();

  if (data.status === 'loading') return <p class="empty">{t('common.loading')}</p>;
  const form = data.status === 'ready' ? data.value[0] : null;
  if (!form) {
    return <FormMissing backHref={back} />;
  }
  const stored = data.status === 'ready' ? data.value[1] : [];
  const own = stored.find((s) => s.pack.edition.fingerprint === form.inspection.fingerprint);
  if (own) return <PackEditor key={own.id} form={form} storedId={own.id} store={store} />;

  const match = matchPackOf(
    form.inspection,
    stored.map((s) => s.pack),
  );
  const create = async (pack: FormPack, origin?: PackOrigin) => {
    setCreating(true);
    const added = await store.add(pack, origin);
    // On success the live query above finds the new pack and shows the editor; the buttons
    // stay disabled until then, so a second click cannot add (and overwrite) it again.
    if (added.ok) return;
    setCreating(false);
    setError(errorMessage(t, added.code));
  };

  const copy = async (pack: FormPack) => {
    setCreating(true);
    // The old edition's labels, when a file of that edition is in the library too.
    const old = (await loadFormLibrary(db).catch(() => [])).find(
      (f) => f.inspection.fingerprint === pack.edition.fingerprint,
    );
    const origin = originOf(pack, form.inspection, old ? labelsOf(old.inspection) : undefined);
    await create(copyPackFor(pack, form.inspection), origin ?? undefined);
  };

  return (
    <>
      <ScreenHeader title={t('packs.title')} backHref={back} />
      <p class="screen-intro" dir="auto">
        {form.fileName}
      </p>
      <p>{t('packs.none')}</p>
      <div class="pack-start">
        <button
          type="button"
          class="button button--primary"
          disabled={isCreating}
          onClick={() => void create(newPackFor(form.fileName, form.inspection))}
        >
          {t('packs.create')}
        </button>
        {match && (
          <button
            type="button"
            class="button"
            disabled={isCreating}
            onClick={() => void copy(match.pack)}
          >
            {t('packs.copy', { name: packTitle(match.pack, language) })}
          </button>
        )}
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
