// The real server process killed with SIGKILL while three client engines push bursts, then
// restarted on the same data: everything a client saw acknowledged (gone from its outbox) is
// there, the clients finish their sync, and every record exists exactly once. On the
// in-memory store and on the app's Dexie store (local-books.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../sync/harness.js';
import {
  createServerData,
  startServerProcess,
  type ServerProcess,
} from '../sync/server-process.js';
import type { LocalStore } from '../../../src/sync/local-store.js';
import {
  createTeamDevice,
  joinDevice,
  routedFetch,
  settle,
  type ClientDevice,
} from './client-harness.js';
import { createLocalBook, deleteLocalBooks, localStores, type LocalBook } from './local-books.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await deleteLocalBooks();
}, 60_000);

type Device = { device: ClientDevice<LocalStore>; book: LocalBook };

const acknowledged = async ({ device, book }: Device): Promise<string[]> => {
  const ids: string[] = [];
  for (const id of (await book.persons()).keys()) {
    if ((await device.store.outboxSeqOf('person', id)) === null) ids.push(id);
  }
  return ids;
};

const cases = backends.flatMap((backend) => localStores.map((kind) => [backend, kind] as const));

describe.each(cases)('client engines and a SIGKILLed server on %s, %s store', (backend, kind) => {
  it('loses nothing acknowledged and duplicates nothing after the restart', async () => {
    const data = await createServerData(backend);
    cleanups.push(data.remove);
    const { env } = data;
    let current: ServerProcess = await startServerProcess(env);
    const fetchNow = routedFetch(() => current.baseUrl);
    const options = { fetch: fetchNow, batchSize: 5 };
    const onBook = async (join: (store: LocalStore) => Promise<ClientDevice<LocalStore>>) => {
      const book = await createLocalBook(kind);
      return { device: await join(book.store), book };
    };
    const admin = await onBook((store) =>
      createTeamDevice('http://lotse.invalid', { ...options, store }),
    );
    const join = (store: LocalStore) =>
      joinDevice('http://lotse.invalid', admin.device, { ...options, store });
    const devices = [admin, await onBook(join), await onBook(join)];
    for (const { book } of devices) {
      for (let i = 0; i < 120; i++) await book.addPerson({ phone: `${i}` });
    }
    const runs = devices.map(({ device }) => device.engine.syncOnce());
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
    const observer = await onBook(join);
    await settle(observer.device);
    const seen = await observer.book.persons();
    for (const id of acked) expect(seen.has(id)).toBe(true);

    for (const { device } of devices) await settle(device);
    // A second round brings each device what the others pushed after it.
    for (const { device } of [...devices, observer]) await settle(device);
    const all = await observer.book.persons();
    expect(all.size).toBe(360);
    for (const { book } of devices) expect(await book.persons()).toEqual(all);
    const session = await observer.device.transport.session();
    // Exactly one accepted change per record: the retries after the kill added nothing twice.
    expect(session.ok && session.value.seq).toBe(360);
  }, 120_000);
});
