import { useT } from '../../hooks/use-t';

export function ExpiryText({ daysLeft }: { daysLeft: number }) {
  const { t } = useT();
  if (daysLeft < 0) return <strong>{t('caseDetail.expired', { count: -daysLeft })}</strong>;
  if (daysLeft === 0) return <strong>{t('caseDetail.expiresToday')}</strong>;
  return <span>{t('caseDetail.expiresIn', { count: daysLeft })}</span>;
}
