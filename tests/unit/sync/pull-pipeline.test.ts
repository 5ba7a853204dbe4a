// The pull asks for page n+1 while page n is decrypted and stored (pull.ts). The request is
// made after page n's cursor, and its answer is used only when that cursor was stored: a
// page the store kept refusing ends the run, and the next run continues from the stored
// cursor without losing or skipping a record.
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../src/crypto/keyring';
import { createSyncEngine } from '../../../src/sync/engine';
import type { LocalStore } from '../../../src/sync/local-store';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { pullAll } from '../../../src/sync/pull';
import { createRecordCodec } from '../../../src/sync/record-codec';
import type { Transport } from '../../../src/sync/transport';
import { createMemoryServer, memoryTransport } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const idOf = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const note = (n: number) => ({ id: idOf(n), caseId: idOf(0), text: `Notiz ${n}`, deleted: false });

async function serverWithNotes(count: number) {
  const keyring = await createKeyring(TEAM);
  const server = createMemoryServer();
  const codec = createRecordCodec(() => keyring);
  const writer = createMemoryLocalStore();
  for (let n = 1; n <= count; n += 1) writer.write('note', note(n));
  const run = await createSyncEngine({
    store: writer,
    transport: memoryTransport(server),
    codec,
  }).syncOnce();
  if (!run.ok) throw new Error(run.code);
  return { server, codec };
}

describe('pipelined pull', () => {
  it('asks for the next page while storing this one, after its cursor', async () => {
    const { server, codec } = await serverWithNotes(7);
    const log: string[] = [];
    const inner = memoryTransport(server);
    const transport: Transport = {
      ...inner,
      async pull(after, limit, afterChange) {
        log.push(`pull ${after}`);
        return inner.pull(after, limit, afterChange);
      },
    };
    const memory = createMemoryLocalStore();
    const store: LocalStore = {
      ...memory,
      async apply(batch) {
        log.push(`apply ${batch.cursor ?? '-'} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const applied = await memory.apply(batch);
        log.push(`apply ${batch.cursor ?? '-'} end`);
        return applied;
      },
    };
    const pulled = await pullAll({ store, transport, codec, pageSize: 3 });
    expect(pulled).toMatchObject({ ok: true, stats: { applied: 7, problems: [] } });
    expect(memory.records().size).toBe(7);
    const cursors = log.filter((line) => line.startsWith('pull')).map((l) => Number(l.slice(5)));
    expect(cursors).toEqual([0, 3, 6]);
    // Page 2 was asked for before page 1 was stored, with page 1's cursor.
    expect(log.indexOf('pull 3')).toBeLessThan(log.indexOf('apply 3 end'));
    expect((await memory.getMeta()).cursor).toBe(7);
  });

  it('a page the store keeps refusing ends the run; the next run loses nothing', async () => {
    const { server, codec } = await serverWithNotes(7);
    const memory = createMemoryLocalStore();
    let refuseCursor: number | null = 6;
    const store: LocalStore = {
      ...memory,
      async apply(batch) {
        if (batch.cursor === refuseCursor) return { ok: false, code: 'local-changed' };
        return memory.apply(batch);
      },
    };
    const transport = memoryTransport(server);
    const first = await pullAll({ store, transport, codec, pageSize: 3 });
    expect(first).toMatchObject({ ok: true, stats: { applied: 3 } });
    expect((await memory.getMeta()).cursor).toBe(3);
    expect(memory.records().size).toBe(3);

    refuseCursor = null;
    const second = await pullAll({ store, transport, codec, pageSize: 3 });
    expect(second).toMatchObject({ ok: true, stats: { applied: 4 } });
    expect([...memory.records().keys()].sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `note/${idOf(i + 1)}`).sort(),
    );
  });
});
