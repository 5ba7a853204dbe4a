// The real server process killed with SIGKILL while three client engines push bursts, then
// restarted on the same data: everything a client saw acknowledged (gone from its outbox) is
// there, the clients finish their sync, and every record exists exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../helpers/postgres.js';
import { backends, type Backend } from '../sync/harness.js';
import { startServerProcess, type ServerProcess } from '../sync/server-process.js';
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

async function environment(backend: Backend): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lotse-client-kill-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOTSE_STATIC_DIR: dataDir,
    DATABASE_URL: '',
    RATE_LIMIT_BURST: '100000',
    RATE_LIMIT_PER_SECOND: '100000',
  };
  if (backend === 'postgres') {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}

const acknowledged = async (device: ClientDevice): Promise<string[]> => {
  const ids: string[] = [];
  for (const id of device.store.records().keys()) {
    const [kind = '', recordId = ''] = id.split('/');
    if ((await device.store.outboxSeqOf(kind, recordId)) === null) ids.push(recordId);
  }
  return ids;
};

describe.each(backends)('client engines and a SIGKILLed server on %s', (backend) => {
  it('loses nothing acknowledged and duplicates nothing after the restart', async () => {
    const env = await environment(backend);
    let current: ServerProcess = await startServerProcess(env);
    const fetchNow = routedFetch(() => current.baseUrl);
    const options = { fetch: fetchNow, batchSize: 5 };
    const admin = await createTeamDevice('http://lotse.invalid', options);
    const devices = [
      admin,
      await joinDevice('http://lotse.invalid', admin, options),
      await joinDevice('http://lotse.invalid', admin, options),
    ];
    for (const device of devices) {
      for (let i = 0; i < 120; i++) device.store.write('person', person({ phone: `${i}` }));
    }
    const runs = devices.map((device) => device.engine.syncOnce());
    while ((await Promise.all(devices.map(acknowledged))).flat().length < 60) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await current.kill();
    const results = await Promise.all(runs);
    expect(results.every((r) => !r.ok && r.code === 'network-error')).toBe(true);
    const acked = (await Promise.all(devices.map(acknowledged))).flat();
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(acked.length).toBeLessThan(360);

    current = await startServerProcess(env);
    cleanups.push(() => current.stop());
    // A fresh device sees every acknowledged record before anyone syncs again.
    const observer = await joinDevice('http://lotse.invalid', admin, { fetch: fetchNow });
    await settle(observer);
    const seen = new Set([...observer.store.records().values()].map((r) => r.id));
    for (const id of acked) expect(seen.has(id)).toBe(true);

    for (const device of devices) await settle(device);
    // A second round brings each device what the others pushed after it.
    for (const device of [...devices, observer]) await settle(device);
    expect(observer.store.records().size).toBe(360);
    for (const device of devices) expect(device.store.records()).toEqual(observer.store.records());
    const session = await observer.transport.session();
    // Exactly one accepted change per record: the retries after the kill added nothing twice.
    expect(session.ok && session.value.seq).toBe(360);
  }, 120_000);
});
