// Rows of the team-sync tables (schema v3). The record shadows and problems follow the
// contract in src/sync/local-store.ts; `syncState` holds a few named rows (see keys below).
import type { RecordProblem, RecordShadow, SyncRecord } from '../sync/local-store';

export type ShadowRow = { kind: string; id: string; shadow: RecordShadow };

export type ProblemRow = RecordProblem;

/** A record of a kind this version of the app does not know: kept as it came, synced back. */
export type ForeignRow = { kind: string; id: string; record: SyncRecord };

export type SyncStateRow = { key: string; value: unknown };

/** syncState keys (attachment rows, `blob-wanted` and `blob-upload/…`: sync-blob-store.ts). */
export const SYNC_META_KEY = 'meta';
export const TEAM_KEY = 'team';
