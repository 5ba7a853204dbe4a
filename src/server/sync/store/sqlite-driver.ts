// SQLite through better-sqlite3 (synchronous, one connection). Every operation goes through one
// queue, so a transaction's statements never interleave with another request's: SQLite runs one
// writer at a time anyway, and reads outside a transaction must not see its uncommitted rows.
// WAL journal: a committed transaction survives the process being killed.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlDriver, SqlExecutor, SqlRow } from './sql-driver.js';

export function openSqliteDriver(file: string): SqlDriver {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode loses nothing when the process dies; only a power cut can drop the
  // last transactions. FULL would fsync every commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const direct: SqlExecutor = {
    all: async (sql, params = []) => prepare(sql).all(...params) as SqlRow[],
    get: async (sql, params = []) => prepare(sql).get(...params) as SqlRow | undefined,
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
  };

  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    forUpdate: '',
    all: (sql, params) => enqueue(() => direct.all(sql, params)),
    get: (sql, params) => enqueue(() => direct.get(sql, params)),
    run: (sql, params) => enqueue(() => direct.run(sql, params)),
    transaction: (fn) =>
      enqueue(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      enqueue(async () => {
        db.close();
      }),
  };
}
