// The case list's first rows, read as early as possible: main.tsx starts the read while the
// language loads, and the screen takes the result when it mounts (or reads them itself).
import { loadRecentCases, type RecentCases } from '../../../db/repositories';
import type { LotseDb } from '../../../db/database';

export const PAGE_SIZE = 50;
// Twice a page: the default filter hides closed cases, and the first page should still be full.
const FIRST_READ = 2 * PAGE_SIZE;

let prefetched: { db: LotseDb; rows: Promise<RecentCases> } | null = null;

/** Starts reading the first rows now; the case list picks them up when it mounts. */
export function prefetchFirstPage(db: LotseDb): void {
  const rows = loadRecentCases(db, FIRST_READ);
  rows.catch(() => undefined); // the screen handles the failure when it takes the rows
  prefetched = { db, rows };
}

/** The prefetched first rows (once), else a fresh read. */
export function takeFirstPage(db: LotseDb): Promise<RecentCases> {
  const taken = prefetched?.db === db ? prefetched.rows : null;
  prefetched = null;
  return taken ?? loadRecentCases(db, FIRST_READ);
}
