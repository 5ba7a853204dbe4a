// Editing a draft with autosave, on the same schedule as every editor
// (hooks/use-autosave-schedule.ts: at most about a second of typing lost, flushed when the
// page is hidden and before updates). Drafts exist before they are edited (created on
// "fill a form"), so there is no create path here.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DraftData, DraftRepository } from '../../../db/draft-repository';
import type { StorageErrorCode } from '../../../db/storage-error';
import { useAutosaveSchedule, type SaveState } from '../../hooks/use-autosave-schedule';

export type AutosavedDraft = {
  loadState: 'loading' | 'ready' | 'missing' | 'error';
  loadError: StorageErrorCode | null;
  value: DraftData | null;
  saveState: SaveState;
  update(patch: Partial<DraftData>): void;
  flush(): Promise<void>;
};

export function useAutosavedDraft(repository: DraftRepository, id: string): AutosavedDraft {
  const [value, setValue] = useState<DraftData | null>(null);
  const [loadState, setLoadState] = useState<AutosavedDraft['loadState']>('loading');
  const [loadError, setLoadError] = useState<StorageErrorCode | null>(null);
  const valueRef = useRef<DraftData | null>(null);

  const schedule = useAutosaveSchedule(async () => {
    const data = valueRef.current;
    if (!data) return null;
    const result = await repository.save(id, data);
    return result.ok ? null : result.code;
  });

  useEffect(() => {
    let isCurrent = true;
    void repository.get(id).then((result) => {
      if (!isCurrent) return;
      if (result.ok) {
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
  }, [id, repository]);

  const { changed } = schedule;
  const update = useCallback(
    (patch: Partial<DraftData>) => {
      if (!valueRef.current) return;
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
    saveState: schedule.saveState,
    update,
    flush: schedule.flush,
  };
}
