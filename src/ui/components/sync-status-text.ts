// The sync state in words ("All synced at 14:02", "3 changes not yet uploaded", "Offline",
// "Needs attention"). The state itself comes from sync/status.ts, which never reports
// `synced` while the outbox holds anything.
import type { TFunction } from 'i18next';
import { formatTime } from '../../i18n/format';
import type { AttentionReason, SyncStatus } from '../../sync/status';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the device's local wall-clock "YYYY-MM-DDTHH:mm". */
function localWallClock(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type SyncTone = 'ok' | 'pending' | 'offline' | 'attention';

export function syncStatusText(
  t: TFunction,
  status: SyncStatus,
  language: string,
): { text: string; tone: SyncTone } {
  switch (status.state) {
    case 'synced':
      return {
        text: t('sync.indicator.synced', { time: formatTime(localWallClock(status.at), language) }),
        tone: 'ok',
      };
    case 'pending':
      return { text: t('sync.indicator.pending', { count: status.count }), tone: 'pending' };
    case 'offline':
      return {
        text:
          status.pending > 0
            ? t('sync.indicator.offlinePending', { count: status.pending })
            : t('sync.indicator.offline'),
        tone: 'offline',
      };
    case 'needs-attention':
      return { text: t('sync.indicator.attention'), tone: 'attention' };
    case 'never-synced':
      return { text: t('sync.indicator.neverSynced'), tone: 'pending' };
  }
}

/** Sentences explaining why sync needs attention (storage failures included). */
export function attentionTexts(
  t: TFunction,
  reasons: readonly AttentionReason[],
  storageFailure: string | null,
): string[] {
  const texts = reasons.map((reason) => t(`sync.reasons.${reason}`));
  if (storageFailure === 'quota-exceeded') texts.push(t('sync.reasons.quota-exceeded'));
  return texts;
}
