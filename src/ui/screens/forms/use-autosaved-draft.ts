// Editing a draft with autosave, on the same schedule as every editor
// (hooks/use-autosave-schedule.ts: at most about a second of typing lost, flushed when the
// page is hidden and before updates). Drafts exist before they are edited (created on
// "fill a form"), so there is no create path here.
import type { DraftData, DraftRepository } from '../../../db/draft-repository';
import type { StorageErrorCode } from '../../../db/storage-error';
import { useAutosaveSchedule, type SaveState } from '../../hooks/use-autosave-schedule';
import { useEditedValue, type LoadState } from '../../hooks/use-edited-value';

export type AutosavedDraft = {
  loadState: LoadState;
  loadError: StorageErrorCode | null;
  value: DraftData | null;
  saveState: SaveState;
  update(patch: Partial<DraftData>): void;
  flush(): Promise<void>;
};

export function useAutosavedDraft(repository: DraftRepository, id: string): AutosavedDraft {
  // The write runs after render, when `edited` (declared below) exists.
  const schedule = useAutosaveSchedule(async () => {
    const data = edited.valueRef.current;
    if (!data) return null;
    const result = await repository.save(id, data);
    return result.ok ? null : result.code;
  });

  const edited = useEditedValue<DraftData | null>({
    initial: () => null,
    id,
    load: repository.get,
    changed: schedule.changed,
  });

  return {
    loadState: edited.loadState,
    loadError: edited.loadError,
    value: edited.value,
    saveState: schedule.saveState,
    update: edited.update,
    flush: schedule.flush,
  };
}
