// Resolving a sync conflict (sync/merge.ts) on one record: the volunteer keeps the value
// shown or takes the other device's value; the conflict leaves the record's list (which
// syncs like any field, so it is resolved on every device). Pure: the caller saves.
//
// A conflict's path joins keys with dots ("address.city", "bring.<id>.text"), but some keys
// hold dots themselves: a draft's values are keyed by the PDF field's name
// ("values.form1[0].Name[0]"). conflictSegments reads the path against the record, so such a
// key is found whole instead of being split into made-up nested objects.
import { CONFLICTS_FIELD, conflictsOf, type RecordConflict } from '../../sync/merge';
import type { SyncRecord } from '../../sync/local-store';

export type ConflictChoice = 'shown' | 'kept';

type Json = unknown;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys a conflict's dotted path stands for in `record`. At each level the longest run of
 * segments that is a key there wins; list items are addressed by their `id`. A key that is
 * not there (the value was removed on one side) takes the rest of the path when it is the
 * last level (a flat map of keys such as a draft's values), else one segment.
 */
export function conflictSegments(record: Json, path: string): string[] {
  const parts = path.split('.');
  const segments: string[] = [];
  let target: Json = record;
  let at = 0;
  while (at < parts.length) {
    let taken = 1;
    if (Array.isArray(target)) {
      const id = parts[at];
      segments.push(id ?? '');
      target = target.find((item) => isPlainObject(item) && item.id === id);
      at += 1;
      continue;
    }
    const object = isPlainObject(target) ? target : {};
    const found = [...Array(parts.length - at).keys()]
      .map((n) => parts.length - at - n)
      .find((n) => Object.hasOwn(object, parts.slice(at, at + n).join('.')));
    if (found !== undefined) {
      taken = found;
    } else if (Object.values(object).length > 0 && Object.values(object).every(isFlatValue)) {
      // A flat map (key → text or yes/no): the rest of the path is one key.
      taken = parts.length - at;
    }
    const key = parts.slice(at, at + taken).join('.');
    segments.push(key);
    target = object[key];
    at += taken;
  }
  return segments;
}

const isFlatValue = (value: Json): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';

/** Sets `value` at the segments; array segments address items by their `id`. An undefined
 * value removes the key (the other side had removed it). */
function setAt(target: Json, segments: readonly string[], value: Json): Json {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(target)) {
    return target.map((item) =>
      isPlainObject(item) && item.id === head ? setAt(item, rest, value) : item,
    );
  }
  const object = isPlainObject(target) ? target : {};
  const next = setAt(object[head], rest, value);
  if (next === undefined) {
    const { [head]: _removed, ...others } = object;
    void _removed;
    return others;
  }
  return { ...object, [head]: next };
}

export function resolveConflict(
  record: SyncRecord,
  conflict: RecordConflict,
  choice: ConflictChoice,
): SyncRecord {
  const value = choice === 'shown' ? conflict.shown : conflict.kept;
  const next = setAt(record, conflictSegments(record, conflict.path), value) as SyncRecord;
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
