// Editing a record with autosave: every change is written at most AUTOSAVE_DELAY_MS
// after the typing pauses and never later than AUTOSAVE_MAX_WAIT_MS after the first
// unsaved keystroke — so killing the tab loses at most about a second of typing.
// A new record is created by its first save; writes are serialized.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RecordData, RecordRepository } from '../../db/record-repository';
import type { StorageErrorCode } from '../../db/storage-error';
import type { RecordKind, RecordOf } from '../../domain/types';
import { registerFlush } from '../autosave-registry';

export const AUTOSAVE_DELAY_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 800;

export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saved' }
  | { status: 'error'; code: StorageErrorCode };

export type AutosavedRecord<K extends RecordKind> = {
  loadState: 'loading' | 'ready' | 'missing' | 'error';
  loadError: StorageErrorCode | null;
  value: RecordData<K>;
  id: string | null;
  saveState: SaveState;
  update(patch: Partial<RecordData<K>>): void;
  flush(): Promise<void>;
};

export function useAutosavedRecord<K extends RecordKind>(options: {
  repository: RecordRepository<K>;
  id: string | null;
  makeEmpty: () => RecordData<K>;
  onCreated?: (record: RecordOf<K>) => void;
}): AutosavedRecord<K> {
  const { repository, makeEmpty } = options;
  const [value, setValue] = useState<RecordData<K>>(makeEmpty);
  const [loadState, setLoadState] = useState<AutosavedRecord<K>['loadState']>(
    options.id ? 'loading' : 'ready',
  );
  const [loadError, setLoadError] = useState<StorageErrorCode | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [id, setId] = useState(options.id);

  const idRef = useRef(options.id);
  const valueRef = useRef(value);
  const dirtyRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstDirtyAtRef = useRef(0);
  const chainRef = useRef<Promise<void>>(Promise.resolve());
  const createdIdRef = useRef<string | null>(null);
  const onCreatedRef = useRef(options.onCreated);
  onCreatedRef.current = options.onCreated;

  useEffect(() => {
    // The URL gains the id of a record this editor just created: nothing to load.
    if (!options.id || options.id === createdIdRef.current) return;
    let isCurrent = true;
    const loadingId = options.id;
    void repository.get(loadingId).then((result) => {
      if (!isCurrent) return;
      if (result.ok) {
        idRef.current = loadingId;
        setId(loadingId);
        dirtyRef.current = false;
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
    // Loads once per record; later changes come from this editor itself.
  }, [options.id, repository]);

  const writeNow = useCallback((): Promise<void> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    chainRef.current = chainRef.current.then(async () => {
      if (!dirtyRef.current) return;
      dirtyRef.current = false;
      const data = valueRef.current;
      const result = idRef.current
        ? await repository.save(idRef.current, data)
        : await repository.create(data);
      if (result.ok) {
        if (!idRef.current) {
          idRef.current = result.value.id;
          createdIdRef.current = result.value.id;
          setId(result.value.id);
          onCreatedRef.current?.(result.value);
        }
        setSaveState(dirtyRef.current ? { status: 'pending' } : { status: 'saved' });
      } else {
        // Keep the value in memory and try again with the next change or flush.
        dirtyRef.current = true;
        setSaveState({ status: 'error', code: result.code });
      }
    });
    return chainRef.current;
  }, [repository]);

  const update = useCallback(
    (patch: Partial<RecordData<K>>) => {
      const next = { ...valueRef.current, ...patch };
      valueRef.current = next;
      setValue(next);
      const now = Date.now();
      if (!dirtyRef.current || !timerRef.current) firstDirtyAtRef.current = now;
      dirtyRef.current = true;
      setSaveState((s) => (s.status === 'error' ? s : { status: 'pending' }));
      if (timerRef.current) clearTimeout(timerRef.current);
      const waited = now - firstDirtyAtRef.current;
      const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited));
      timerRef.current = setTimeout(() => void writeNow(), delay);
    },
    [writeNow],
  );

  useEffect(() => {
    const unregister = registerFlush(writeNow);
    return () => {
      unregister();
      void writeNow();
    };
  }, [writeNow]);

  return { loadState, loadError, value, id, saveState, update, flush: writeNow };
}
