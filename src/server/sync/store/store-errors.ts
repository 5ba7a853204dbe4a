// Recognises database failures that are the database being away or overloaded (connection
// refused or cut, server shutting down, too many connections, SQLite busy or disk full) rather
// than a bug: those are answered 503 `unavailable` with Retry-After, and the client retries.
const unavailableCodes = new Set([
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  // PostgreSQL SQLSTATEs: admin/crash shutdown, cannot connect now, too many connections,
  // database gone, out of disk
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53100',
  '3D000',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
]);

export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  // SQLSTATE class 08: connection exceptions.
  if (unavailableCodes.has(code) || /^08...$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
}
