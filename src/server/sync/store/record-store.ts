// Push and pull. A push batch runs in one transaction that first locks the team row, so the
// team's sequence numbers are handed out and committed in order: a puller that has seen seq n
// can never later find a record with a smaller seq appear (a global sequence could commit out
// of order under concurrency and make pullers skip records).
import type { SqlDriver, SqlExecutor, SqlRow } from './sql-driver.js';
import { bytesOf, intOf, textOf } from './sql-driver.js';
import type { StoredPushResult, StoredRecord, SyncStore, ValidChange } from './store-types.js';

const recordColumns = 'id, kind, rev, seq, key_epoch, deleted, ciphertext, change_id';

const toRecord = (row: SqlRow): StoredRecord => ({
  id: textOf(row, 'id'),
  kind: textOf(row, 'kind'),
  rev: intOf(row, 'rev'),
  seq: intOf(row, 'seq'),
  keyEpoch: intOf(row, 'key_epoch'),
  deleted: intOf(row, 'deleted') === 1,
  ciphertext: bytesOf(row, 'ciphertext'),
  changeId: textOf(row, 'change_id'),
});

type RecordStore = Pick<SyncStore, 'push' | 'pull'>;

/**
 * Whether the team's history reaches a device's cursor: `after` is not beyond the team's seq,
 * and the change the device last pulled (`afterChange`, the primary-key lookup in the change
 * log) is still the one at that seq. Not so after a restore from an older backup.
 */
async function isCursorKnown(
  db: SqlExecutor,
  teamId: string,
  seq: number,
  after: number,
  afterChange: string | undefined,
): Promise<boolean> {
  if (after > seq) return false;
  if (after === 0 || afterChange === undefined) return true;
  const change = await db.get('SELECT seq FROM changes WHERE team_id = ? AND change_id = ?', [
    teamId,
    afterChange,
  ]);
  return change !== undefined && intOf(change, 'seq') === after;
}

async function applyChange(
  tx: SqlExecutor,
  teamId: string,
  change: ValidChange,
  nextSeq: () => number,
  keyEpoch: number,
): Promise<StoredPushResult> {
  const { id, changeId } = change;
  // Idempotency: a change already applied (a retry after a lost response) gets its result again.
  const done = await tx.get(
    'SELECT record_id, rev, seq FROM changes WHERE team_id = ? AND change_id = ?',
    [teamId, changeId],
  );
  if (done) {
    // A changeId reused for another record is a client bug; never answer for the wrong record.
    if (textOf(done, 'record_id') !== id) {
      return { status: 'rejected', id, changeId, code: 'invalid-change' };
    }
    return { status: 'ok', id, changeId, rev: intOf(done, 'rev'), seq: intOf(done, 'seq') };
  }

  const row = await tx.get(`SELECT ${recordColumns} FROM records WHERE team_id = ? AND id = ?`, [
    teamId,
    id,
  ]);
  const current = row ? toRecord(row) : null;
  if (current && current.kind !== change.kind) {
    return { status: 'rejected', id, changeId, code: 'kind-mismatch' };
  }
  // After a key rotation, nothing new may be written under a key a removed member holds.
  if (change.keyEpoch < keyEpoch) {
    return { status: 'rejected', id, changeId, code: 'stale-key-epoch' };
  }
  if ((current?.rev ?? 0) !== change.baseRev) return { status: 'conflict', id, changeId, current };

  const rev = change.baseRev + 1;
  const seq = nextSeq();
  const values = [
    change.kind,
    rev,
    seq,
    change.keyEpoch,
    change.deleted ? 1 : 0,
    change.ciphertext,
    changeId,
  ];
  if (current) {
    await tx.run(
      `UPDATE records SET kind = ?, rev = ?, seq = ?, key_epoch = ?, deleted = ?, ciphertext = ?,
       change_id = ? WHERE team_id = ? AND id = ?`,
      [...values, teamId, id],
    );
  } else {
    await tx.run(
      `INSERT INTO records (kind, rev, seq, key_epoch, deleted, ciphertext, change_id, team_id, id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...values, teamId, id],
    );
  }
  await tx.run(
    'INSERT INTO changes (team_id, change_id, record_id, rev, seq) VALUES (?, ?, ?, ?, ?)',
    [teamId, changeId, id, rev, seq],
  );
  return { status: 'ok', id, changeId, rev, seq };
}

export function createRecordStore(db: SqlDriver): RecordStore {
  return {
    push: (teamId, changes, cursor) =>
      db.transaction(async (tx) => {
        const team = await tx.get(`SELECT seq, key_epoch FROM teams WHERE id = ?${db.forUpdate}`, [
          teamId,
        ]);
        if (!team) throw new Error('push for a team that does not exist');
        const start = intOf(team, 'seq');
        const known =
          (cursor?.after === undefined ||
            (await isCursorKnown(tx, teamId, start, cursor.after, cursor.afterChange))) &&
          (!cursor?.check ||
            (await isCursorKnown(tx, teamId, start, cursor.check.seq, cursor.check.changeId)));
        if (!known) return { results: [], seq: start, cursorKnown: false };
        let seq = start;
        const nextSeq = (): number => ++seq;
        const keyEpoch = intOf(team, 'key_epoch');
        const results: StoredPushResult[] = [];
        for (const change of changes)
          results.push(await applyChange(tx, teamId, change, nextSeq, keyEpoch));
        if (seq !== start) await tx.run('UPDATE teams SET seq = ? WHERE id = ?', [seq, teamId]);
        return { results, seq, cursorKnown: true };
      }),

    async pull(teamId, after, limit, afterChange, check) {
      const rows = await db.all(
        `SELECT ${recordColumns} FROM records WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
        [teamId, after, limit + 1],
      );
      // Read after the records: the team's seq only grows, so it is at least every seq above.
      const team = await db.get('SELECT seq FROM teams WHERE id = ?', [teamId]);
      const seq = team ? intOf(team, 'seq') : 0;
      return {
        records: rows.slice(0, limit).map(toRecord),
        hasMore: rows.length > limit,
        seq,
        cursorKnown:
          (await isCursorKnown(db, teamId, seq, after, afterChange)) &&
          (!check || (await isCursorKnown(db, teamId, seq, check.seq, check.changeId))),
      };
    },
  };
}
