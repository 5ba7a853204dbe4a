// A device setting the user types (the volunteer's name), saved on the same schedule as a
// record in an editor (use-autosave-schedule.ts) instead of one write per keystroke.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Settings, SettingsRepository } from '../../db/settings-repository';
import { storageErrorCode } from '../../db/storage-error';
import { useAutosaveSchedule, type SaveState } from './use-autosave-schedule';

export type AutosavedSetting<V> = { value: V; saveState: SaveState; update(value: V): void };

export function useAutosavedSetting<K extends keyof Settings>(
  settings: SettingsRepository,
  key: K,
  initial: Settings[K],
): AutosavedSetting<Settings[K]> {
  const [value, setValue] = useState(initial);
  const valueRef = useRef(initial);
  const schedule = useAutosaveSchedule(async () => {
    try {
      await settings.set(key, valueRef.current);
      return null;
    } catch (error) {
      return storageErrorCode(error);
    }
  });
  const { changed } = schedule;
  const update = useCallback(
    (next: Settings[K]) => {
      valueRef.current = next;
      setValue(next);
      changed();
    },
    [changed],
  );
  return { value, saveState: schedule.saveState, update };
}
