// A server restored from an older backup: the devices notice (pull's cursor check, a push
// meeting a revision below its base, the long-poll's seq going back), start over from 0 and
// push again what the server lost — nothing acknowledged is lost, nothing is skipped.
import { describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import { startEventsLoop, ROLLBACK_PAUSE_MS } from '../../../src/sync/events-loop';
import type { RecordShadow, SyncRecord } from '../../../src/sync/local-store';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { mergeBaseFor, rolledBackShadow, seenWith } from '../../../src/sync/rollback';
import type { Transport } from '../../../src/sync/transport';
import {
  createMemoryServer,
  memoryTransport,
  type Fault,
  type MemoryServer,
} from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const idOf = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const at = '2026-11-22T10:00:00.000Z';
const person = (n: number, fields: Record<string, unknown> = {}): SyncRecord => ({
  id: idOf(n),
  createdAt: at,
  updatedAt: at,
  deleted: false,
  familyName: `Name ${n}`,
  phone: '',
  email: '',
  ...fields,
});

function device(server: MemoryServer, keyring: Keyring, pageSize?: number) {
  const store = createMemoryLocalStore();
  const engine = createSyncEngine({
    store,
    transport: memoryTransport(server),
    codec: createRecordCodec(() => keyring),
    pullPageSize: pageSize,
  });
  const sync = async () => {
    const run = await engine.syncOnce();
    if (!run.ok) throw new Error(run.code);
    return run.value;
  };
  const get = (n: number) => store.records().get(`person/${idOf(n)}`);
  const edit = (n: number, fields: Record<string, unknown>) =>
    store.write('person', { ...get(n)!, ...fields });
  return { store, sync, get, edit };
}

async function team(pageSize?: number) {
  const keyring = await createKeyring(TEAM);
  const server = createMemoryServer();
  return { server, a: device(server, keyring, pageSize), b: device(server, keyring, pageSize) };
}

/** The ids the server holds. */
const serverIds = (server: MemoryServer) =>
  server
    .records()
    .map((r) => r.id)
    .sort();

describe('merge base after a rollback', () => {
  const base = person(1, { phone: 'acked' });
  const seen = ['c1', 'c2', 'c3'];
  it('the server behind what it acknowledged, at a change we saw: our version wins', () => {
    expect(mergeBaseFor({ rev: 5, base, unacked: [], seen }, person(1), 3, 'c2')).toEqual(
      person(1),
    );
    const rolledBack = { rev: 0, base, unacked: [], rolledBackFrom: 5, seen };
    expect(mergeBaseFor(rolledBack, person(1), 4, 'c3')).toEqual(person(1));
  });
  it('a lower revision we never saw is new content (revisions reused): no base', () => {
    const rolledBack = { rev: 0, base, unacked: [], rolledBackFrom: 5, seen };
    expect(mergeBaseFor(rolledBack, person(1), 2, 'other-device')).toBeNull();
    expect(mergeBaseFor({ rev: 5, base, unacked: [], seen }, person(1), 3, 'x')).toBeNull();
    // A shadow stored before `seen` existed knows nothing: no base either.
    expect(mergeBaseFor({ rev: 5, base, unacked: [] }, person(1), 3, 'c2')).toBeNull();
  });
  it('the same version as acknowledged: the usual base; anything else: none', () => {
    const shadow = { rev: 0, base, unacked: [], rolledBackFrom: 5 };
    expect(mergeBaseFor(shadow, base, 5, 'c5')).toBe(base);
    expect(mergeBaseFor(shadow, person(1, { phone: 'other' }), 5, 'c5')).toBeNull();
    expect(mergeBaseFor(shadow, person(1, { phone: 'other' }), 7, 'c7')).toBeNull();
    expect(mergeBaseFor({ rev: 5, base, unacked: [] }, person(1), 7, 'c7')).toBe(base);
  });
  it('remembers the last 20 changes seen, each once', () => {
    let shadow: RecordShadow = { rev: 0, base: null, unacked: [] };
    for (let n = 1; n <= 25; n += 1) shadow = { ...shadow, seen: seenWith(shadow, `c${n}`) };
    expect(shadow.seen).toHaveLength(20);
    expect(shadow.seen?.[0]).toBe('c6');
    expect(seenWith(shadow, 'c10').filter((id) => id === 'c10')).toHaveLength(1);
    expect(seenWith(shadow, 'c10').at(-1)).toBe('c10');
  });
  it('a record never acknowledged has nothing to restart', () => {
    expect(rolledBackShadow({ rev: 0, base: null, unacked: [] })).toBeNull();
    expect(rolledBackShadow({ rev: 3, base, unacked: [] })).toMatchObject({
      rev: 0,
      rolledBackFrom: 3,
    });
  });
});

describe('a server restored from an older backup', () => {
  it('gets back everything it had acknowledged; the other device catches up', async () => {
    const { server, a, b } = await team();
    for (const n of [1, 2, 3]) a.store.write('person', person(n));
    await a.sync();
    await b.sync();
    const restore = server.backup();

    a.edit(1, { phone: '0151 1' });
    a.edit(3, { deleted: true });
    a.store.write('person', person(4));
    await a.sync();
    await b.sync();
    expect(b.get(1)?.phone).toBe('0151 1');
    restore();
    expect(serverIds(server)).toEqual([idOf(1), idOf(2), idOf(3)]);

    // A has nothing pending: only the cursor check can tell.
    expect(await a.store.outboxCount()).toBe(0);
    await a.sync();
    await a.sync();
    await b.sync();
    expect(serverIds(server)).toEqual([idOf(1), idOf(2), idOf(3), idOf(4)]);
    for (const d of [a, b]) {
      expect(d.get(1)?.phone).toBe('0151 1');
      expect(d.get(3)?.deleted).toBe(true);
      expect(d.get(4)).toBeDefined();
      for (const record of d.store.records().values()) expect(conflictsOf(record)).toEqual([]);
      expect(await d.store.outboxCount()).toBe(0);
    }
    expect(b.store.records()).toEqual(a.store.records());
    expect((await a.store.getMeta()).cursor).toBe(server.seq());
  });

  it('skips nothing another device pushed after the restore, past our old cursor', async () => {
    const { server, a, b } = await team(3);
    a.store.write('person', person(1));
    await a.sync();
    await b.sync();
    const restore = server.backup(); // seq 1
    for (let n = 2; n <= 6; n += 1) a.store.write('person', person(n));
    await a.sync(); // A's cursor: 6
    restore();
    // B never saw 2–6; it pushes seven new records: the server's seq passes A's cursor.
    for (let n = 10; n <= 16; n += 1) b.store.write('person', person(n));
    await b.sync();
    expect(server.seq()).toBeGreaterThan((await a.store.getMeta()).cursor);

    await a.sync();
    await b.sync();
    for (const n of [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16]) {
      expect(a.get(n), `A has ${n}`).toBeDefined();
      expect(b.get(n), `B has ${n}`).toBeDefined();
    }
    expect(b.store.records()).toEqual(a.store.records());
    expect(serverIds(server)).toHaveLength(13);
  });

  it('a lost edit and an edit made after the restore on the same record are both kept', async () => {
    const { server, a, b } = await team();
    a.store.write('person', person(1));
    await a.sync();
    await b.sync();
    const restore = server.backup();
    a.edit(1, { phone: 'from A' });
    await a.sync();
    restore();
    b.edit(1, { email: 'from B' }); // B had not seen A's edit
    await b.sync();

    // A pushes first in its run: its push meets a revision it cannot have based on.
    a.edit(1, { familyName: 'Haidari' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const record = d.get(1)!;
      const kept = conflictsOf(record).map((c) => c.kept);
      // No common base is known: what differs is kept as a conflict, never decided silently.
      expect([record.familyName, ...kept]).toContain('Haidari');
      expect([record.phone, ...kept]).toContain('from A');
      expect([record.email, ...kept]).toContain('from B');
    }
    expect(b.store.records()).toEqual(a.store.records());
  });

  it('the long-poll asks for a sync and pauses when the seq goes back', async () => {
    // The server answers seq 2 while we know 9; later answers never come (a waiting poll).
    const answers = [
      { seq: 2, changed: true },
      { seq: 2, changed: false },
    ];
    const afters: number[] = [];
    const transport: Transport = {
      ...memoryTransport(createMemoryServer()),
      events: async (after) => {
        afters.push(after);
        const answer = answers.shift();
        return answer ? { ok: true, value: answer } : new Promise(() => undefined);
      },
    };
    const pauses: number[] = [];
    let known = 9;
    let changes = 0;
    const loop = startEventsLoop({
      transport,
      cursor: async () => known,
      onChange: () => {
        changes += 1;
        known = 2; // the sync started over and caught up
      },
      timers: {
        setTimeout: (callback: () => void, ms: number) => {
          pauses.push(ms);
          return setTimeout(callback, 0);
        },
        clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    loop.stop();
    expect(changes).toBe(1);
    expect(pauses).toEqual([ROLLBACK_PAUSE_MS]);
    expect(afters).toEqual([9, 2, 2]);
  });
});

describe('restores the revision numbers and the cursor check cannot tell apart', () => {
  it("another device's edit at a reused revision below ours is kept or flagged", async () => {
    const { server, a, b } = await team();
    a.store.write('person', person(1));
    await a.sync();
    await b.sync();
    const restore = server.backup(); // rev 1
    a.edit(1, { phone: 'A1' });
    await a.sync(); // rev 2
    a.edit(1, { familyName: 'Haidari' });
    await a.sync(); // rev 3
    restore();
    // B, offline since rev 1, edits after the restore: rev 2 again, with new content.
    b.edit(1, { email: 'b@example.org' });
    await b.sync();
    for (let round = 0; round < 3; round += 1) {
      await a.sync();
      await b.sync();
    }
    for (const d of [a, b]) {
      const record = d.get(1)!;
      const kept = conflictsOf(record).map((c) => c.kept);
      expect([record.email, ...kept]).toContain('b@example.org');
      expect([record.phone, ...kept]).toContain('A1');
      expect([record.familyName, ...kept]).toContain('Haidari');
    }
    expect(b.store.records()).toEqual(a.store.records());
  });

  for (const othersPushFirst of [false, true]) {
    const after = othersPushFirst ? ', and others pushed past it since' : '';
    it(`an acknowledged push not pulled yet survives a backup at our cursor${after}`, async () => {
      const keyring = await createKeyring(TEAM);
      const server = createMemoryServer();
      let pullFault: Fault = 'none';
      const store = createMemoryLocalStore();
      const engine = createSyncEngine({
        store,
        transport: memoryTransport(server, (op) => (op === 'pull' ? pullFault : 'none')),
        codec: createRecordCodec(() => keyring),
      });
      const b = device(server, keyring);
      store.write('person', person(1));
      expect((await engine.syncOnce()).ok).toBe(true);
      await b.sync();
      const restore = server.backup();
      expect((await store.getMeta()).cursor).toBe(server.seq());

      store.write('person', person(1, { phone: '0151 acked' }));
      store.write('person', person(2));
      pullFault = 'lose-request'; // the server dies right after acknowledging the push
      expect((await engine.syncOnce()).ok).toBe(false);
      expect(await store.outboxCount()).toBe(0); // both acknowledged
      expect((await store.getMeta()).ackedSeq).toBe(3);
      pullFault = 'none';
      restore(); // seq 1: our cursor is still in its history
      if (othersPushFirst) {
        // The server's seq passes what it had acknowledged: only the changeId tells.
        for (const n of [10, 11, 12]) b.store.write('person', person(n));
        await b.sync();
        expect(server.seq()).toBeGreaterThan(3);
      }

      expect((await engine.syncOnce()).ok).toBe(true);
      await b.sync();
      const ids = othersPushFirst ? [1, 2, 10, 11, 12] : [1, 2];
      expect(serverIds(server)).toEqual(ids.map(idOf));
      expect(b.get(2)).toBeDefined();
      expect(b.get(1)?.phone).toBe('0151 acked');
      expect(await store.outboxCount()).toBe(0);
      expect(b.store.records()).toEqual(store.records());
    });
  }
});
