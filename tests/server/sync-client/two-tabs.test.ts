// Two tabs of the app on one device: two sync clients over one local store (on Dexie, each
// tab with its own connection to the same database). Only one syncs at a time (sync-lock.ts). Node has no Web Locks, so the lock manager here is a small real
// implementation of the part of navigator.locks the app uses (exclusive, ifAvailable) — the
// browser's own is exercised only in Playwright.
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import { createSyncClient } from '../../../src/sync/sync-client.js';
import { createSyncLock, type LockManagerLike } from '../../../src/sync/sync-lock.js';
import { useSyncServer } from '../sync/harness.js';
import { createTeamDevice, deviceOn, person, settle } from './client-harness.js';
import { createLocalBook, deleteLocalBooks, localStores } from './local-books.js';

function createLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, options, callback) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        throw new Error('only ifAvailable requests are modelled');
      }
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe.each(localStores)('two tabs, one %s store (sqlite)', (kind) => {
  const server = useSyncServer('sqlite');
  afterEach(deleteLocalBooks);

  it('lets only one tab sync at a time, and nothing is sent twice', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const requests = { a: 0, b: 0 };
    const tracked =
      (tab: 'a' | 'b'): typeof fetch =>
      async (input, init) => {
        requests[tab] += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          const response = await fetch(input, init);
          return new Response(await response.arrayBuffer(), {
            status: response.status,
            headers: response.headers,
          });
        } finally {
          inFlight -= 1;
        }
      };
    const book = await createLocalBook(kind);
    const first = await createTeamDevice(server.baseUrl, { store: book.store });
    const tabA = deviceOn(server.baseUrl, first.creds, first.member, first.keys.keyring, {
      fetch: tracked('a'),
      store: first.store,
      batchSize: 5,
    });
    const tabB = deviceOn(server.baseUrl, first.creds, first.member, first.keys.keyring, {
      fetch: tracked('b'),
      store: await book.otherTab(),
      batchSize: 5,
    });
    for (let i = 0; i < 40; i++) await book.addPerson({ phone: `${i}` });

    const locks = createLocks();
    const client = (tab: typeof tabA) =>
      createSyncClient({
        store: tab.store,
        transport: tab.transport,
        codec: createRecordCodec(() => tab.keys.keyring),
        pushBatchSize: 5,
        withLock: createSyncLock(locks),
        listen: false,
      });
    const a = client(tabA);
    const b = client(tabB);
    a.start();
    b.start(); // while A holds the lock: B skips its run instead of syncing alongside
    await Promise.all([a.idle(), b.idle()]);
    a.stop();
    b.stop();

    expect(maxInFlight).toBe(1);
    expect(requests.a).toBeGreaterThan(8);
    expect(requests.b).toBe(0);
    expect(await first.store.outboxCount()).toBe(0);
    const session = await tabA.transport.session();
    expect(session.ok && session.value.seq).toBe(40);

    // Once A is done, B syncs normally (another device's change arrives through B).
    const other = deviceOn(server.baseUrl, first.creds, first.member, first.keys.keyring);
    other.store.write('person', person({ familyName: 'Neu' }));
    await settle(other);
    await settle(tabB);
    expect(requests.b).toBeGreaterThan(0);
    expect((await book.persons()).size).toBe(41);
  });
});
