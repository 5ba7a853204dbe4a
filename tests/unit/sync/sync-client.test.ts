import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/crypto/keyring';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { createRecordCodec } from '../../../src/sync/record-codec';
import type { Timers } from '../../../src/sync/scheduler';
import type { SyncStatus } from '../../../src/sync/status';
import { createSyncClient } from '../../../src/sync/sync-client';
import { transportErr } from '../../../src/sync/transport';
import { createMemoryServer, memoryTransport, type Fault } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const ID = '0190a000-0000-7000-8000-000000000011';

/** Timers that only fire when the test says so. */
function heldTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (callback) => {
      pending.set(next, callback);
      return next++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return { timers, count: () => pending.size };
}

async function setup(fault: () => Fault = () => 'none') {
  const keyring = await createKeyring(TEAM);
  const server = createMemoryServer();
  const store = createMemoryLocalStore();
  const statuses: SyncStatus[] = [];
  const revoked: boolean[] = [];
  const transport = memoryTransport(server, fault);
  const client = createSyncClient({
    store,
    transport,
    codec: createRecordCodec(() => keyring),
    timers: heldTimers().timers,
    listen: false,
    isOnline: () => true,
    withLock: (task) => task(),
    onStatus: (status) => statuses.push(status),
    onRevoked: (wipe) => revoked.push(wipe),
  });
  return { server, store, client, statuses, revoked, transport };
}

describe('sync client status', () => {
  it('goes from never-synced to pending to synced, never synced with changes waiting', async () => {
    const t = await setup();
    expect(await t.client.status()).toEqual({ state: 'never-synced' });
    t.store.write('case', { id: ID, deleted: false, label: 'Familie Haidari' });
    expect(await t.client.status()).toEqual({ state: 'pending', count: 1 });
    t.client.start();
    await t.client.idle();
    const status = await t.client.status();
    expect(status.state).toBe('synced');
    expect(t.server.records()).toHaveLength(1);
  });

  it('says offline when the server cannot be reached, with the count waiting', async () => {
    const t = await setup(() => 'lose-request');
    t.store.write('case', { id: ID, deleted: false, label: 'x' });
    t.client.start();
    await t.client.idle();
    expect(await t.client.status()).toEqual({ state: 'offline', pending: 1 });
  });

  it('needs attention when revoked, and tells the app to wipe', async () => {
    const t = await setup();
    t.transport.pull = async () => transportErr({ code: 'device-revoked', wipe: true });
    t.client.start();
    await t.client.idle();
    expect(await t.client.status()).toEqual({
      state: 'needs-attention',
      reasons: ['device-revoked'],
      pending: 0,
    });
    expect(t.revoked).toEqual([true]);
  });
});
