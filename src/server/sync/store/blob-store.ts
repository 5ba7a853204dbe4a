// Encrypted attachments, stored in the database in chunks (so every server instance sees them).
// Chunks can be sent in any order and re-sent until the blob is completed; completing checks
// that chunks 0…n-1 are all there and that their bytes add up to the announced size and SHA-256.
// A complete blob never changes again. A deleted blob loses its chunks and keeps its row as a
// tombstone (deleted_at): to every reader it is unknown, and its id cannot be uploaded again.
import { createHash } from 'node:crypto';
import { err, ok } from '../../../shared/result.js';
import {
  bytesOf,
  intOf,
  optionalIntOf,
  optionalTextOf,
  type SqlDriver,
  type SqlExecutor,
} from './sql-driver.js';
import type { BlobState, SyncStore } from './store-types.js';

type BlobStore = Pick<
  SyncStore,
  'putChunk' | 'blobStatus' | 'completeBlob' | 'readBlob' | 'deleteBlob'
>;

async function stateOf(
  tx: SqlExecutor,
  teamId: string,
  blobId: string,
  forUpdate = '',
): Promise<BlobState | null> {
  const blob = await tx.get(
    `SELECT completed_at, size, sha256, deleted_at FROM blobs WHERE team_id = ? AND id = ?${forUpdate}`,
    [teamId, blobId],
  );
  if (!blob || optionalIntOf(blob, 'deleted_at') !== null) return null;
  const chunks = await tx.all(
    'SELECT idx, LENGTH(data) AS size FROM blob_chunks WHERE team_id = ? AND blob_id = ? ORDER BY idx',
    [teamId, blobId],
  );
  return {
    complete: optionalIntOf(blob, 'completed_at') !== null,
    chunks: chunks.map((row) => ({ index: intOf(row, 'idx'), size: intOf(row, 'size') })),
    size: optionalIntOf(blob, 'size'),
    sha256: optionalTextOf(blob, 'sha256'),
  };
}

export function createBlobStore(db: SqlDriver): BlobStore {
  const chunkSql = 'SELECT data FROM blob_chunks WHERE team_id = ? AND blob_id = ? AND idx = ?';

  return {
    putChunk: (teamId, blobId, index, data, now) =>
      db.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO blobs (team_id, id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [teamId, blobId, now],
        );
        const blob = await tx.get(
          `SELECT completed_at, deleted_at FROM blobs WHERE team_id = ? AND id = ?${db.forUpdate}`,
          [teamId, blobId],
        );
        if (blob && optionalIntOf(blob, 'deleted_at') !== null) return err('blob-deleted');
        if (blob && optionalIntOf(blob, 'completed_at') !== null) return err('blob-complete');
        await tx.run(
          `INSERT INTO blob_chunks (team_id, blob_id, idx, data) VALUES (?, ?, ?, ?)
           ON CONFLICT (team_id, blob_id, idx) DO UPDATE SET data = excluded.data`,
          [teamId, blobId, index, data],
        );
        return ok(null);
      }),

    blobStatus: (teamId, blobId) => db.transaction((tx) => stateOf(tx, teamId, blobId)),

    completeBlob: (teamId, blobId, expected, now) =>
      db.transaction(async (tx) => {
        const state = await stateOf(tx, teamId, blobId, db.forUpdate);
        if (!state) return err('not-found');
        if (state.complete) {
          const same = state.size === expected.size && state.sha256 === expected.sha256;
          return same ? ok(state) : err('blob-hash-mismatch');
        }
        const indexes = state.chunks.map((chunk) => chunk.index);
        const contiguous =
          indexes.length === expected.chunkCount && indexes.every((index, i) => index === i);
        if (!contiguous) return err('blob-incomplete');
        const size = state.chunks.reduce((sum, chunk) => sum + chunk.size, 0);
        if (size !== expected.size) return err('blob-size-mismatch');
        const hash = createHash('sha256');
        for (const index of indexes) {
          const row = await tx.get(chunkSql, [teamId, blobId, index]);
          if (row) hash.update(bytesOf(row, 'data'));
        }
        if (hash.digest('hex') !== expected.sha256) return err('blob-hash-mismatch');
        await tx.run(
          'UPDATE blobs SET completed_at = ?, size = ?, sha256 = ? WHERE team_id = ? AND id = ?',
          [now, size, expected.sha256, teamId, blobId],
        );
        return ok({ ...state, complete: true, size, sha256: expected.sha256 });
      }),

    async readBlob(teamId, blobId, onChunk) {
      const state = await db.transaction((tx) => stateOf(tx, teamId, blobId));
      if (!state) return err('not-found');
      if (!state.complete || state.size === null) return err('blob-incomplete');
      // A complete blob is immutable, so reading chunk by chunk outside a transaction is safe
      // and keeps memory flat for large attachments.
      for (const chunk of state.chunks) {
        const row = await db.get(chunkSql, [teamId, blobId, chunk.index]);
        if (!row) {
          // Deleted while being read; anything else is a broken database.
          if (await db.transaction((tx) => stateOf(tx, teamId, blobId))) {
            throw new Error('chunk of a complete blob is missing');
          }
          return err('not-found');
        }
        await onChunk(bytesOf(row, 'data'));
      }
      return ok({ size: state.size });
    },

    deleteBlob: (teamId, blobId, now) =>
      db.transaction(async (tx) => {
        const blob = await tx.get(
          `SELECT deleted_at FROM blobs WHERE team_id = ? AND id = ?${db.forUpdate}`,
          [teamId, blobId],
        );
        if (!blob || optionalIntOf(blob, 'deleted_at') !== null) return false;
        await tx.run('DELETE FROM blob_chunks WHERE team_id = ? AND blob_id = ?', [teamId, blobId]);
        await tx.run('UPDATE blobs SET deleted_at = ? WHERE team_id = ? AND id = ?', [
          now,
          teamId,
          blobId,
        ]);
        return true;
      }),
  };
}
