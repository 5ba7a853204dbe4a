// A server whose answers contradict each other must not keep a pull going forever: at most
// one restart from 0 per pull, and a page that says "more follows" must move the cursor.
// Either ends the run with a retryable failure (the scheduler retries with backoff).
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { isRetryable, type Transport } from '../../../src/sync/transport';
import { createMemoryServer, memoryTransport } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const idOf = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const person = (n: number) => ({
  id: idOf(n),
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
  familyName: `Name ${n}`,
});

/** Counts pulls and refuses to go on past `max` (a looping client would run into it). */
function counted(transport: Transport, max = 50) {
  const counter = { pulls: 0 };
  const pull: Transport['pull'] = async (after, limit, afterChange) => {
    counter.pulls += 1;
    if (counter.pulls > max) throw new Error(`looping: ${max} pulls in one run`);
    return transport.pull(after, limit, afterChange);
  };
  return { transport: { ...transport, pull }, counter };
}

describe('a pull against a contradicting server ends', () => {
  it('a second "restored from a backup" in one pull is a retryable failure', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = createMemoryLocalStore();
    const codec = createRecordCodec(() => keyring);
    const engineA = createSyncEngine({ store: a, transport: memoryTransport(server), codec });
    for (const n of [1, 2, 3]) a.write('person', person(n));
    expect((await engineA.syncOnce()).ok).toBe(true);

    const honest = memoryTransport(server);
    // Claims not to know any cursor above 0.
    const evil: Transport = {
      ...honest,
      pull: async (after, limit, afterChange) => {
        const page = await honest.pull(after, limit, afterChange);
        return page.ok ? { ok: true, value: { ...page.value, cursorKnown: after === 0 } } : page;
      },
    };
    const { transport, counter } = counted(evil);
    const b = createMemoryLocalStore();
    const engineB = createSyncEngine({ store: b, transport, codec, pullPageSize: 1 });
    const run = await engineB.syncOnce();
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.code).toBe('server-unavailable');
    expect(isRetryable(run.failure)).toBe(true);
    expect(counter.pulls).toBeLessThanOrEqual(6);

    // The same device against the honest server afterwards: all there.
    const healed = createSyncEngine({ store: b, transport: honest, codec });
    expect((await healed.syncOnce()).ok).toBe(true);
    expect(b.records().size).toBe(3);
  });

  it('a page with "more follows" that does not move the cursor is a retryable failure', async () => {
    const keyring = await createKeyring(TEAM);
    const honest = memoryTransport(createMemoryServer());
    const stuck: Transport = {
      ...honest,
      pull: async (after) => ({
        ok: true,
        value: { records: [], nextCursor: after, hasMore: true, seq: 0, cursorKnown: true },
      }),
    };
    const { transport, counter } = counted(stuck);
    const engine = createSyncEngine({
      store: createMemoryLocalStore(),
      transport,
      codec: createRecordCodec(() => keyring),
    });
    const run = await engine.syncOnce();
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.code).toBe('server-unavailable');
    expect(counter.pulls).toBeLessThanOrEqual(2);
  });
});
