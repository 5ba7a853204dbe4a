// A malicious or broken server: a ciphertext changed in the database, and one record's
// ciphertext swapped for another's. The client refuses both (crypto-tampered), reports them,
// applies everything else, and keeps syncing; a later honest version heals the record.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openPostgresDriver } from '../../../src/server/sync/store/postgres-driver.js';
import type { SqlDriver } from '../../../src/server/sync/store/sql-driver.js';
import { openSqliteDriver } from '../../../src/server/sync/store/sqlite-driver.js';
import { sqliteFileName } from '../../../src/server/sync/store/sync-store.js';
import { deriveSyncStatus } from '../../../src/sync/status.js';
import { backends, useSyncServer, type SyncTestServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice, person, settle } from './client-harness.js';

/** A second connection to the server's database: what an attacker with the disk can do. */
const database = (server: SyncTestServer): SqlDriver =>
  server.databaseUrl
    ? openPostgresDriver(server.databaseUrl, 1)
    : openSqliteDriver(join(server.dataDir, sqliteFileName));

describe.each(backends)('tampered ciphertext on %s', (backend) => {
  const server = useSyncServer(backend);

  it('rejects and reports tampered and swapped records, and sync goes on', async () => {
    const a = await createTeamDevice(server.baseUrl);
    const [flipped, swapped, donor, fine] = [person(), person(), person(), person()];
    for (const record of [flipped, swapped, donor, fine]) a.store.write('person', record);
    await settle(a);

    const db = database(server);
    try {
      const row = await db.get('SELECT ciphertext FROM records WHERE id = ?', [flipped.id]);
      const bytes = Buffer.from(row?.ciphertext as Uint8Array);
      bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0x01;
      await db.run('UPDATE records SET ciphertext = ? WHERE id = ?', [bytes, flipped.id]);
      await db.run(
        'UPDATE records SET ciphertext = (SELECT ciphertext FROM records WHERE id = ?) WHERE id = ?',
        [donor.id, swapped.id],
      );
    } finally {
      await db.close();
    }

    const b = await joinDevice(server.baseUrl, a);
    const run = await b.engine.syncOnce();
    expect(run.ok).toBe(true);
    const problems = await b.store.problems();
    expect(problems.map((p) => [p.id, p.code]).sort()).toEqual(
      [
        [flipped.id, 'crypto-tampered'],
        [swapped.id, 'crypto-tampered'],
      ].sort(),
    );
    expect(b.store.records().has(`person/${fine.id}`)).toBe(true);
    expect(b.store.records().has(`person/${donor.id}`)).toBe(true);
    expect(b.store.records().has(`person/${swapped.id}`)).toBe(false);
    expect((await b.store.getMeta()).cursor).toBe(4);
    const status = deriveSyncStatus({
      online: true,
      pending: await b.store.outboxCount(),
      lastSyncedAt: (await b.store.getMeta()).lastSyncedAt,
      lastFailure: null,
      problems,
      conflictedRecords: 0,
    });
    expect(status).toEqual({
      state: 'needs-attention',
      reasons: ['records-unreadable'],
      pending: 0,
    });

    // Sync continues: A edits the damaged record (CAS on the server's revision); B heals.
    a.store.write('person', { ...flipped, phone: '+49 30 1234' });
    a.store.write('person', { ...fine, phone: '+49 40 5678' });
    await settle(a);
    await settle(b);
    expect(b.store.records().get(`person/${flipped.id}`)?.phone).toBe('+49 30 1234');
    expect(b.store.records().get(`person/${fine.id}`)?.phone).toBe('+49 40 5678');
    expect((await b.store.problems()).map((p) => p.id)).toEqual([swapped.id]);
  });
});
