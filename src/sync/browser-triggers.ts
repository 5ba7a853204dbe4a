// Browser events that should start a sync: the network coming back, and the app becoming
// visible again. Returns a function that detaches the listeners.
import type { SyncTrigger } from './scheduler';

export type BrowserTargets = {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    visibilityState: string;
  };
};

export function attachBrowserTriggers(
  trigger: (reason: SyncTrigger) => void,
  targets: BrowserTargets = { window, document },
): () => void {
  const onOnline = () => trigger('online');
  const onVisibility = () => {
    if (targets.document.visibilityState === 'visible') trigger('visible');
  };
  targets.window.addEventListener('online', onOnline);
  targets.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    targets.window.removeEventListener('online', onOnline);
    targets.document.removeEventListener('visibilitychange', onVisibility);
  };
}
