// Editing a stored pack with autosave, on the same schedule as every editor
// (hooks/use-autosave-schedule.ts). A change is written only when the whole pack passes
// parseFormPack (pack-problems.ts): until then the screen lists what is wrong and the last
// valid version stays stored, and the save status says "not saved" (`pack-invalid`), never
// "saved".
import { useCallback } from 'preact/hooks';
import type { PackOrigin, PackStore, StoredPack } from '../../../db/pack-repository';
import type { StorageErrorCode } from '../../../db/storage-error';
import type { FormPack } from '../../../domain/form-packs';
import {
  useAutosaveSchedule,
  type SaveErrorCode,
  type SaveState,
} from '../../hooks/use-autosave-schedule';
import { useEditedValue, type LoadState } from '../../hooks/use-edited-value';
import { checkedPack } from './pack-problems';

export type AutosavedPack = {
  loadState: LoadState;
  loadError: StorageErrorCode | null;
  pack: FormPack | null;
  /** Set on a copy made for another edition (pack-from-form.ts originOf). */
  origin: PackOrigin | null;
  saveState: SaveState;
  change(pack: FormPack): void;
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
  // The write runs after render, when `edited` (declared below) exists.
  const schedule = useAutosaveSchedule(async () => {
    const pack = edited.valueRef.current?.pack;
    return pack ? saveCheckedPack(store, id, pack) : null;
  });

  const load = useCallback((packId: string) => store.get(packId), [store]);
  const edited = useEditedValue<StoredPack | null>({
    initial: () => null,
    id,
    load,
    changed: schedule.changed,
  });
  const { update } = edited;
  const change = useCallback((pack: FormPack) => update({ pack }), [update]);

  return {
    loadState: edited.loadState,
    loadError: edited.loadError,
    pack: edited.value?.pack ?? null,
    origin: edited.value?.origin ?? null,
    saveState: schedule.saveState,
    change,
  };
}
