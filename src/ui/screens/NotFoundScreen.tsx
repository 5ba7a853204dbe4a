import { ScreenHeader } from '../components/ScreenHeader';
import { useT } from '../hooks/use-t';
import { href } from '../routes';

export function NotFoundScreen() {
  const { t } = useT();
  return (
    <>
      <ScreenHeader title={t('common.notFound')} backHref={href.cases()} />
      <p class="empty">
        <a href={href.cases()}>{t('nav.cases')}</a>
      </p>
    </>
  );
}
