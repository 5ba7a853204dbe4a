// Editing a record with autosave (timing in use-autosave-schedule.ts: at most about a second
// of typing is lost when the tab is killed). A new record is created by its first save.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RecordData, RecordRepository } from '../../db/record-repository';
import type { StorageErrorCode } from '../../db/storage-error';
import type { RecordKind, RecordOf } from '../../domain/types';
import { useAutosaveSchedule, type SaveState } from './use-autosave-schedule';

export { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, type SaveState } from './use-autosave-schedule';

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
  const [id, setId] = useState(options.id);

  const idRef = useRef(options.id);
  const valueRef = useRef(value);
  const createdIdRef = useRef<string | null>(null);
  const onCreatedRef = useRef(options.onCreated);
  onCreatedRef.current = options.onCreated;

  const schedule = useAutosaveSchedule(async () => {
    const data = valueRef.current;
    const result = idRef.current
      ? await repository.save(idRef.current, data)
      : await repository.create(data);
    if (!result.ok) return result.code;
    if (!idRef.current) {
      idRef.current = result.value.id;
      createdIdRef.current = result.value.id;
      setId(result.value.id);
      onCreatedRef.current?.(result.value);
    }
    return null;
  });
  const { changed, markClean } = schedule;

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
        markClean();
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
  }, [options.id, repository, markClean]);

  const update = useCallback(
    (patch: Partial<RecordData<K>>) => {
      const next = { ...valueRef.current, ...patch };
      valueRef.current = next;
      setValue(next);
      changed();
    },
    [changed],
  );

  return {
    loadState,
    loadError,
    value,
    id,
    saveState: schedule.saveState,
    update,
    flush: schedule.flush,
  };
}
