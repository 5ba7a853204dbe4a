// Keeps the database usable after the browser closed the connection under Lotse's feet, and
// avoids opening it again while the disk is still full.
//
// When a write fails at the file level (a full disk), Chromium closes every connection of the
// origin. Dexie then opens again by itself on the next operation, but only once: if that open
// fails too, every later call rejects with DatabaseClosedError until someone calls open().
// Opening while the disk is still full is dangerous: when Chromium's open fails half-way it
// deletes the origin's IndexedDB and starts an empty one. So, after a full-disk failure, the
// record repositories first check with a small probe file that the disk has room, and only
// then let the database open again, once per user attempt (typing again): nothing retries in
// a loop. (Reads elsewhere, e.g. live queries, still let Dexie open it by itself.)
//
// A failed reopen says "Internal error opening backing store", which on its own reads like
// storage that cannot be used at all (private mode). In a tab where the database has already
// worked, the honest reason is the one that closed the connection, so `failureOf` keeps
// reporting it.
import type { Dexie, Table, Transaction } from 'dexie';
import { err, ok, type Err, type Result } from '../shared/result';
import { storageErrorCode, storageFailure, type StorageErrorCode } from './storage-error';

const lastFailure = new WeakMap<Dexie, StorageErrorCode>();
/** Whether the error came from (re)opening the database rather than from the operation. */
function isOpenFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { name?: unknown; inner?: unknown };
    if (e.name === 'OpenFailedError' || e.name === 'DatabaseClosedError') return true;
    current = e.inner;
  }
  return false;
}

/** The reason code for a failed operation on `db` (logged like `storageFailure`). */
export function failureOf(db: Dexie, error: unknown, opening = false): Err<StorageErrorCode> {
  const code = storageErrorCode(error);
  const earlier = lastFailure.get(db);
  if (earlier && code !== 'quota-exceeded' && (opening || isOpenFailure(error))) {
    return err(earlier);
  }
  lastFailure.set(db, code);
  return storageFailure(error);
}

/** Whether the disk can take a small file: a probe in the origin private file system, which
 * lives outside IndexedDB. navigator.storage.estimate() cannot tell (Chromium reports a fixed
 * quota, whatever the disk holds). Without that API, IndexedDB itself has to find out. */
async function diskHasRoom(bytes = 1 << 20): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.getDirectory !== 'function') return true;
  try {
    const directory = await storage.getDirectory();
    const file = await directory.getFileHandle('lotse-room-probe', { create: true });
    try {
      const writable = await file.createWritable();
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    } finally {
      await directory.removeEntry('lotse-room-probe').catch(() => undefined);
    }
    return true;
  } catch {
    return false;
  }
}

/** Before using `db`: null when it is usable, else why not. After the browser closed the
 * connection because the disk was full, it is opened again only once the disk has room:
 * Chromium answers an open that fails half-way on a full disk by deleting the origin's whole
 * IndexedDB and creating an empty one. If Dexie's own reopen failed, this opens it again. A
 * database closed on purpose with `db.close()` stays closed. */
export async function reopenIfFailed(db: Dexie): Promise<StorageErrorCode | null> {
  if (db.isOpen() || db.hasBeenClosed()) return null;
  if (lastFailure.get(db) === 'quota-exceeded' && !(await diskHasRoom())) return 'quota-exceeded';
  if (!db.hasFailed()) return null;
  try {
    await db.open();
    lastFailure.delete(db);
    return null;
  } catch (error) {
    return failureOf(db, error, true).code;
  }
}

/** A read-write transaction with the two steps above: reopen first, and on failure the code of
 * the real reason. Dexie rejects with the AbortError of whichever request the abort cut short;
 * why the transaction aborted (the full disk) is the IDB transaction's own `error`. */
export async function writeTransaction<R>(
  db: Dexie,
  tables: Table[],
  scope: () => Promise<R>,
): Promise<Result<R, StorageErrorCode>> {
  const closed = await reopenIfFailed(db);
  if (closed) return err(closed);
  let transaction: Transaction | undefined;
  try {
    const value = await db.transaction('rw', tables, (tx) => {
      transaction = tx;
      return scope();
    });
    lastFailure.delete(db);
    return ok(value);
  } catch (error) {
    const reason: unknown = transaction?.idbtrans?.error;
    return failureOf(db, reason ?? error);
  }
}
