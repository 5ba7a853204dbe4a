// The form library: every imported PDF, what it is, and which form pack fits it.
import './forms.css';
import { loadFormLibrary } from '../../../db/form-repository';
import { formatDate } from '../../../i18n/format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useServices } from '../../hooks/use-services';
import { useT } from '../../hooks/use-t';
import { useWatch } from '../../hooks/use-watch';
import { describeInspection } from './form-messages';
import { FormImport } from './FormImport';
import { matchPackOf, packMatchText } from './pack-adapter';
import { useFormServices } from './use-form-services';

export function FormLibraryScreen() {
  const { t, language } = useT();
  const { db } = useServices();
  const { library } = useFormServices();
  const forms = useWatch(() => loadFormLibrary(db), [db]);

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
                {describeInspection(t, form.inspection).map((line) => (
                  <p key={line}>{line}</p>
                ))}
                <p>{packMatchText(t, matchPackOf(form.inspection), language)}</p>
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
    </>
  );
}
