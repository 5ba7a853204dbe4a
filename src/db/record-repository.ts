// Generic repository for every record kind. Each write stamps the bookkeeping fields
// and, in the same transaction, records the change in the outbox for the sync issue.
import type { Table } from 'dexie';
import { newId } from '../domain/ids';
import type { RecordBase, RecordKind, RecordOf } from '../domain/types';
import { ok, type Result } from '../shared/result';
import { TABLE_OF_KIND, type LotseDb, type OutboxEntry } from './database';
import { storageFailure, type StorageErrorCode } from './storage-error';

export type RecordData<K extends RecordKind> = Omit<RecordOf<K>, keyof RecordBase>;
export type StorageResult<T> = Result<T, StorageErrorCode>;

export function tableOf<K extends RecordKind>(db: LotseDb, kind: K): Table<RecordOf<K>, string> {
  return db.table(TABLE_OF_KIND[kind]);
}

/** Clock used for timestamps; tests replace it. */
export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/** Appends (or replaces) the outbox entry of a record. Call inside a rw transaction. */
export async function recordChange(
  db: LotseDb,
  kind: OutboxEntry['kind'],
  recordId: string,
  op: OutboxEntry['op'],
  changedAt: string,
): Promise<void> {
  await db.outbox.where({ kind, recordId }).delete();
  await db.outbox.add({ kind, recordId, op, changedAt });
}

/** Adds a new record and its outbox entry in one transaction. */
export async function addWithOutbox<T extends RecordBase, I>(
  db: LotseDb,
  table: Table<T, string, I>,
  kind: OutboxEntry['kind'],
  record: T & I,
): Promise<StorageResult<T>> {
  try {
    await db.transaction('rw', [table, db.outbox], async () => {
      await table.add(record);
      await recordChange(db, kind, record.id, 'put', record.createdAt);
    });
    return ok(record);
  } catch (error) {
    return storageFailure(error);
  }
}

/** Replaces a live record's data and records the change in one transaction (last write on
 * this device wins); `not-found` for a missing record or a tombstone. */
export async function saveWithOutbox<T extends RecordBase, I>(
  db: LotseDb,
  table: Table<T, string, I>,
  kind: OutboxEntry['kind'],
  id: string,
  data: Omit<T, keyof RecordBase>,
  now: string,
): Promise<StorageResult<T>> {
  try {
    const saved = await db.transaction('rw', [table, db.outbox], async () => {
      const existing = await table.get(id);
      if (!existing || existing.deleted) return null;
      const record = {
        ...existing,
        ...data,
        id,
        createdAt: existing.createdAt,
        updatedAt: now,
        deleted: false,
      } as T & I;
      await table.put(record);
      await recordChange(db, kind, id, 'put', now);
      return record;
    });
    return saved ? ok(saved) : { ok: false, code: 'not-found' };
  } catch (error) {
    return storageFailure(error);
  }
}

export type RecordRepository<K extends RecordKind> = {
  get(id: string): Promise<StorageResult<RecordOf<K>>>;
  create(data: RecordData<K>): Promise<StorageResult<RecordOf<K>>>;
  /** Saves the whole record's data (last write on this device wins). */
  save(id: string, data: RecordData<K>): Promise<StorageResult<RecordOf<K>>>;
  remove(id: string): Promise<StorageResult<void>>;
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
      try {
        const record = await table.get(id);
        return record && !record.deleted ? ok(record) : { ok: false, code: 'not-found' };
      } catch (error) {
        return storageFailure(error);
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
      try {
        await db.transaction('rw', tables, async () => {
          await markDeleted(db, kind, id, now);
        });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },
  };
}

/** Turns a record into a tombstone. Call inside a rw transaction over its table and the outbox. */
export async function markDeleted(
  db: LotseDb,
  kind: RecordKind,
  id: string,
  now: string,
): Promise<void> {
  const table = tableOf(db, kind);
  const existing = await table.get(id);
  if (!existing || existing.deleted) return;
  await table.put({ ...existing, deleted: true, updatedAt: now });
  await recordChange(db, kind, id, 'delete', now);
}
