// Editing a stored pack with autosave, on the same schedule as every editor
// (hooks/use-autosave-schedule.ts). A change is written only when the whole pack passes
// parseFormPack (pack-problems.ts): until then the screen lists what is wrong and the last
// valid version stays stored, and the save status says "not saved" (`pack-invalid`), never
// "saved". What sync writes meanwhile is taken while nothing waits to be written
// (hooks/use-stored-refresh.ts); the pack's sync conflicts come from the stored record and a
// choice is written with the shortened conflict list (db/conflict-records.ts).
import { useCallback } from 'preact/hooks';
import { saveResolvedRecord } from '../../../db/conflict-records';
import type { PackOrigin, PackStore, StoredPack } from '../../../db/pack-repository';
import type { StorageErrorCode } from '../../../db/storage-error';
import type { FormPack } from '../../../domain/form-packs';
import {
  useAutosaveSchedule,
  type SaveErrorCode,
  type SaveState,
} from '../../hooks/use-autosave-schedule';
import { useEditedValue, type LoadState } from '../../hooks/use-edited-value';
import { useServices } from '../../hooks/use-services';
import { useStoredRefresh } from '../../hooks/use-stored-refresh';
import type { SyncRecord } from '../../../sync/local-store';
import { conflictsOf, type RecordConflict } from '../../../sync/merge';
import type { ChooseResult } from '../../components/ConflictChoices';
import { resolveConflict, type ConflictChoice } from '../../components/conflict-resolution';
import { checkedPack } from './pack-problems';

export type AutosavedPack = {
  loadState: LoadState;
  loadError: StorageErrorCode | null;
  pack: FormPack | null;
  /** Set on a copy made for another edition (pack-from-form.ts originOf). */
  origin: PackOrigin | null;
  saveState: SaveState;
  change(pack: FormPack): void;
  /** The pack as stored now (live), and its open sync conflicts. */
  stored: SyncRecord | null;
  conflicts: RecordConflict[];
  /** Writes the volunteer's choice (after any pending change). */
  resolve(conflict: RecordConflict, choice: ConflictChoice): Promise<ChooseResult>;
};

/** Writes the pack if it passes parseFormPack; else nothing is written and it says so. */
export async function saveCheckedPack(
  store: Pick<PackStore, 'save'>,
  id: string,
  pack: FormPack,
): Promise<SaveErrorCode | null> {
  const checked = checkedPack(pack);
  if (!checked) return 'pack-invalid';
  const result = await store.save(id, checked);
  return result.ok ? null : result.code;
}

export function useAutosavedPack(store: PackStore, id: string): AutosavedPack {
  const { db, now } = useServices();
  // The write runs after render, when `edited` (declared below) exists.
  const schedule = useAutosaveSchedule(async () => {
    const pack = edited.valueRef.current?.pack;
    if (!pack) return null;
    const startedAt = now().toISOString();
    const failure = await saveCheckedPack(store, id, pack);
    if (failure === null) refresh.savedRef.current = startedAt;
    return failure;
  });

  const load = useCallback((packId: string) => store.get(packId), [store]);
  const edited = useEditedValue<StoredPack | null>({
    initial: () => null,
    id,
    load,
    changed: schedule.changed,
  });
  const { update, reset, valueRef } = edited;
  const change = useCallback((pack: FormPack) => update({ pack }), [update]);

  const refresh = useStoredRefresh<StoredPack>({
    id,
    read: load,
    current: () => edited.valueRef.current,
    isIdle: schedule.isIdle,
    take: reset,
  });
  const stored = refresh.stored as unknown as SyncRecord | null;

  const { flush } = schedule;
  const resolve = useCallback(
    async (conflict: RecordConflict, choice: ConflictChoice): Promise<ChooseResult> => {
      await flush();
      const fresh = await store.get(id);
      if (!fresh.ok) return fresh;
      const next = resolveConflict(fresh.value as unknown as SyncRecord, conflict, choice);
      if (next.deleted === true) return store.remove(id);
      const saved = await saveResolvedRecord(db, 'pack', next, now().toISOString());
      if (!saved.ok) return saved;
      refresh.savedRef.current = saved.value.updatedAt;
      // A change made since the flush stays (and is written next); the choice applies to it.
      const current = valueRef.current;
      if (current) {
        reset(resolveConflict(current as unknown as SyncRecord, conflict, choice) as never);
      }
      return saved;
    },
    [flush, store, id, db, now, reset, valueRef, refresh.savedRef],
  );

  return {
    loadState: edited.loadState,
    loadError: edited.loadError,
    pack: edited.value?.pack ?? null,
    origin: edited.value?.origin ?? null,
    saveState: schedule.saveState,
    change,
    stored,
    conflicts: stored ? conflictsOf(stored) : [],
    resolve,
  };
}
