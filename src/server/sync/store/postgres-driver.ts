// PostgreSQL through a pg connection pool. `?` placeholders become $1, $2, …; BIGINT columns
// (sequence numbers, timestamps) are parsed as numbers — they stay far below 2^53.
import pg from 'pg';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver.js';

const int8Oid = 20;

export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

type Queryable = {
  query: (sql: string, params: SqlValue[]) => Promise<{ rows: SqlRow[]; rowCount: number | null }>;
};

function executor(target: Queryable): SqlExecutor {
  const query = (sql: string, params: readonly SqlValue[] = []) =>
    target.query(numberPlaceholders(sql), [...params]);
  return {
    all: async (sql, params) => (await query(sql, params)).rows,
    get: async (sql, params) => (await query(sql, params)).rows[0],
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
  };
}

export function openPostgresDriver(connectionString: string, maxConnections = 10): SqlDriver {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8Oid && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  return {
    dialect: 'postgres',
    forUpdate: ' FOR UPDATE',
    ...executor(pool as unknown as Queryable),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client as unknown as Queryable));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // The connection is gone: give it back as broken so the pool drops it.
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
