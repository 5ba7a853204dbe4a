// Orphaned edits with the in-memory store (the Dexie store and the real server are covered
// in tests/server/sync-client/deleted-case-edits.test.ts): a record added under a case that
// another device deleted brings the case back, flagged; a plain delete stays a delete.
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { createMemoryServer, memoryTransport, type MemoryServer } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const idOf = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const base = { createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };

function device(server: MemoryServer, keyring: Awaited<ReturnType<typeof createKeyring>>) {
  const store = createMemoryLocalStore();
  const engine = createSyncEngine({
    store,
    transport: memoryTransport(server),
    codec: createRecordCodec(() => keyring),
  });
  const sync = async () => {
    const run = await engine.syncOnce();
    if (!run.ok) throw new Error(run.code);
    return run.value;
  };
  return { store, sync };
}

describe('orphaned edits under a deleted case', () => {
  it('a note added under a case deleted elsewhere brings the case back, flagged', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = device(server, keyring);
    const b = device(server, keyring);
    const kept = { ...base, id: idOf(1), label: 'Familie Haidari', deleted: false };
    const gone = { ...base, id: idOf(2), label: 'Familie Rahimi', deleted: false };
    a.store.write('case', kept);
    a.store.write('case', gone);
    await a.sync();
    await b.sync();

    b.store.write('case', { ...kept, deleted: true });
    b.store.write('case', { ...gone, deleted: true });
    await b.sync();
    a.store.write('note', {
      ...base,
      id: idOf(3),
      caseId: kept.id,
      text: 'Termin',
      deleted: false,
    });
    const run = await a.sync();
    expect(run.pending).toBe(0);
    await b.sync();

    for (const { store } of [a, b]) {
      const found = store.records().get(`case/${kept.id}`);
      expect(found?.deleted).toBe(false);
      expect(conflictsOf(found ?? { id: '' }).map((c) => [c.kind, c.path])).toEqual([
        ['edit-after-delete', 'deleted'],
      ]);
      expect(store.records().get(`case/${gone.id}`)?.deleted).toBe(true);
      expect(store.records().get(`note/${idOf(3)}`)?.deleted).toBe(false);
      expect(await store.aliveInCase(kept.id)).toBe(1);
    }
  });
});
