// "Keep both" is synced as `notDuplicateOf` on the persons: two devices that each keep a
// different pair apart (or the same pair) end with the union, not a "needs review".
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import type { SyncRecord } from '../../../src/sync/local-store';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { conflictsOf, mergeRecord } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { createMemoryServer, memoryTransport } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const P1 = '0190a000-0000-7000-8000-000000000011';

const base: SyncRecord = {
  id: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
  familyName: 'Haidari',
  givenNames: 'Mohammed',
};

describe('notDuplicateOf in the three-way merge', () => {
  it.each([
    ['both add to a missing list', undefined, ['p2'], ['p3'], ['p2', 'p3']],
    ['both add to a list', ['p9'], ['p9', 'p2'], ['p9', 'p3'], ['p9', 'p2', 'p3']],
    ['both add the same pair', undefined, ['p2'], ['p2'], ['p2']],
    ['one side adds', ['p9'], ['p9'], ['p9', 'p3'], ['p9', 'p3']],
    ['a merge removed one, the other side adds', ['p9'], [], ['p9', 'p3'], ['p3']],
  ])('%s', (_name, baseList, local, remote, expected) => {
    const withList = (list: string[] | undefined): SyncRecord =>
      list === undefined ? base : { ...base, notDuplicateOf: list };
    const { record, conflicts } = mergeRecord(
      'person',
      withList(baseList),
      { ...withList(local), updatedAt: '2026-01-02T00:00:00.000Z' },
      { ...withList(remote), updatedAt: '2026-01-03T00:00:00.000Z' },
    );
    expect(record.notDuplicateOf).toEqual(expected);
    expect(conflicts).toEqual([]);
    expect(conflictsOf(record)).toEqual([]);
  });

  it('two devices keeping different pairs apart offline converge on the union', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const device = () => {
      const store = createMemoryLocalStore();
      const engine = createSyncEngine({
        store,
        transport: memoryTransport(server),
        codec: createRecordCodec(() => keyring),
      });
      return { store, engine };
    };
    const [a, b] = [device(), device()];
    a.store.write('person', { ...base, id: P1 });
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    const stamp = (record: SyncRecord, list: string[], at: string) => ({
      ...record,
      notDuplicateOf: list,
      updatedAt: at,
    });
    const key = `person/${P1}`;
    a.store.write('person', stamp(a.store.records().get(key)!, ['p2'], '2026-01-02T00:00:00Z'));
    b.store.write('person', stamp(b.store.records().get(key)!, ['p3'], '2026-01-02T00:01:00Z'));
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    for (const device of [a, b]) {
      const record = device.store.records().get(key)!;
      expect([...(record.notDuplicateOf as string[])].sort()).toEqual(['p2', 'p3']);
      expect(conflictsOf(record)).toEqual([]);
    }
    expect(await a.store.outboxCount()).toBe(0);
    expect(await b.store.outboxCount()).toBe(0);
  });
});
