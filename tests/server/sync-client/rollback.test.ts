// The real server's SQLite file restored from an older copy (a backup put back after a disk
// failure) while client devices had synced past it. The devices notice (their cursor is not
// in the restored history), start over from 0 and push again what the server lost: after
// the sync nothing acknowledged is missing — on the devices, and for a device that joins
// afterwards from the server alone. Also when a device pushes after the restore before the
// others come back.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../sync/server-process.js';
import { conflictsOf } from '../../../src/sync/merge.js';
import {
  createTeamDevice,
  joinDevice,
  person,
  routedFetch,
  settle,
  type ClientDevice,
} from './client-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

/** Copies the SQLite database files (with WAL and shared memory, if any) from → to. */
async function copyDatabase(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(to)) {
    if (name.startsWith('lotse.sqlite')) await rm(join(to, name));
  }
  for (const name of await readdir(from)) {
    if (name.startsWith('lotse.sqlite')) await copyFile(join(from, name), join(to, name));
  }
}

const byId = (device: ClientDevice, id: string) =>
  [...device.store.records().values()].find((record) => record.id === id);

describe('a server restored from an older copy of its SQLite file', () => {
  it('gets back everything the devices had seen acknowledged; nothing is skipped', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lotse-rollback-'));
    const backupDir = join(dataDir, 'backup');
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = {
      DATA_DIR: dataDir,
      LOTSE_STATIC_DIR: dataDir,
      DATABASE_URL: '',
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_SECOND: '100000',
    };
    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(() => server.stop());
    const options = { fetch: routedFetch(() => server.baseUrl), pageSize: 3 };
    const a = await createTeamDevice('http://lotse.invalid', options);
    const b = await joinDevice('http://lotse.invalid', a, options);

    const [p1, p2, p3] = [
      person(),
      person({ givenNames: 'Karim' }),
      person({ givenNames: 'Olena' }),
    ];
    for (const record of [p1, p2, p3]) a.store.write('person', record);
    await settle(a);
    await settle(b);

    // The backup: the server stopped cleanly, its file copied.
    await server.stop();
    await copyDatabase(dataDir, backupDir);
    server = await startServerProcess(env);

    // After the backup: an edit, a delete and new records from both devices, all synced.
    const p4 = person({ givenNames: 'Yusuf' });
    const p5 = person({ givenNames: 'Leyla' });
    a.store.write('person', { ...p1, phone: '0151 111' });
    a.store.write('person', { ...p3, deleted: true });
    a.store.write('person', p4);
    await settle(a);
    b.store.write('person', p5);
    await settle(b);
    await settle(a);
    expect(byId(a, p5.id)).toBeDefined();
    expect(byId(b, p4.id)).toBeDefined();

    // The disk fails; the backup is put back.
    await server.stop();
    await copyDatabase(backupDir, dataDir);
    server = await startServerProcess(env);

    // B comes back first with a new record: the server refuses the push (B's cursor is not in
    // its history), B starts over and pushes what the server lost, then its new record.
    const p6 = person({ givenNames: 'Samira' });
    b.store.write('person', p6);
    await settle(b);
    await settle(a);
    await settle(b);

    for (const device of [a, b]) {
      expect(byId(device, p1.id)?.phone).toBe('0151 111');
      expect(byId(device, p2.id)).toBeDefined();
      expect(byId(device, p3.id)?.deleted).toBe(true);
      for (const record of [p4, p5, p6]) expect(byId(device, record.id)).toBeDefined();
      for (const record of device.store.records().values()) expect(conflictsOf(record)).toEqual([]);
      expect(await device.store.outboxCount()).toBe(0);
    }
    expect(b.store.records()).toEqual(a.store.records());

    // The server holds it all again: a device that joins now gets the same book.
    const c = await joinDevice('http://lotse.invalid', a, options);
    await settle(c);
    expect(c.store.records()).toEqual(a.store.records());
  }, 120_000);
});
