import { ScreenHeader } from '../../components/ScreenHeader';
import { useT } from '../../hooks/use-t';
import { formErrorMessage } from './form-messages';

/** What a form screen shows when its library form is gone (deleted here or on another device). */
export function FormMissing({ backHref }: { backHref: string }) {
  const { t } = useT();
  return (
    <>
      <ScreenHeader title={t('forms.caseSection.unknownForm')} backHref={backHref} />
      <p class="notice notice--error" role="alert">
        {formErrorMessage(t, 'form-missing')}
      </p>
    </>
  );
}
