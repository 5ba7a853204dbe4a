// Migrations are append-only: a database written at schema version 1 (before key epochs)
// opens with the current code, keeps its data, and gains the new columns and tables.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../../src/server/sync/store/migrations.js';
import { openPostgresDriver } from '../../../src/server/sync/store/postgres-driver.js';
import type { SqlDriver } from '../../../src/server/sync/store/sql-driver.js';
import { openSqliteDriver } from '../../../src/server/sync/store/sqlite-driver.js';
import { openSyncStore, sqliteFileName } from '../../../src/server/sync/store/sync-store.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { backends } from './harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

const team = '0190a000-0000-7000-8000-000000000001';
const device = '0190a000-0000-7000-8000-000000000002';

describe.each(backends)('schema upgrade on %s', (backend) => {
  it('opens a version-1 database with its data intact', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lotse-migrate-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let databaseUrl: string | undefined;
    let old: SqlDriver;
    if (backend === 'postgres') {
      const database = await createTestDatabase();
      cleanups.push(database.drop);
      databaseUrl = database.url;
      old = openPostgresDriver(database.url);
    } else {
      old = openSqliteDriver(join(dataDir, sqliteFileName));
    }
    await migrate(old, 1);
    await old.run('INSERT INTO teams (id, seq, created_at) VALUES (?, 7, 1)', [team]);
    await old.run(
      `INSERT INTO devices (id, team_id, token_hash, role, key_material, created_at)
       VALUES (?, ?, 'hash', 'admin', ?, 1)`,
      [device, team, Buffer.from('km')],
    );
    await old.close();

    const store = await openSyncStore({ dataDir, databaseUrl });
    cleanups.push(() => store.close());
    expect(await store.teamSeq(team)).toBe(7);
    expect(await store.teamKeyEpoch(team)).toBe(0);
    const [row] = await store.listDevices(team);
    expect(row).toMatchObject({ deviceId: device, publicKey: null });
    expect(row?.keyMaterial.toString()).toBe('km');
    expect(await store.grantsFor(team, device)).toEqual([]);
    const rotated = await store.rotateKeyEpoch(
      team,
      2,
      [{ deviceId: device, wrappedKey: Buffer.from('g') }],
      device,
      2,
    );
    expect(rotated).toEqual({ ok: true, value: 2 });
  });
});
