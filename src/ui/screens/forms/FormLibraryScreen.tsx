// The form library: every imported PDF, what it is, and which form pack fits it.
import './forms.css';
import { loadFormLibrary } from '../../../db/form-repository';
import { loadFormFileIds } from '../../../db/sync-blob-store';
import { formatDate } from '../../../i18n/format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { describeInspection } from './form-messages';
import { FormConflicts } from './FormConflicts';
import { FormImport } from './FormImport';
import { matchPackOf, packMatchText } from './pack-adapter';
import { useFormServices } from './use-form-services';
import { useStoredPacks } from './use-stored-packs';
import { needsOverlay } from './draft-model';
import { href } from '../../routes';
import { PackFiles } from '../packs/PackFiles';

export function FormLibraryScreen() {
  const { t, language } = useT();
  const { db } = useServices();
  const { library } = useFormServices();
  const forms = useWatch(() => loadFormLibrary(db), [db]);
  // Forms synced from the team whose PDF has not been downloaded yet.
  const onDevice = useWatch(() => loadFormFileIds(db), [db]);
  const storedPacks = useStoredPacks();

  return (
    <>
      <ScreenHeader title={t('forms.library.title')} />
      <p class="screen-intro">{t('forms.library.intro')}</p>
      <FormImport />
      <Section title={t('forms.library.list')}>
        {forms.status !== 'ready' ? (
          <p class="empty">{t('common.loading')}</p>
        ) : forms.value.length === 0 ? (
          <p class="empty">{t('forms.library.empty')}</p>
        ) : (
          <ul class="item-list form-list">
            {forms.value.map((form) => (
              <li key={form.id} class="form-list__item">
                <p class="item-link__title" dir="auto">
                  {form.fileName}
                </p>
                <p class="item-link__meta">
                  {t('forms.library.importedOn', {
                    date: formatDate(form.importedAt, language),
                  })}
                </p>
                <FormConflicts form={form} />
                {onDevice.status === 'ready' && !onDevice.value.has(form.id) && (
                  <p class="notice notice--info">{t('forms.onDevice.formMissing')}</p>
                )}
                {describeInspection(t, form.inspection).map((line) => (
                  <p key={line}>{line}</p>
                ))}
                <p>{packMatchText(t, matchPackOf(form.inspection, storedPacks), language)}</p>
                {!needsOverlay(form.inspection) && (
                  <a class="button" href={href.pack(form.id)}>
                    {t('packs.open')}
                  </a>
                )}
                {needsOverlay(form.inspection) && (
                  <a class="button" href={href.overlay(form.id)}>
                    {t('overlay.open')}
                  </a>
                )}
                <ConfirmButton
                  label={t('forms.library.remove')}
                  question={t('forms.library.removeConfirm')}
                  onConfirm={() => void library.remove(form.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <PackFiles />
    </>
  );
}
