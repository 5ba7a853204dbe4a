// Property: 3–5 devices make random offline edits and sync through a faithful server
// model with lost requests, lost responses and cut pages (and edits typed while a sync is
// in flight). After the network heals, every device holds the same records as the server,
// and no edit is lost — neither one the server acknowledged nor one that lost a conflict:
// its value is still in the record, kept in its conflict list, or was overwritten by a
// device that had seen it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import type { PushRequest } from '../../../src/shared/sync-protocol';
import { createSyncEngine } from '../../../src/sync/engine';
import type { SyncRecord } from '../../../src/sync/local-store';
import { createMemoryLocalStore } from '../../../src/sync/memory-local-store';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { createMemoryServer, memoryTransport, type Fault } from './memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const IDS = [1, 2, 3].map((n) => `0190a000-0000-7000-8000-00000000000${n}`);
const PATHS = ['phone', 'email', 'familyName', 'address.city'] as const;
type Path = (typeof PATHS)[number];

const read = (record: SyncRecord | undefined, path: Path): unknown =>
  path === 'address.city'
    ? (record?.address as { city?: unknown } | undefined)?.city
    : record?.[path];

const written = (record: SyncRecord, path: Path, value: string): SyncRecord =>
  path === 'address.city'
    ? { ...record, address: { ...(record.address as object | undefined), city: value } }
    : { ...record, [path]: value };

type Step = { fault: Fault; typeMeanwhile: boolean };
type Command =
  | { type: 'edit'; device: number; record: number; path: Path }
  | { type: 'delete'; device: number; record: number }
  | { type: 'sync'; device: number; steps: Step[] };

const commandArb = (devices: number): fc.Arbitrary<Command> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        device: fc.nat(devices - 1),
        record: fc.nat(IDS.length - 1),
        path: fc.constantFrom(...PATHS),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('delete' as const),
        device: fc.nat(devices - 1),
        record: fc.nat(IDS.length - 1),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('sync' as const),
        device: fc.nat(devices - 1),
        steps: fc.array(
          fc.record({
            fault: fc.constantFrom<Fault>('none', 'lose-request', 'lose-response', 'cut-page'),
            typeMeanwhile: fc.boolean(),
          }),
          { maxLength: 4 },
        ),
      }),
    },
  );

const scenarioArb = fc.integer({ min: 3, max: 5 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    pageSize: fc.integer({ min: 1, max: 4 }),
    batchSize: fc.integer({ min: 1, max: 3 }),
    commands: fc.array(commandArb(devices), { minLength: 5, maxLength: 60 }),
  }),
);

async function runScenario(
  keyring: Keyring,
  scenario: { devices: number; pageSize: number; batchSize: number; commands: Command[] },
) {
  const server = createMemoryServer();
  const codec = createRecordCodec(() => keyring);
  let counter = 0;
  /** (record, path, value) the server accepted at least once. */
  const acknowledged = new Set<string>();
  /** (record, path, value) of every edit made on any device. */
  const edits = new Set<string>();
  /** (record, path, value) some device overwrote while it saw that value. */
  const superseded = new Set<string>();
  const key = (id: string, path: Path, value: unknown) => `${id}|${path}|${String(value)}`;

  // Learn what the server acknowledges (decrypting like a member would).
  const serverPush = server.push.bind(server);
  server.push = (request: PushRequest) => {
    const response = serverPush(request);
    void Promise.all(
      response.results.map(async (result, i) => {
        const change = request.changes[i];
        if (result.status !== 'ok' || !change) return;
        const record = await codec.decode({ ...change, rev: result.rev, seq: result.seq });
        if (!record.ok) throw new Error(record.code);
        for (const path of PATHS) {
          const value = read(record.value, path);
          if (value !== undefined) acknowledged.add(key(change.id, path, value));
        }
      }),
    );
    return response;
  };

  const steps: Step[][] = [];
  const devices = Array.from({ length: scenario.devices }, (_, index) => {
    const store = createMemoryLocalStore();
    steps[index] = [];
    const transport = memoryTransport(server, () => {
      const step = steps[index]?.shift();
      if (step?.typeMeanwhile) edit(index, counter % IDS.length, PATHS[counter % PATHS.length]!);
      return step?.fault ?? 'none';
    });
    const engine = createSyncEngine({
      store,
      transport,
      codec,
      pullPageSize: scenario.pageSize,
      pushBatchSize: scenario.batchSize,
    });
    return { store, engine };
  });

  function edit(device: number, record: number, path: Path): void {
    const { store } = devices[device]!;
    const id = IDS[record]!;
    const current = store.records().get(`person/${id}`);
    if (current?.deleted === true) return; // the app cannot edit a deleted record
    counter += 1;
    const before = read(current, path);
    if (before !== undefined) superseded.add(key(id, path, before));
    const base: SyncRecord = current ?? { id, deleted: false, createdAt: 'c', updatedAt: 'u' };
    const value = `d${device}-v${counter}`;
    edits.add(key(id, path, value));
    store.write('person', written(base, path, value));
  }

  for (const command of scenario.commands) {
    const device = devices[command.device]!;
    if (command.type === 'edit') edit(command.device, command.record, command.path);
    if (command.type === 'delete') {
      const current = device.store.records().get(`person/${IDS[command.record]}`);
      if (current && current.deleted !== true) {
        device.store.write('person', { ...current, deleted: true });
      }
    }
    if (command.type === 'sync') {
      steps[command.device] = [...command.steps];
      await device.engine.syncOnce();
    }
  }

  // The network heals: sync round-robin until nothing is pending and the server is quiet.
  steps.fill([]);
  for (let round = 0; round < 10; round += 1) {
    const seqBefore = server.seq();
    for (const device of devices) expect((await device.engine.syncOnce()).ok).toBe(true);
    const pending = await Promise.all(devices.map((d) => d.store.outboxCount()));
    if (server.seq() === seqBefore && pending.every((count) => count === 0)) break;
  }
  for (const device of devices) await device.engine.syncOnce();

  // Convergence: every device equals the server's decrypted state.
  const serverState = new Map<string, SyncRecord>();
  for (const record of server.records()) {
    const decoded = await codec.decode(record);
    if (!decoded.ok) throw new Error(decoded.code);
    serverState.set(`${record.kind}/${record.id}`, decoded.value);
  }
  for (const device of devices) {
    expect(await device.store.outboxCount()).toBe(0);
    expect(device.store.records()).toEqual(serverState);
  }

  // The server acknowledged only values that were edited, and no edit is lost.
  for (const entry of acknowledged) expect(edits.has(entry), entry).toBe(true);
  expect(acknowledged.size > 0 || edits.size === 0).toBe(true);
  for (const entry of edits) {
    if (superseded.has(entry)) continue;
    const [id, path, value] = entry.split('|') as [string, Path, string];
    const record = serverState.get(`person/${id}`);
    const present =
      read(record, path) === value ||
      (record !== undefined &&
        conflictsOf(record).some(
          (c) =>
            (c.path === path && (c.kept === value || c.shown === value)) ||
            (path === 'address.city' &&
              c.path === 'address' &&
              [c.kept, c.shown].some((v) => (v as { city?: unknown } | null)?.city === value)),
        ));
    expect(present, `lost ${entry}`).toBe(true);
  }
}

describe('sync convergence (property)', () => {
  it('converges and loses no acknowledged edit under random faults', async () => {
    const keyring = await createKeyring(TEAM);
    await fc.assert(
      fc.asyncProperty(scenarioArb, (scenario) => runScenario(keyring, scenario)),
      { numRuns: 100 },
    );
  }, 60_000);
});
