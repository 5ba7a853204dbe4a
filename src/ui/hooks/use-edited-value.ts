// The value an autosaving editor works on: loaded once per id from storage, then changed by
// patches. It lives in state (to render) and in a ref (what the next autosave writes).
// Shared by use-autosaved-record.ts and screens/forms/use-autosaved-draft.ts.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StorageErrorCode } from '../../db/storage-error';
import type { Result } from '../../shared/result';

export type LoadState = 'loading' | 'ready' | 'missing' | 'error';

export type EditedValue<V> = {
  value: V;
  valueRef: RefObject<V>;
  loadState: LoadState;
  loadError: StorageErrorCode | null;
  /** Applies a patch and tells the autosave schedule; ignored while there is no value. */
  update(patch: Partial<NonNullable<V>>): void;
  /** Replaces the value with what storage holds now, without scheduling a write (a change
   * that sync or a resolved conflict made; use-stored-refresh.ts). */
  reset(value: NonNullable<V>): void;
};

/** `load` must be stable per source (a repository's method). Nothing is loaded while `id` is
 * null or `skip(id)` says so; `onLoaded` runs when a load succeeds, before the value is set. */
export function useEditedValue<V extends object | null>(options: {
  initial: () => V;
  id: string | null;
  load: (id: string) => Promise<Result<NonNullable<V>, StorageErrorCode>>;
  changed: () => void;
  skip?: (id: string) => boolean;
  onLoaded?: (id: string) => void;
}): EditedValue<V> {
  const { id, load, changed } = options;
  const [value, setValue] = useState<V>(options.initial);
  const [loadState, setLoadState] = useState<LoadState>(id ? 'loading' : 'ready');
  const [loadError, setLoadError] = useState<StorageErrorCode | null>(null);
  const valueRef = useRef<V>(value);
  const skipRef = useRef(options.skip);
  skipRef.current = options.skip;
  const onLoadedRef = useRef(options.onLoaded);
  onLoadedRef.current = options.onLoaded;

  useEffect(() => {
    if (!id || skipRef.current?.(id)) return;
    let isCurrent = true;
    void load(id).then((result) => {
      if (!isCurrent) return;
      if (result.ok) {
        onLoadedRef.current?.(id);
        valueRef.current = result.value;
        setValue(result.value);
        setLoadState('ready');
      } else {
        setLoadState(result.code === 'not-found' ? 'missing' : 'error');
        setLoadError(result.code);
      }
    });
    return () => {
      isCurrent = false;
    };
    // Loads once per record; later changes come from the editor itself.
  }, [id, load]);

  const update = useCallback(
    (patch: Partial<NonNullable<V>>) => {
      const current = valueRef.current;
      if (current === null) return;
      const next = { ...current, ...patch } as V;
      valueRef.current = next;
      setValue(next);
      changed();
    },
    [changed],
  );

  const reset = useCallback((next: NonNullable<V>) => {
    if (valueRef.current === null) return;
    valueRef.current = next;
    setValue(next);
  }, []);

  return { value, valueRef, loadState, loadError, update, reset };
}
