// The sync state in the app shell, for devices in a team: one line. Nothing is shown on
// a device that is not in a team.
import type { SyncStatus } from '../../sync/status';
import { useSyncView } from '../hooks/use-sync';
import { useT } from '../hooks/use-t';
import { syncStatusText } from './sync-status-text';

export function SyncIndicator() {
  const { t, language } = useT();
  const view = useSyncView();
  if (view.membership !== 'member' || !view.status) return null;
  // A page that could not be stored (full disk) is never "synced".
  const status: SyncStatus =
    view.storageFailure && view.status.state !== 'needs-attention'
      ? { state: 'needs-attention', reasons: [], pending: 0 }
      : view.status;
  const { text, tone } = syncStatusText(t, status, language);
  // A top-level header (banner landmark), so all page content sits in a landmark; plain
  // text, not a link, so the skip link stays the first thing to tab to (the team screen is
  // reached through the settings).
  return (
    <header class={`sync-indicator sync-indicator--${tone}`} aria-label={t('sync.indicator.label')}>
      <p role="status" data-testid="sync-indicator" data-state={status.state}>
        {text}
      </p>
    </header>
  );
}
