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
    push: (teamId, changes) =>
      db.transaction(async (tx) => {
        const team = await tx.get(`SELECT seq, key_epoch FROM teams WHERE id = ?${db.forUpdate}`, [
          teamId,
        ]);
        if (!team) throw new Error('push for a team that does not exist');
        const start = intOf(team, 'seq');
        let seq = start;
        const nextSeq = (): number => ++seq;
        const keyEpoch = intOf(team, 'key_epoch');
        const results: StoredPushResult[] = [];
        for (const change of changes)
          results.push(await applyChange(tx, teamId, change, nextSeq, keyEpoch));
        if (seq !== start) await tx.run('UPDATE teams SET seq = ? WHERE id = ?', [seq, teamId]);
        return { results, seq };
      }),

    async pull(teamId, after, limit) {
      const rows = await db.all(
        `SELECT ${recordColumns} FROM records WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
        [teamId, after, limit + 1],
      );
      return { records: rows.slice(0, limit).map(toRecord), hasMore: rows.length > limit };
    },
  };
}
