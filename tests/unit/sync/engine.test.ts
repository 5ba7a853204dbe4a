import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64 } from '../../../src/crypto/bytes';
import { rotateEpoch } from '../../../src/crypto/key-epochs';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import type { LocalStore } from '../../../src/sync/local-store';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import {
  createMemoryServer,
  memoryTransport,
  type Fault,
  type MemoryServer,
} from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const idOf = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function device(
  server: MemoryServer,
  keyring: Keyring,
  options: { fault?: (op: 'push' | 'pull') => Fault; pageSize?: number; batchSize?: number } = {},
) {
  const store = createMemoryLocalStore();
  const transport = memoryTransport(server, options.fault);
  const engine = createSyncEngine({
    store,
    transport,
    codec: createRecordCodec(() => keyring),
    pullPageSize: options.pageSize,
    pushBatchSize: options.batchSize,
  });
  return { store, transport, engine };
}

const person = (n: number, fields: Record<string, unknown> = {}) => ({
  id: idOf(n),
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
  familyName: `Name ${n}`,
  givenNames: 'Amina',
  phone: '',
  ...fields,
});

describe('sync engine', () => {
  it('pushes the outbox encrypted and another device pulls it', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    const b = device(server, keyring);
    a.store.write('person', person(1));
    a.store.write('case', { id: idOf(2), label: 'Familie Haidari', deleted: false });

    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pushed: 2, pending: 0 } });
    expect(await a.store.outboxCount()).toBe(0);
    expect((await a.store.getMeta()).lastSyncedAt).not.toBeNull();
    // The server holds ciphertext only.
    for (const record of server.records()) {
      const bytes = fromBase64Url(record.ciphertext) ?? new Uint8Array();
      expect(new TextDecoder().decode(bytes)).not.toMatch(/Haidari|Amina/);
    }

    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 2 } });
    expect(b.store.records()).toEqual(a.store.records());
    expect((await b.store.getMeta()).cursor).toBe(2);
  });

  it('retries after a lost response without duplicating anything', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    let lose = true;
    const a = device(server, keyring, {
      fault: (op) => (op === 'push' && lose ? ((lose = false), 'lose-response') : 'none'),
    });
    a.store.write('person', person(1));

    expect(await a.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    expect(server.records()).toHaveLength(1); // the server committed it
    expect(await a.store.outboxCount()).toBe(1); // but the device does not know yet

    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(server.seq()).toBe(1); // the retry reused the changeId: no second revision
    expect(server.records()[0]?.rev).toBe(1);
    expect(conflictsOf(a.store.records().get(`person/${idOf(1)}`)!)).toEqual([]);
  });

  it('recognises its own change after a lost response even when edited again meanwhile', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    let lose = true;
    const a = device(server, keyring, {
      fault: (op) => (op === 'push' && lose ? ((lose = false), 'lose-response') : 'none'),
    });
    a.store.write('person', person(1, { phone: '0151 1' }));
    await a.engine.syncOnce();
    a.store.write('person', person(1, { phone: '0151 2' }));
    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(server.records()[0]?.rev).toBe(2);
    const b = device(server, keyring);
    await b.engine.syncOnce();
    const record = b.store.records().get(`person/${idOf(1)}`)!;
    expect(record.phone).toBe('0151 2');
    expect(conflictsOf(record)).toEqual([]); // no false conflict with itself
  });

  it('a record edited while its push was out does not hold up the rest of the batch', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    const b = device(server, keyring);
    for (const n of [1, 2]) a.store.write('person', person(n));
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    // B changes the phone of both; A, not yet knowing, their names: both pushes conflict.
    for (const n of [1, 2]) b.store.write('person', person(n, { phone: `0151 ${n}` }));
    await b.engine.syncOnce();
    for (const n of [1, 2]) a.store.write('person', person(n, { familyName: `A ${n}` }));
    const sent: { id: string; baseRev: number }[][] = [];
    let typing = true;
    const revBeforePull: number[] = [];
    const transport = memoryTransport(server);
    const engine = createSyncEngine({
      store: a.store,
      codec: createRecordCodec(() => keyring),
      transport: {
        ...transport,
        async push(request) {
          sent.push(request.changes.map(({ id, baseRev }) => ({ id, baseRev })));
          const answer = await transport.push(request);
          // The volunteer types into person 1 while the answer is on its way.
          if (typing) a.store.write('person', person(1, { familyName: 'A 1b' }));
          typing = false;
          return answer;
        },
        async pull(...args) {
          const shadow = await a.store.getShadow('person', idOf(2));
          revBeforePull.push(shadow?.rev ?? 0);
          return transport.pull(...args);
        },
      },
    });
    expect(await engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    // Person 2's merge was stored at once, so every later push of it is based on B's
    // revision 2. Person 1's was refused (edited meanwhile); its new version goes out and merges anew.
    expect(sent[0]).toEqual([
      { id: idOf(1), baseRev: 1 },
      { id: idOf(2), baseRev: 1 },
    ]);
    // Stored by the push itself, before the pull (which would merge it too).
    expect(revBeforePull[0]).toBe(2);
    const later = sent.slice(1).flat();
    expect(later.filter(({ id }) => id === idOf(2))).toEqual([{ id: idOf(2), baseRev: 2 }]);
    await b.engine.syncOnce();
    for (const device of [a, b]) {
      const records = device.store.records();
      expect(records.get(`person/${idOf(1)}`)).toMatchObject({
        familyName: 'A 1b',
        phone: '0151 1',
      });
      expect(records.get(`person/${idOf(2)}`)).toMatchObject({
        familyName: 'A 2',
        phone: '0151 2',
      });
    }
  });

  it('pulls a batch that exactly fills a page, then more pages, without gaps or repeats', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring, { batchSize: 5 });
    for (let n = 1; n <= 5; n += 1) a.store.write('person', person(n));
    await a.engine.syncOnce();

    const b = device(server, keyring, { pageSize: 5 });
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 5 } });
    expect((await b.store.getMeta()).cursor).toBe(5);
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 0 } });

    for (let n = 6; n <= 12; n += 1) a.store.write('person', person(n));
    await a.engine.syncOnce();
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 7 } });
    expect(b.store.records()).toEqual(a.store.records());
  });

  it('reports a tampered and a swapped ciphertext and applies everything else', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    for (let n = 1; n <= 4; n += 1) a.store.write('person', person(n));
    await a.engine.syncOnce();

    const records = server.records();
    const bytes = fromBase64Url(records[0]!.ciphertext)!;
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    server.overwrite(idOf(1), { ciphertext: toBase64(bytes) });
    server.overwrite(idOf(2), { ciphertext: records[2]!.ciphertext }); // person 3's, on 2

    const b = device(server, keyring);
    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pulled: 2 } });
    expect(await b.store.problems()).toEqual([
      { kind: 'person', id: idOf(1), code: 'crypto-tampered' },
      { kind: 'person', id: idOf(2), code: 'crypto-tampered' },
    ]);
    expect([...b.store.records().keys()].sort()).toEqual([
      `person/${idOf(3)}`,
      `person/${idOf(4)}`,
    ]);
  });

  it('merges offline edits of different fields; the same field becomes a conflict', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    const b = device(server, keyring);
    a.store.write('person', person(1));
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    a.store.write('person', person(1, { phone: '0151 A', email: 'a@example.org' }));
    b.store.write('person', person(1, { phone: '0151 B', healthInsurance: 'AOK' }));
    await a.engine.syncOnce();
    await b.engine.syncOnce(); // conflict on push → merge → push again
    await a.engine.syncOnce();

    const merged = b.store.records().get(`person/${idOf(1)}`)!;
    expect(a.store.records()).toEqual(b.store.records());
    expect(merged).toMatchObject({
      email: 'a@example.org',
      healthInsurance: 'AOK',
      phone: '0151 A', // the server's (earlier accepted) value is shown …
    });
    expect(conflictsOf(merged)).toEqual([
      expect.objectContaining({ path: 'phone', kind: 'review', shown: '0151 A', kept: '0151 B' }),
    ]); // … and B's is kept for review
    expect(await a.store.outboxCount()).toBe(0);
    expect(await b.store.outboxCount()).toBe(0);
  });

  it('refuses an older version of a record replayed as a newer revision', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    a.store.write('person', person(1, { phone: 'old' }));
    await a.engine.syncOnce();
    const oldCiphertext = server.records()[0]!.ciphertext;
    a.store.write('person', person(1, { phone: 'new' }));
    await a.engine.syncOnce();

    const b = device(server, keyring);
    server.overwrite(idOf(1), { rev: 3, ciphertext: oldCiphertext });
    await b.engine.syncOnce();
    expect(await b.store.problems()).toEqual([
      { kind: 'person', id: idOf(1), code: 'crypto-tampered' },
    ]);
    expect(b.store.records().size).toBe(0);
  });

  it('keeps fields and record kinds this client does not know', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const newer = device(server, keyring);
    const older = device(server, keyring);
    newer.store.write('person', person(1, { pronouns: 'sie', visa: { until: '2027-01-01' } }));
    newer.store.write('form-pack', { id: idOf(9), deleted: false, fields: ['a'] });
    await newer.engine.syncOnce();
    await older.engine.syncOnce();

    const seen = older.store.records().get(`person/${idOf(1)}`)!;
    older.store.write('person', { ...seen, phone: '0151 9' }); // edits what it knows
    await older.engine.syncOnce();
    await newer.engine.syncOnce();
    expect(newer.store.records().get(`person/${idOf(1)}`)).toMatchObject({
      phone: '0151 9',
      pronouns: 'sie',
      visa: { until: '2027-01-01' },
    });
    expect(older.store.records().get(`form-pack/${idOf(9)}`)).toMatchObject({ fields: ['a'] });
  });

  it('a record edited while its page is being applied keeps the edit and merges', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    a.store.write('person', person(1));
    await a.engine.syncOnce();
    const b = device(server, keyring);
    await b.engine.syncOnce();
    a.store.write('person', person(1, { email: 'a@example.org' }));
    await a.engine.syncOnce();

    // B's user types after B decrypted and merged the page, before it is stored: the
    // store refuses the page (the outbox changed) and the engine merges it again.
    let typed = false;
    let refused = 0;
    const store = b.store;
    const racing: LocalStore = {
      ...store,
      async apply(batch) {
        if (!typed && batch.cursor !== undefined) {
          typed = true;
          const current = store.records().get(`person/${idOf(1)}`)!;
          store.write('person', { ...current, phone: '0151 typed' });
        }
        const result = await store.apply(batch);
        if (!result.ok) refused += 1;
        return result;
      },
    };
    const engine = createSyncEngine({
      store: racing,
      transport: memoryTransport(server),
      codec: createRecordCodec(() => keyring),
    });
    expect(await engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(refused).toBe(1);
    await a.engine.syncOnce();
    for (const d of [a.store, b.store]) {
      expect(d.records().get(`person/${idOf(1)}`)).toMatchObject({
        email: 'a@example.org',
        phone: '0151 typed',
      });
    }
  });

  it('re-encrypts records of an older key epoch progressively after a rotation', async () => {
    const original = await createKeyring(TEAM);
    const server = createMemoryServer();
    let current = original;
    const store = createMemoryLocalStore();
    const engine = createSyncEngine({
      store,
      transport: memoryTransport(server),
      codec: createRecordCodec(() => current),
      reencryptBatchSize: 2,
    });
    for (let n = 1; n <= 5; n += 1) store.write('person', person(n));
    await engine.syncOnce();
    expect(server.records().map((r) => r.keyEpoch)).toEqual([1, 1, 1, 1, 1]);

    current = (await rotateEpoch(original, [])).keyring; // a member was removed
    expect(await engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(server.records().map((r) => r.keyEpoch)).toEqual([2, 2, 2, 2, 2]);
    expect(server.seq()).toBe(10); // each record once more, nothing twice

    const removed = device(server, original);
    await removed.engine.syncOnce();
    expect(removed.store.records().size).toBe(0);
    expect(new Set((await removed.store.problems()).map((p) => p.code))).toEqual(
      new Set(['crypto-unknown-epoch']),
    );
    const staying = device(server, current);
    await staying.engine.syncOnce();
    expect(staying.store.records()).toEqual(store.records());
  });

  it('one refused record does not hold up the others, and stays reported', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    a.store.write('case', { id: idOf(1), deleted: false, label: 'x' });
    await a.engine.syncOnce();
    const b = device(server, keyring, { batchSize: 10 });
    b.store.write('person', person(1)); // same id, another kind: the server refuses it
    for (let n = 2; n <= 4; n += 1) b.store.write('person', person(n));
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pushed: 3, pending: 1 } });
    expect(await b.store.problems()).toEqual([
      { kind: 'person', id: idOf(1), code: 'push-kind-mismatch' },
    ]);
    expect(server.records()).toHaveLength(4);
  });

  it('splits a push whose body would exceed the server limit', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    for (let n = 1; n <= 24; n += 1) {
      a.store.write('note', { id: idOf(n), deleted: false, text: 'x'.repeat(150_000) });
    }
    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pushed: 24 } });
    expect(a.transport.calls.push).toBeGreaterThan(1);
  });

  it('reports an unreachable server as a code, and keeps the outbox', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring, { fault: () => 'lose-request' });
    a.store.write('person', person(1));
    expect(await a.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    expect(await a.store.outboxCount()).toBe(1);
    expect((await a.store.getMeta()).lastSyncedAt).toBeNull();
    expect(server.seq()).toBe(0);
  });
});
