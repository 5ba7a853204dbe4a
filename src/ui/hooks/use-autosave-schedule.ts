// When to write what the user typed: AUTOSAVE_DELAY_MS after typing pauses and never later
// than AUTOSAVE_MAX_WAIT_MS after the first unsaved change — so killing the tab loses at most
// about a second. Writes run one after another; a failed write is tried again with the next
// change or flush. The schedule registers its flush in autosave-registry.ts (page hidden,
// update applied) and flushes when the component unmounts.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StorageErrorCode } from '../../db/storage-error';
import { registerFlush } from '../autosave-registry';

export const AUTOSAVE_DELAY_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 800;

/** Why a write did not happen: storage, or a value the editor refuses to store. */
export type SaveErrorCode = StorageErrorCode | 'pack-invalid';

export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saved' }
  | { status: 'error'; code: SaveErrorCode };

export type AutosaveSchedule = {
  saveState: SaveState;
  /** Call after every change: schedules the write. */
  changed(): void;
  /** Forgets pending changes (e.g. the stored record was just loaded). */
  markClean(): void;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /** Nothing waits to be written and no write is running. */
  isIdle(): boolean;
};

/** `save` writes the current value and returns null, or the reason it could not. */
export function useAutosaveSchedule(save: () => Promise<SaveErrorCode | null>): AutosaveSchedule {
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const saveRef = useRef(save);
  saveRef.current = save;
  const dirtyRef = useRef(false);
  const writingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstDirtyAtRef = useRef(0);
  const chainRef = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    chainRef.current = chainRef.current.then(async () => {
      if (!dirtyRef.current) return;
      dirtyRef.current = false;
      writingRef.current = true;
      const failure = await saveRef.current().finally(() => {
        writingRef.current = false;
      });
      if (failure === null) {
        setSaveState(dirtyRef.current ? { status: 'pending' } : { status: 'saved' });
      } else {
        // Keep the value in memory and try again with the next change or flush.
        dirtyRef.current = true;
        setSaveState({ status: 'error', code: failure });
      }
    });
    return chainRef.current;
  }, []);

  const changed = useCallback(() => {
    const now = Date.now();
    if (!dirtyRef.current || !timerRef.current) firstDirtyAtRef.current = now;
    dirtyRef.current = true;
    setSaveState((s) => (s.status === 'error' ? s : { status: 'pending' }));
    if (timerRef.current) clearTimeout(timerRef.current);
    const waited = now - firstDirtyAtRef.current;
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited));
    timerRef.current = setTimeout(() => void flush(), delay);
  }, [flush]);

  const markClean = useCallback(() => {
    dirtyRef.current = false;
  }, []);

  useEffect(() => {
    const unregister = registerFlush(flush);
    return () => {
      unregister();
      void flush();
    };
  }, [flush]);

  const isIdle = useCallback(() => !dirtyRef.current && !writingRef.current, []);

  return { saveState, changed, markClean, flush, isIdle };
}
