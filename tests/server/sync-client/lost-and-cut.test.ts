// Bad networks, with the client's real engine against the real server: a push whose response
// is lost after the server committed it, a connection cut in the middle of a pull page, and
// a request body cut mid-upload. Nothing is lost, nothing is duplicated, the next run heals.
// Each on the in-memory store and on the app's Dexie store (local-books.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src/shared/sync-protocol.js';
import { backends, call, useSyncServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice, settle } from './client-harness.js';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js';
import { createLocalBook, deleteLocalBooks, localStores } from './local-books.js';

const cases = backends.flatMap((backend) => localStores.map((kind) => [backend, kind] as const));

describe.each(cases)('lost responses and cut connections on %s, %s store', (backend, kind) => {
  const server = useSyncServer(backend);
  let proxy: CuttingProxy;
  beforeAll(async () => {
    proxy = await startCuttingProxy(server.port);
  });
  afterAll(() => proxy.close());
  afterEach(deleteLocalBooks);

  it('retries a push whose response was lost after the commit, without duplicates', async () => {
    let loseNextPush = true;
    let pushes = 0;
    const book = await createLocalBook(kind);
    const a = await createTeamDevice(server.baseUrl, {
      store: book.store,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).endsWith('/sync/push')) {
          pushes += 1;
          const bytes = await response.arrayBuffer(); // the server answered: committed
          if (loseNextPush) {
            loseNextPush = false;
            throw new TypeError('response lost on the way back');
          }
          return new Response(bytes, { status: response.status, headers: response.headers });
        }
        return response;
      },
    });
    for (const fields of [{}, { familyName: 'Öztürk' }, {}]) await book.addPerson(fields);
    expect((await book.persons()).size).toBe(3);

    const first = await a.engine.syncOnce();
    expect(first).toMatchObject({ ok: false, code: 'network-error' });
    expect(await a.store.outboxCount()).toBe(3);
    const committed = await a.transport.session();
    expect(committed.ok && committed.value.seq).toBe(3);

    await settle(a);
    expect(pushes).toBe(2);
    expect(await a.store.outboxCount()).toBe(0);
    const page = await call<PullResponse>(server.baseUrl, 'GET', '/api/v1/sync/pull?after=0', {
      token: a.creds.deviceToken,
    });
    // Each record once, at revision 1: the retry was recognised, not applied again.
    expect(page.body.records.map((r) => r.rev)).toEqual([1, 1, 1]);
    expect((await a.store.getMeta()).cursor).toBe(3);

    const other = await createLocalBook(kind);
    const b = await joinDevice(server.baseUrl, a, { store: other.store });
    await settle(b);
    expect(await other.persons()).toEqual(await book.persons());
  });

  it('survives a connection cut in the middle of a pull page', async () => {
    const book = await createLocalBook(kind);
    const a = await createTeamDevice(server.baseUrl, { store: book.store });
    for (let i = 0; i < 30; i++) await book.addPerson({ phone: `+49 ${i}` });
    await settle(a);
    const other = await createLocalBook(kind);
    const b = await joinDevice(proxy.baseUrl, a, { store: other.store, pageSize: 10 });

    // The second page breaks half-way through its body.
    const cutsBefore = proxy.cuts();
    proxy.cutNext({ match: /sync\/pull\?after=10&/, direction: 'response', afterBytes: 3000 });
    const broken = await b.engine.syncOnce();
    expect(broken).toMatchObject({ ok: false, code: 'network-error' });
    expect(proxy.cuts()).toBe(cutsBefore + 1);
    // The first page and its cursor were stored together; nothing of the cut page.
    expect((await b.store.getMeta()).cursor).toBe(10);
    expect((await other.persons()).size).toBe(10);

    const healed = await b.engine.syncOnce();
    expect(healed).toMatchObject({ ok: true, value: { pulled: 20, pending: 0 } });
    expect((await b.store.getMeta()).cursor).toBe(30);
    expect(await other.persons()).toEqual(await book.persons());
  });

  it('survives a push whose request body is cut on the way', async () => {
    const book = await createLocalBook(kind);
    const a = await createTeamDevice(proxy.baseUrl, { store: book.store, batchSize: 50 });
    for (let i = 0; i < 50; i++) await book.addPerson({ placeOfBirth: 'x'.repeat(500) });
    proxy.cutNext({ match: /sync\/push/, direction: 'request', afterBytes: 8000 });
    expect(await a.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    const session = await a.transport.session();
    expect(session.ok && session.value.seq).toBe(0); // a half request commits nothing
    await settle(a);
    expect((await a.transport.session()).ok).toBe(true);
    expect((await a.store.getMeta()).cursor).toBe(50);
  });
});
