// Editing a record with autosave (timing in use-autosave-schedule.ts: at most about a second
// of typing is lost when the tab is killed). A new record is created by its first save.
import { useRef, useState } from 'preact/hooks';
import type { RecordData, RecordRepository } from '../../db/record-repository';
import type { StorageErrorCode } from '../../db/storage-error';
import type { RecordKind, RecordOf } from '../../domain/types';
import { useAutosaveSchedule, type SaveState } from './use-autosave-schedule';
import { useEditedValue, type LoadState } from './use-edited-value';

export { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, type SaveState } from './use-autosave-schedule';

export type AutosavedRecord<K extends RecordKind> = {
  loadState: LoadState;
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
  const { repository } = options;
  const [id, setId] = useState(options.id);

  const idRef = useRef(options.id);
  const createdIdRef = useRef<string | null>(null);
  const onCreatedRef = useRef(options.onCreated);
  onCreatedRef.current = options.onCreated;

  // The write runs after render, when `edited` (declared below) exists.
  const schedule = useAutosaveSchedule(async () => {
    const data = edited.valueRef.current;
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

  const edited = useEditedValue<RecordData<K>>({
    initial: options.makeEmpty,
    id: options.id,
    load: repository.get,
    changed,
    // The URL gains the id of a record this editor just created: nothing to load.
    skip: (loadingId) => loadingId === createdIdRef.current,
    onLoaded: (loadedId) => {
      idRef.current = loadedId;
      setId(loadedId);
      markClean();
    },
  });

  return {
    loadState: edited.loadState,
    loadError: edited.loadError,
    value: edited.value,
    id,
    saveState: schedule.saveState,
    update: edited.update,
    flush: schedule.flush,
  };
}
