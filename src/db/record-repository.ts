// Generic repository for every record kind. Each write stamps the bookkeeping fields
// and, in the same transaction, records the change in the outbox that sync pushes.
import type { Table } from 'dexie';
import { newId } from '../domain/ids';
import type { RecordBase, RecordKind, RecordOf } from '../domain/types';
import { ok, type Result } from '../shared/result';
import { TABLE_OF_KIND, type LotseDb, type OutboxEntry } from './database';
import { failureOf, reopenIfFailed, writeTransaction } from './connection';
import type { StorageErrorCode } from './storage-error';

export type RecordData<K extends RecordKind> = Omit<RecordOf<K>, keyof RecordBase>;
export type StorageResult<T> = Result<T, StorageErrorCode>;

export function tableOf<K extends RecordKind>(db: LotseDb, kind: K): Table<RecordOf<K>, string> {
  return db.table(TABLE_OF_KIND[kind]);
}

/** Clock used for timestamps; tests replace it. */
export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** Appends (or replaces) the outbox entry of a record. Call inside a rw transaction, before the
 * transaction writes anything else: the lookup of the old entry opens an index cursor, and on a
 * full disk Chromium answers a cursor opened after buffered writes with "Corruption detected"
 * and then deletes the origin's whole IndexedDB (docs/sync.md, "A full disk"). Without
 * earlier writes, the failure comes at commit as an I/O error and everything saved before stays. */
export function recordChange(
  db: LotseDb,
  kind: OutboxEntry['kind'],
  recordId: string,
  op: OutboxEntry['op'],
  changedAt: string,
): Promise<unknown> {
  return recordChanges(db, [{ kind, recordId, op }], changedAt);
}

export type OutboxChange = Pick<OutboxEntry, 'kind' | 'recordId' | 'op'>;

/** recordChange for several records at once: one index lookup before any write, for
 * transactions that change more than one record (cascading deletes, merges). A plain chain of
 * Dexie promises, no extra async layer: inside a transaction those can let it commit early. */
export function recordChanges(
  db: LotseDb,
  changes: readonly OutboxChange[],
  changedAt: string,
): Promise<unknown> {
  const keys = changes.map((change): [string, string] => [change.kind, change.recordId]);
  return db.outbox
    .where('[kind+recordId]')
    .anyOf(keys)
    .delete()
    .then(() => db.outbox.bulkAdd(changes.map((change) => ({ ...change, changedAt }))));
}

/** Adds a new record and its outbox entry in one transaction. */
export async function addWithOutbox<T extends RecordBase, I>(
  db: LotseDb,
  table: Table<T, string, I>,
  kind: OutboxEntry['kind'],
  record: T & I,
): Promise<StorageResult<T>> {
  return writeTransaction(db, [table, db.outbox], async () => {
    await recordChange(db, kind, record.id, 'put', record.createdAt);
    await table.add(record);
    return record;
  });
}

/** Replaces a live record's data and records the change in one transaction (last write on
 * this device wins); `not-found` for a missing record or a tombstone. With `deleted`, the
 * record becomes a tombstone carrying that data, in the same transaction. */
export async function saveWithOutbox<T extends RecordBase, I>(
  db: LotseDb,
  table: Table<T, string, I>,
  kind: OutboxEntry['kind'],
  id: string,
  data: Omit<T, keyof RecordBase>,
  now: string,
  deleted = false,
): Promise<StorageResult<T>> {
  const saved = await writeTransaction(db, [table, db.outbox], async () => {
    const existing = await table.get(id);
    if (!existing || existing.deleted) return null;
    const record = {
      ...existing,
      ...data,
      id,
      createdAt: existing.createdAt,
      updatedAt: now,
      deleted,
    } as T & I;
    await recordChange(db, kind, id, deleted ? 'delete' : 'put', now);
    await table.put(record);
    return record;
  });
  if (!saved.ok) return saved;
  return saved.value ? ok(saved.value) : { ok: false, code: 'not-found' };
}

export type RecordRepository<K extends RecordKind> = {
  get(id: string): Promise<StorageResult<RecordOf<K>>>;
  create(data: RecordData<K>): Promise<StorageResult<RecordOf<K>>>;
  /** Saves the whole record's data (last write on this device wins). */
  save(id: string, data: RecordData<K>): Promise<StorageResult<RecordOf<K>>>;
  remove(id: string): Promise<StorageResult<void>>;
  /** Saves the record's data and deletes it, both or neither (a sync conflict resolved by
   * deleting: the tombstone carries the resolved conflict list). */
  saveAndRemove(id: string, data: RecordData<K>): Promise<StorageResult<RecordOf<K>>>;
};

export function createRecordRepository<K extends RecordKind>(
  db: LotseDb,
  kind: K,
  clock: Clock = systemClock,
): RecordRepository<K> {
  const table = tableOf(db, kind);
  const tables = [table, db.outbox];

  return {
    async get(id) {
      const closed = await reopenIfFailed(db);
      if (closed) return { ok: false, code: closed };
      try {
        const record = await table.get(id);
        return record && !record.deleted ? ok(record) : { ok: false, code: 'not-found' };
      } catch (error) {
        return failureOf(db, error);
      }
    },

    async create(data) {
      const now = clock().toISOString();
      const record = {
        ...data,
        id: newId(),
        createdAt: now,
        updatedAt: now,
        deleted: false,
      } as RecordOf<K>;
      return addWithOutbox(db, table, kind, record);
    },

    save(id, data) {
      return saveWithOutbox(db, table, kind, id, data, clock().toISOString());
    },

    async remove(id) {
      const now = clock().toISOString();
      return writeTransaction(db, tables, () => markDeleted(db, kind, id, now));
    },

    saveAndRemove(id, data) {
      return saveWithOutbox(db, table, kind, id, data, clock().toISOString(), true);
    },
  };
}

/** Turns a record into a tombstone. Call inside a rw transaction over its table and the outbox. */
export function markDeleted(db: LotseDb, kind: RecordKind, id: string, now: string): Promise<void> {
  return markAllDeleted(db, [{ kind, id }], now);
}

/** Tombstones for several records: every read first, then the outbox, then the writes (see
 * recordChange). Call inside a rw transaction over their tables and the outbox. */
export async function markAllDeleted(
  db: LotseDb,
  records: readonly { kind: RecordKind; id: string }[],
  now: string,
): Promise<void> {
  const live: { kind: RecordKind; record: RecordBase }[] = [];
  for (const { kind, id } of records) {
    const existing = await tableOf(db, kind).get(id);
    if (existing && !existing.deleted) live.push({ kind, record: existing });
  }
  await recordChanges(
    db,
    live.map(({ kind, record }) => ({ kind, recordId: record.id, op: 'delete' })),
    now,
  );
  for (const { kind, record } of live) {
    await tableOf(db, kind).put({ ...record, deleted: true, updatedAt: now } as RecordOf<
      typeof kind
    >);
  }
}
