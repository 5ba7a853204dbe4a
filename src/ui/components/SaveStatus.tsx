import type { SaveState } from '../hooks/use-autosaved-record';
import { useT } from '../hooks/use-t';
import { errorMessage } from '../error-message';

export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useT();
  if (state.status === 'error') {
    return (
      <p class="save-status save-status--error" role="alert">
        {errorMessage(t, state.code)}
      </p>
    );
  }
  return (
    <p class="save-status" role="status" aria-live="polite">
      {state.status === 'pending'
        ? t('save.saving')
        : state.status === 'saved'
          ? t('save.saved')
          : ''}
    </p>
  );
}
