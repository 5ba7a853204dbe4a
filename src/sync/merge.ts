// Three-way, field-by-field merge of one record: base (the last server version this device
// saw), local (this device's pending edit) and remote (the server's newer version).
//
// Rules, per top-level field (every field of either side is visited, so fields this client
// does not know — written by a newer client — are merged like any other and never dropped):
// - changed on one side only → that side's value;
// - changed on both sides to the same value → that value;
// - changed on both sides differently:
//   - plain objects (address, and unknown nested objects) merge field by field, recursively;
//   - arrays of strings (languages) merge as sets: additions from both sides are kept,
//     removals from either side are applied, the local order first;
//   - arrays of objects with an `id` (appointment checklist) merge item by item: new items
//     from both sides are kept, an item removed on one side is removed unless the other side
//     edited it, items edited on both sides merge field by field;
//   - anything else is a conflict. The REMOTE value is shown (it is the later server
//     revision, which makes the rule deterministic) and the local one is kept in the record's
//     conflict list. For identity fields (MUST_CHOOSE: names, date of birth, the whole
//     residence object, document numbers) the conflict is `must-choose`: the volunteer has
//     to pick; for the others it is `review` ("needs review").
// - Delete vs edit: when one side deleted the record and the other edited it, the edit is
//   kept (the record stays alive) and flagged `edit-after-delete` for the volunteer.
// The conflict list is itself a field (CONFLICTS_FIELD) and merges like a checklist, so
// a conflict found on one device shows on every device until someone resolves it.
import type { SyncRecord } from './local-store';

export const CONFLICTS_FIELD = 'syncConflicts';

export type ConflictKind = 'review' | 'must-choose' | 'edit-after-delete';

export type RecordConflict = {
  /** Stable per (path, kept value), so the same conflict found twice is listed once. */
  id: string;
  /** Dotted path of the field, e.g. "familyName", "address.city", "bring.<id>.text". */
  path: string;
  kind: ConflictKind;
  /** The value the record now holds. */
  shown: unknown;
  /** The other side's value, kept for the volunteer. */
  kept: unknown;
};

export type MergeResult = { record: SyncRecord; conflicts: RecordConflict[] };

/** Fields a volunteer must choose between, per record kind. */
export const MUST_CHOOSE: Readonly<Record<string, ReadonlySet<string>>> = {
  person: new Set([
    'familyName',
    'givenNames',
    'familyNameNative',
    'givenNamesNative',
    'birthName',
    'dateOfBirth',
    'residence',
    'bamfFileNumber',
    'azrNumber',
    'taxId',
    'pensionInsuranceNumber',
    'healthInsuranceNumber',
  ]),
};

/** Bookkeeping, merged by their own rules below. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'deleted', CONFLICTS_FIELD]);

type Json = unknown;
type PlainObject = Record<string, Json>;

const isPlainObject = (value: Json): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

const isStringArray = (value: Json): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const hasIds = (value: Json): value is (PlainObject & { id: string })[] =>
  Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');

export function conflictId(path: string, kept: Json): string {
  return `${path}=${JSON.stringify(kept) ?? 'undefined'}`;
}

type Context = { kind: string; conflicts: RecordConflict[] };

function conflict(ctx: Context, path: string, kind: ConflictKind, shown: Json, kept: Json) {
  ctx.conflicts.push({ id: conflictId(path, kept), path, kind, shown, kept });
}

/** Merges one value at `path`; `top` is the top-level field name (for MUST_CHOOSE). */
function mergeValue(ctx: Context, path: string, base: Json, local: Json, remote: Json): Json {
  if (deepEqual(local, remote)) return local;
  if (deepEqual(local, base)) return remote;
  if (deepEqual(remote, base)) return local;

  const top = path.split('.')[0] ?? path;
  if (MUST_CHOOSE[ctx.kind]?.has(top)) {
    // The whole top-level value is the unit of choice (e.g. the residence object).
    conflict(ctx, path, 'must-choose', remote, local);
    return remote;
  }
  if (isPlainObject(local) && isPlainObject(remote)) {
    return mergeObjects(ctx, path, isPlainObject(base) ? base : {}, local, remote);
  }
  if (isStringArray(local) && isStringArray(remote)) {
    return mergeStringSets(isStringArray(base) ? base : [], local, remote);
  }
  if (hasIds(local) && hasIds(remote)) {
    return mergeById(ctx, path, hasIds(base) ? base : [], local, remote);
  }
  conflict(ctx, path, 'review', remote, local);
  return remote;
}

function mergeObjects(
  ctx: Context,
  path: string,
  base: PlainObject,
  local: PlainObject,
  remote: PlainObject,
): PlainObject {
  const out: PlainObject = {};
  for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) {
    const value = mergeValue(ctx, `${path}.${key}`, base[key], local[key], remote[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeStringSets(base: string[], local: string[], remote: string[]): string[] {
  const removed = new Set(base.filter((item) => !local.includes(item) || !remote.includes(item)));
  const out: string[] = [];
  for (const item of [...local, ...remote]) {
    if (!removed.has(item) && !out.includes(item)) out.push(item);
  }
  return out;
}

function mergeById(
  ctx: Context,
  path: string,
  base: (PlainObject & { id: string })[],
  local: (PlainObject & { id: string })[],
  remote: (PlainObject & { id: string })[],
): PlainObject[] {
  const byId = (items: (PlainObject & { id: string })[]) =>
    new Map(items.map((item) => [item.id, item]));
  const [b, l, r] = [byId(base), byId(local), byId(remote)];
  const out: PlainObject[] = [];
  const order = [...l.keys(), ...[...r.keys()].filter((id) => !l.has(id))];
  for (const id of order) {
    const [bi, li, ri] = [b.get(id), l.get(id), r.get(id)];
    if (li && ri) {
      out.push(mergeObjects(ctx, `${path}.${id}`, bi ?? {}, li, ri));
    } else if (li) {
      // Missing remotely: removed there (if it was in the base) unless edited here since.
      if (!bi || !deepEqual(li, bi)) out.push(li);
    } else if (ri) {
      if (!bi || !deepEqual(ri, bi)) out.push(ri);
    }
  }
  return out;
}

function mergeConflictLists(base: Json, local: Json, remote: Json): RecordConflict[] {
  const list = (value: Json) => (hasIds(value) ? (value as unknown as RecordConflict[]) : []);
  return mergeById(
    { kind: '', conflicts: [] },
    CONFLICTS_FIELD,
    list(base),
    list(local),
    list(remote),
  ).map((item) => item as unknown as RecordConflict);
}

const contentChanged = (record: SyncRecord, base: SyncRecord | null): boolean => {
  if (!base) return true;
  for (const key of new Set([...Object.keys(record), ...Object.keys(base)])) {
    if (key !== 'updatedAt' && !deepEqual(record[key], base[key])) return true;
  }
  return false;
};

const later = (a: Json, b: Json): Json =>
  typeof a === 'string' && typeof b === 'string' ? (a > b ? a : b) : (a ?? b);
const earlier = (a: Json, b: Json): Json =>
  typeof a === 'string' && typeof b === 'string' ? (a < b ? a : b) : (a ?? b);

/**
 * Merges a local edit with the server's newer version. `base` is null when the device
 * never saw a server version (both sides created the record independently).
 */
export function mergeRecord(
  kind: string,
  base: SyncRecord | null,
  local: SyncRecord,
  remote: SyncRecord,
): MergeResult {
  const ctx: Context = { kind, conflicts: [] };
  const baseObject: PlainObject = base ?? {};
  const out: PlainObject = {};
  for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) {
    if (BOOKKEEPING.has(key)) continue;
    const value = mergeValue(ctx, key, baseObject[key], local[key], remote[key]);
    if (value !== undefined) out[key] = value;
  }

  const wasDeleted = base?.deleted === true;
  const localDeletes = local.deleted === true && !wasDeleted;
  const remoteDeletes = remote.deleted === true && !wasDeleted;
  let deleted = local.deleted === true && remote.deleted === true;
  if (localDeletes !== remoteDeletes) {
    const [deleter, editor] = localDeletes ? [local, remote] : [remote, local];
    if (contentChanged(editor, base)) {
      // The edit was made without knowing of the delete: keep it, and say so.
      conflict(ctx, 'deleted', 'edit-after-delete', false, true);
    } else {
      deleted = deleter.deleted === true;
    }
  } else if (!localDeletes && !remoteDeletes) {
    deleted = (mergeValue(ctx, 'deleted', base?.deleted, local.deleted, remote.deleted) ??
      false) as boolean;
  }

  const conflicts = mergeConflictLists(
    baseObject[CONFLICTS_FIELD],
    local[CONFLICTS_FIELD],
    remote[CONFLICTS_FIELD],
  );
  for (const found of ctx.conflicts) {
    if (!conflicts.some((item) => item.id === found.id)) conflicts.push(found);
  }

  const record: SyncRecord = {
    ...out,
    id: local.id,
    createdAt: earlier(base?.createdAt ?? local.createdAt, remote.createdAt),
    updatedAt: later(local.updatedAt, remote.updatedAt),
    deleted,
  };
  if (conflicts.length > 0) record[CONFLICTS_FIELD] = conflicts;
  return { record, conflicts: ctx.conflicts };
}

/** The record's open conflicts (what the UI lists as "needs review" / "must choose"). */
export function conflictsOf(record: SyncRecord): RecordConflict[] {
  const list = record[CONFLICTS_FIELD];
  return hasIds(list) ? (list as unknown as RecordConflict[]) : [];
}
