// Editing a draft with autosave, on the same schedule as every editor
// (hooks/use-autosave-schedule.ts: at most about a second of typing lost, flushed when the
// page is hidden and before updates). Drafts exist before they are edited (created on
// "fill a form"), so there is no create path here. What sync writes meanwhile is taken while
// nothing waits to be written (hooks/use-stored-refresh.ts). The draft's sync conflicts come
// from the stored record; autosave never writes the conflict list, only `resolve` does.
import { useCallback } from 'preact/hooks';
import type { DraftData, DraftRepository } from '../../../db/draft-repository';
import type { FormDraft } from '../../../db/form-records';
import type { StorageErrorCode } from '../../../db/storage-error';
import type { SyncRecord } from '../../../sync/local-store';
import { CONFLICTS_FIELD, conflictsOf, type RecordConflict } from '../../../sync/merge';
import type { ChooseResult } from '../../components/ConflictChoices';
import { resolveConflict, type ConflictChoice } from '../../components/conflict-resolution';
import { useAutosaveSchedule, type SaveState } from '../../hooks/use-autosave-schedule';
import { useEditedValue, type LoadState } from '../../hooks/use-edited-value';
import { useStoredRefresh } from '../../hooks/use-stored-refresh';

export type AutosavedDraft = {
  loadState: LoadState;
  loadError: StorageErrorCode | null;
  value: DraftData | null;
  saveState: SaveState;
  update(patch: Partial<DraftData>): void;
  flush(): Promise<void>;
  /** The draft as stored now (live), and its open sync conflicts. */
  stored: SyncRecord | null;
  conflicts: RecordConflict[];
  /** Writes the volunteer's choice (after any pending typing) through the repository. */
  resolve(conflict: RecordConflict, choice: ConflictChoice): Promise<ChooseResult>;
};

/** The draft's data without its bookkeeping and conflict list (what autosave writes). */
function dataOf(record: SyncRecord): DraftData {
  const { id: _i, createdAt: _c, updatedAt: _u, deleted: _d, ...data } = record;
  void [_i, _c, _u, _d];
  delete data[CONFLICTS_FIELD];
  return data as unknown as DraftData;
}

export function useAutosavedDraft(repository: DraftRepository, id: string): AutosavedDraft {
  // The write runs after render, when `edited` (declared below) exists.
  const schedule = useAutosaveSchedule(async () => {
    const data = edited.valueRef.current;
    if (!data) return null;
    const result = await repository.save(id, dataOf(data as unknown as SyncRecord));
    if (!result.ok) return result.code;
    refresh.savedRef.current = result.value.updatedAt;
    return null;
  });

  const edited = useEditedValue<DraftData | null>({
    initial: () => null,
    id,
    load: repository.get,
    changed: schedule.changed,
  });

  const refresh = useStoredRefresh<FormDraft>({
    id,
    read: repository.get,
    current: () => edited.valueRef.current,
    isIdle: schedule.isIdle,
    take: edited.reset,
  });
  const stored = refresh.stored;

  const { flush } = schedule;
  const { reset, valueRef } = edited;
  const resolve = useCallback(
    async (conflict: RecordConflict, choice: ConflictChoice): Promise<ChooseResult> => {
      await flush();
      const fresh = await repository.get(id);
      if (!fresh.ok) return fresh;
      const next = resolveConflict(fresh.value as unknown as SyncRecord, conflict, choice);
      if (next.deleted === true) return repository.remove(id);
      const saved = await repository.save(id, {
        ...dataOf(next),
        [CONFLICTS_FIELD]: next[CONFLICTS_FIELD],
      } as DraftData);
      if (!saved.ok) return saved;
      refresh.savedRef.current = saved.value.updatedAt;
      // Typing since the flush stays (and is written next); the choice applies to it too.
      const current = valueRef.current;
      if (current)
        reset(resolveConflict(current as unknown as SyncRecord, conflict, choice) as never);
      return saved;
    },
    [flush, repository, id, reset, valueRef, refresh.savedRef],
  );

  return {
    loadState: edited.loadState,
    loadError: edited.loadError,
    value: edited.value,
    saveState: schedule.saveState,
    update: edited.update,
    flush,
    stored: stored as unknown as SyncRecord | null,
    conflicts: stored ? conflictsOf(stored as unknown as SyncRecord) : [],
    resolve,
  };
}
