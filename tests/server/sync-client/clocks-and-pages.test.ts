// Device clocks do not matter: cursors are the server's sequence numbers, and merging never
// trusts timestamps. And a batch that exactly fills a pull page needs one request, not two.
import { describe, expect, it } from 'vitest';
import { backends, useSyncServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice, person, settle } from './client-harness.js';

const hour = 3600_000;
const year = 365 * 24 * hour;

describe.each(backends)('clocks and pages on %s', (backend) => {
  const server = useSyncServer(backend);

  it('syncs devices whose clocks are off by +1 year, +1 hour and -1 hour', async () => {
    const future = await createTeamDevice(server.baseUrl, { now: () => Date.now() + year });
    const ahead = await joinDevice(server.baseUrl, future, { now: () => Date.now() + hour });
    const behind = await joinDevice(server.baseUrl, future, { now: () => Date.now() - hour });
    const stamp = (offset: number) => new Date(Date.now() + offset).toISOString();

    const record = person({ phone: '1', updatedAt: stamp(year) });
    future.store.write('person', record);
    await settle(future);
    await settle(ahead);
    await settle(behind);
    // The device a year behind the first edits later in real time, with an "older" timestamp:
    // its edit wins because it is newer on the server, not because of its clock.
    behind.store.write('person', { ...record, phone: '2', updatedAt: stamp(-hour) });
    await settle(behind);
    ahead.store.write('person', person({ familyName: 'Ahead', updatedAt: stamp(hour) }));
    await settle(ahead);
    for (const device of [future, ahead, behind]) await settle(device);

    const session = await future.transport.session();
    const seq = session.ok ? session.value.seq : -1;
    expect(seq).toBe(3);
    for (const device of [future, ahead, behind]) {
      expect((await device.store.getMeta()).cursor).toBe(seq);
      expect(device.store.records().get(`person/${record.id}`)?.phone).toBe('2');
      expect(device.store.records()).toEqual(future.store.records());
    }
    // lastSyncedAt is the device's own clock: display only, never a cursor.
    expect((await future.store.getMeta()).lastSyncedAt?.slice(0, 4)).toBe(
      String(new Date(Date.now() + year).getUTCFullYear()),
    );
  });

  it('pulls a batch that exactly fills a page with one request, then the next change', async () => {
    const a = await createTeamDevice(server.baseUrl, { batchSize: 10 });
    const pulls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('/sync/pull')) pulls.push(String(input).split('?')[1] ?? '');
      return fetch(input, init);
    };
    const b = await joinDevice(server.baseUrl, a, { pageSize: 10, fetch: counting });
    for (let i = 0; i < 10; i++) a.store.write('person', person({ phone: `${i}` }));
    await settle(a);

    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 10 } });
    expect(pulls).toEqual(['after=0&limit=10']);
    expect((await b.store.getMeta()).cursor).toBe(10);

    const late = person({ familyName: 'Later' });
    a.store.write('person', late);
    await settle(a);
    pulls.length = 0;
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 1 } });
    // With the changeId of the record at the cursor (the server's rollback check).
    expect(pulls).toEqual([expect.stringMatching(/^after=10&limit=10&afterChange=[0-9a-f-]{36}$/)]);
    expect(b.store.records().get(`person/${late.id}`)).toEqual(late);

    // Twenty more: two full pages, the first says there is more, the second does not.
    for (let i = 0; i < 20; i++) a.store.write('person', person({ phone: `x${i}` }));
    await settle(a);
    pulls.length = 0;
    await settle(b);
    expect(pulls.map((query) => query.replace(/&afterChange=[0-9a-f-]{36}$/, ''))).toEqual([
      'after=11&limit=10',
      'after=21&limit=10',
    ]);
    expect(b.store.records()).toEqual(a.store.records());
  });
});
