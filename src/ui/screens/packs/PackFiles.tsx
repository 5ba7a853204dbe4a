// The team's own form packs, on the form library: import a pack file a colleague sent, and
// every stored pack with its export. Importing the same pack (family id and edition) again
// updates the stored one instead of adding a second.
import { useState } from 'preact/hooks';
import { loadStoredPacks } from '../../../db/pack-repository';
import { formatDate } from '../../../i18n/format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Section } from '../../components/Section';
import { errorMessage } from '../../error-message';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { packTitle } from '../forms/pack-adapter';
import { importPlan, MAX_PACK_FILE_BYTES, readPackText } from './pack-file';
import { PackExport } from './PackExport';
import { usePackStore } from './use-pack-store';
import './packs.css';

type Result = { ok: true; text: string } | { ok: false; text: string } | null;

export function PackFiles() {
  const { t, language } = useT();
  const { db } = useServices();
  const store = usePackStore();
  const packs = useWatch(() => loadStoredPacks(db), [db]);
  const [result, setResult] = useState<Result>(null);

  const importFile = async (file: File) => {
    if (file.size > MAX_PACK_FILE_BYTES) {
      setResult({ ok: false, text: t('packs.errors.pack-file-too-large', { name: file.name }) });
      return;
    }
    const read = readPackText(await file.text());
    if (!read.ok) {
      setResult({ ok: false, text: t(`packs.errors.${read.code}`, { name: file.name }) });
      return;
    }
    const plan = importPlan(await loadStoredPacks(db), read.pack);
    const saved =
      plan.action === 'add' ? await store.add(read.pack) : await store.save(plan.id, read.pack);
    if (!saved.ok) {
      setResult({ ok: false, text: errorMessage(t, saved.code) });
      return;
    }
    const name = packTitle(read.pack, language);
    const key = plan.action === 'add' ? 'packs.files.added' : 'packs.files.updated';
    setResult({ ok: true, text: t(key, { name }) });
  };

  return (
    <Section title={t('packs.files.title')}>
      <p class="screen-intro">{t('packs.files.intro')}</p>
      <div class="field">
        <label for="pack-import-file">{t('packs.files.import')}</label>
        <input
          id="pack-import-file"
          class="pack-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {result && (
        <p
          class={`notice ${result.ok ? 'notice--info' : 'notice--error'} pack-import__result`}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      )}
      {packs.status === 'ready' && packs.value.length === 0 && (
        <p class="empty">{t('packs.files.empty')}</p>
      )}
      {packs.status === 'ready' && packs.value.length > 0 && (
        <ul class="item-list pack-list">
          {packs.value.map((stored) => (
            <li key={stored.id} class="pack-list__item">
              <p class="item-link__title" dir="auto">
                {packTitle(stored.pack, language)}
              </p>
              <p class="item-link__meta">
                {[
                  stored.pack.edition.label,
                  t('packs.files.changedOn', { date: formatDate(stored.updatedAt, language) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <PackExport pack={stored.pack} />
              <ConfirmButton
                label={t('packs.files.remove')}
                question={t('packs.files.removeConfirm')}
                onConfirm={() => void store.remove(stored.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
