// What a sync conflict on a stored pack is about, for its label on the pack screen. A pack's
// mappings (and a flat form's text boxes) are lists keyed by the form field's key, without ids,
// so sync keeps them whole: a conflict there offers the whole list of either device, and the
// screen names the fields whose mapping differs between both.
import { deepEqual, type RecordConflict } from '../../../sync/merge';
import type { SyncRecord } from '../../../sync/local-store';
import { conflictSegments } from '../../components/conflict-resolution';

export type PackSetting = 'titleDe' | 'titleEn' | 'authority' | 'editionLabel';

export type PackConflictTarget =
  { list: 'mappings' | 'overlays'; keys: string[] } | { setting: PackSetting } | { other: string };

const SETTINGS: Record<string, PackSetting> = {
  'pack/title/de': 'titleDe',
  'pack/title/en': 'titleEn',
  'pack/authority': 'authority',
  'pack/edition/label': 'editionLabel',
};

type Keyed = { key: string } & Record<string, unknown>;

/** The items of a list keyed by `key` (mappings, overlay boxes); others are skipped. */
export function keyedItems(value: unknown): Keyed[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Keyed =>
      typeof item === 'object' && item !== null && typeof (item as Keyed).key === 'string',
  );
}

/** Keys whose item differs between two keyed lists (added, removed or changed), in order. */
export function changedKeys(a: unknown, b: unknown): string[] {
  const left = new Map(keyedItems(a).map((item) => [item.key, item]));
  const right = new Map(keyedItems(b).map((item) => [item.key, item]));
  const keys = [...left.keys(), ...[...right.keys()].filter((key) => !left.has(key))];
  return keys.filter((key) => !deepEqual(left.get(key), right.get(key)));
}

export function packConflictTarget(
  record: SyncRecord,
  conflict: RecordConflict,
): PackConflictTarget {
  const segments = conflictSegments(record, conflict.path);
  const setting = SETTINGS[segments.join('/')];
  if (setting) return { setting };
  if (segments[0] === 'pack' && (segments[1] === 'mappings' || segments[1] === 'overlays')) {
    if (segments.length === 2) {
      return { list: segments[1], keys: changedKeys(conflict.shown, conflict.kept) };
    }
  }
  return { other: conflict.path };
}
