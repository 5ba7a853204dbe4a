// Resolving a sync conflict (sync/merge.ts) on one record: the volunteer keeps the value
// shown or takes the other device's value; the conflict leaves the record's list (which
// syncs like any field, so it is resolved on every device). Pure: the caller saves.
import { CONFLICTS_FIELD, conflictsOf, type RecordConflict } from '../../../sync/merge';
import type { SyncRecord } from '../../../sync/local-store';

export type ConflictChoice = 'shown' | 'kept';

type Json = unknown;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets `value` at a dotted path; array segments address items by their `id`. */
function setAt(target: Json, segments: readonly string[], value: Json): Json {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(target)) {
    return target.map((item) =>
      isPlainObject(item) && item.id === head ? setAt(item, rest, value) : item,
    );
  }
  const object = isPlainObject(target) ? target : {};
  return { ...object, [head]: setAt(object[head], rest, value) };
}

export function resolveConflict(
  record: SyncRecord,
  conflict: RecordConflict,
  choice: ConflictChoice,
): SyncRecord {
  const value = choice === 'shown' ? conflict.shown : conflict.kept;
  const next = setAt(record, conflict.path.split('.'), value) as SyncRecord;
  const remaining = conflictsOf(record).filter((item) => item.id !== conflict.id);
  // An empty list rather than none: saving spreads the new data over the stored record.
  next[CONFLICTS_FIELD] = remaining;
  return next;
}

/** How a conflicting value reads in the choice UI. */
export function conflictValueText(value: Json): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(conflictValueText).join(', ');
  if (isPlainObject(value)) {
    return Object.values(value)
      .filter((v) => v !== '' && v !== null && v !== undefined)
      .map(conflictValueText)
      .join(', ');
  }
  return JSON.stringify(value) ?? '–';
}
