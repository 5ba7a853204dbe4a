// The small SQL surface the sync store needs, implemented once for SQLite (better-sqlite3) and
// once for PostgreSQL (pg). Queries are written once with `?` placeholders in the SQL both
// databases understand; the PostgreSQL driver numbers them. Integers come back as numbers,
// binary columns as Buffers, on both.
export type SqlValue = string | number | null | Buffer;
export type SqlRow = Readonly<Record<string, unknown>>;

export type SqlExecutor = {
  all: (sql: string, params?: readonly SqlValue[]) => Promise<SqlRow[]>;
  get: (sql: string, params?: readonly SqlValue[]) => Promise<SqlRow | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run: (sql: string, params?: readonly SqlValue[]) => Promise<number>;
};

export type SqlDialect = 'sqlite' | 'postgres';

export type SqlDriver = SqlExecutor & {
  dialect: SqlDialect;
  /** ' FOR UPDATE' on PostgreSQL; empty on SQLite, whose write transactions are serial. */
  forUpdate: string;
  /**
   * Runs fn in one transaction (a write transaction from the start). Commits when fn resolves,
   * rolls back when it throws. Statements outside fn see only committed data.
   */
  transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** Column readers: the boundary where untyped rows become typed values. */
export function intOf(row: SqlRow, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new Error(`Column ${column} is not an integer`);
}

export function optionalIntOf(row: SqlRow, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : intOf(row, column);
}

export function textOf(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Column ${column} is not text`);
  return value;
}

export function optionalTextOf(row: SqlRow, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : textOf(row, column);
}

export function bytesOf(row: SqlRow, column: string): Buffer {
  const value = row[column];
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new Error(`Column ${column} is not binary`);
}

export function optionalBytesOf(row: SqlRow, column: string): Buffer | null {
  return row[column] === null || row[column] === undefined ? null : bytesOf(row, column);
}
