// The one place that turns a reason code into a sentence for the user.
import type { TFunction } from 'i18next';

export function errorMessage(t: TFunction, code: string): string {
  const key = `errors.${code}`;
  const message = t(key as 'errors.storage-failed', { defaultValue: '' });
  return message || t('errors.unknown');
}
