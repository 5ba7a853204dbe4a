// App-wide notices: offline, offline-ready, a new version, a full disk.
import { useState } from 'preact/hooks';
import { useOnline } from '../hooks/use-online';
import { usePwa } from '../hooks/use-pwa';
import { useT } from '../hooks/use-t';

type NoticesProps = { onUpdate: () => Promise<void>; onDismissOfflineReady: () => void };

export function Notices({ onUpdate, onDismissOfflineReady }: NoticesProps) {
  const { t } = useT();
  const isOnline = useOnline();
  const pwa = usePwa();
  const [isUpdateDeferred, setUpdateDeferred] = useState(false);
  const [isUpdating, setUpdating] = useState(false);
  return (
    <>
      {!isOnline && (
        <p class="notice notice--offline" role="status">
          {t('pwa.offline')}
        </p>
      )}
      {pwa.isOfflineReady && (
        <div class="notice notice--info" role="status">
          <p>{t('pwa.offlineReady')}</p>
          <button type="button" class="button" onClick={onDismissOfflineReady}>
            {t('common.ok')}
          </button>
        </div>
      )}
      {pwa.isUpdateReady && !isUpdateDeferred && (
        <div class="notice notice--update" role="alert" data-testid="update-prompt">
          <p>{t('pwa.updateReady')}</p>
          <div class="notice__actions">
            <button
              type="button"
              class="button button--primary"
              disabled={isUpdating}
              onClick={() => {
                setUpdating(true);
                void onUpdate().finally(() => setUpdating(false));
              }}
            >
              {t('pwa.updateNow')}
            </button>
            <button type="button" class="button" onClick={() => setUpdateDeferred(true)}>
              {t('pwa.later')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
