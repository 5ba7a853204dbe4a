// Screens that are not the start screen live in their own chunks (dynamic import), so the
// first screen parses only what it needs. All chunks are precached by the service worker,
// so a lazy screen also opens offline, and quickly. No preact/compat: a small component
// does the job.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../hooks/use-t';
import { errorMessage } from '../error-message';

type Loaded<P> = { component: ComponentType<P> } | { error: true };

const LOADING_NOTICE_AFTER_MS = 200;

/** A component that renders `load()`'s component once its chunk has arrived. */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
): FunctionComponent<P> {
  let loaded: Loaded<P> | null = null;
  let loading: Promise<Loaded<P>> | null = null;
  const start = (): Promise<Loaded<P>> => {
    loading ??= load().then(
      (component) => (loaded = { component }),
      (error: unknown) => {
        console.error('screen chunk failed to load', error);
        loading = null; // a later visit tries again
        return { error: true as const };
      },
    );
    return loading;
  };

  function Lazy(props: P) {
    const { t } = useT();
    const [state, setState] = useState<Loaded<P> | null>(loaded);
    // From the service worker's cache a chunk arrives within a few frames: say "loading"
    // only when it takes longer, instead of flashing it on every first visit of a screen.
    const [isSlow, setSlow] = useState(false);
    useEffect(() => {
      if (state && 'component' in state) return;
      let isCurrent = true;
      void start().then((result) => isCurrent && setState(result));
      const timer = setTimeout(() => setSlow(true), LOADING_NOTICE_AFTER_MS);
      return () => {
        isCurrent = false;
        clearTimeout(timer);
      };
    }, []);
    if (!state) return isSlow ? <p class="empty">{t('common.loading')}</p> : null;
    if ('error' in state) {
      return (
        <p class="notice notice--error" role="alert">
          {errorMessage(t, 'screen-load-failed')}
        </p>
      );
    }
    const Component = state.component;
    return <Component {...props} />;
  }

  return Lazy;
}
