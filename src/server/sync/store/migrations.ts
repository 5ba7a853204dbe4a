// Database schema, as an append-only list of migrations (never edit one that has shipped; add
// the next). Written once in SQL both databases accept; only the binary type differs.
// Times are epoch milliseconds (server clock), booleans 0/1, ids lowercase UUID text.
import type { SqlDriver } from './sql-driver.js';

const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE teams (
      id TEXT PRIMARY KEY,
      seq BIGINT NOT NULL DEFAULT 0,
      created_at BIGINT NOT NULL
    )`,
    `CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      token_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL,
      key_material BINARY NOT NULL,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`,
    `CREATE INDEX devices_team ON devices(team_id)`,
    `CREATE TABLE invites (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      claim_hash TEXT NOT NULL,
      wrapped_team_key BINARY NOT NULL,
      role TEXT NOT NULL,
      created_by TEXT NOT NULL,
      expires_at BIGINT NOT NULL,
      claimed_at BIGINT,
      claimed_by TEXT
    )`,
    `CREATE TABLE records (
      team_id TEXT NOT NULL REFERENCES teams(id),
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      rev INTEGER NOT NULL,
      seq BIGINT NOT NULL,
      key_epoch INTEGER NOT NULL,
      deleted INTEGER NOT NULL,
      ciphertext BINARY NOT NULL,
      change_id TEXT NOT NULL,
      PRIMARY KEY (team_id, id)
    )`,
    `CREATE UNIQUE INDEX records_team_seq ON records(team_id, seq)`,
    `CREATE TABLE changes (
      team_id TEXT NOT NULL REFERENCES teams(id),
      change_id TEXT NOT NULL,
      record_id TEXT NOT NULL,
      rev INTEGER NOT NULL,
      seq BIGINT NOT NULL,
      PRIMARY KEY (team_id, change_id)
    )`,
    `CREATE TABLE blobs (
      team_id TEXT NOT NULL REFERENCES teams(id),
      id TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      completed_at BIGINT,
      size BIGINT,
      sha256 TEXT,
      PRIMARY KEY (team_id, id)
    )`,
    `CREATE TABLE blob_chunks (
      team_id TEXT NOT NULL,
      blob_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      data BINARY NOT NULL,
      PRIMARY KEY (team_id, blob_id, idx),
      FOREIGN KEY (team_id, blob_id) REFERENCES blobs(team_id, id)
    )`,
  ],
  // 2: key epochs on the wire — the team's current epoch (pushes below it are refused), each
  // device's public key, and one grant (the epoch's data key wrapped for it) per device/epoch.
  [
    `ALTER TABLE teams ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE devices ADD COLUMN public_key BINARY`,
    `CREATE TABLE key_grants (
      team_id TEXT NOT NULL REFERENCES teams(id),
      device_id TEXT NOT NULL REFERENCES devices(id),
      epoch INTEGER NOT NULL,
      wrapped_key BINARY NOT NULL,
      granted_by TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (team_id, device_id, epoch)
    )`,
  ],
  // 3: deleted blobs (DELETE /blobs/:id). The row stays as a tombstone (its chunks go), so the
  // id can never be uploaded again: a device that missed the deletion cannot put the old
  // ciphertext back.
  [`ALTER TABLE blobs ADD COLUMN deleted_at BIGINT`],
];

export const schemaVersion = migrations.length;

/** An arbitrary constant: serialises migrations of instances starting at the same time. */
const postgresMigrationLock = 7_418_312;

/** Brings the schema to `target` (default: the newest; tests stop earlier to test upgrades). */
export async function migrate(driver: SqlDriver, target = migrations.length): Promise<void> {
  const binary = driver.dialect === 'postgres' ? 'BYTEA' : 'BLOB';
  await driver.transaction(async (tx) => {
    if (driver.dialect === 'postgres') {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [postgresMigrationLock]);
    }
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const row = await tx.get('SELECT MAX(version) AS version FROM schema_migrations');
    const current = Number(row?.version ?? 0);
    for (let version = current + 1; version <= target; version++) {
      for (const statement of migrations[version - 1] ?? []) {
        await tx.run(statement.replaceAll('BINARY', binary));
      }
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        version,
        Date.now(),
      ]);
    }
  });
}
