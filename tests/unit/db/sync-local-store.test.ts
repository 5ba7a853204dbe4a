// The Dexie LocalStore against fake-indexeddb, driven by the real sync engine over the
// in-memory server model: the behaviours the memory store is tested for, plus what only
// a real database has (one transaction per apply, quota failures, local edits through the
// app's repositories).
import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories, type Repositories } from '../../../src/db/repositories';
import { createDexieLocalStore, type DexieLocalStore } from '../../../src/db/sync-local-store';
import { emptyPerson } from '../../../src/domain/defaults';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine';
import { conflictsOf } from '../../../src/sync/merge';
import { createRecordCodec } from '../../../src/sync/record-codec';
import { sampleCase } from '../../fixtures/records';
import {
  createMemoryServer,
  memoryTransport,
  type Fault,
  type MemoryServer,
} from '../sync/memory-server';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const opened: LotseDb[] = [];

type Device = { db: LotseDb; repos: Repositories; store: DexieLocalStore; engine: SyncEngine };

/** Lets a test make the persons table fail as a full disk does (at the DBCore boundary). */
const quota = { failing: false };

async function device(
  server: MemoryServer,
  keyring: Keyring,
  options: { fault?: (op: 'push' | 'pull') => Fault; pageSize?: number } = {},
): Promise<Device> {
  const db = openDatabase(`sync-store-${Math.random()}`);
  db.use({
    stack: 'dbcore',
    name: 'quota-injection',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            quota.failing && name === 'persons'
              ? Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                )
              : table.mutate(request),
        };
      },
    }),
  });
  await db.open();
  opened.push(db);
  const store = createDexieLocalStore(db);
  const engine = createSyncEngine({
    store,
    transport: memoryTransport(server, options.fault),
    codec: createRecordCodec(() => keyring),
    pullPageSize: options.pageSize,
  });
  return { db, repos: createRepositories(db), store, engine };
}

afterEach(async () => {
  quota.failing = false;
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function newPerson(d: Device, familyName: string, caseId = sampleCase.id) {
  const created = await d.repos.persons.create({ ...emptyPerson(caseId), familyName });
  if (!created.ok) throw new Error(created.code);
  return created.value;
}

describe('Dexie sync store', () => {
  it('pushes edits made through the repositories; the other device stores them without outbox entries', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const createdCase = await a.repos.cases.create({ ...stripBase(sampleCase) });
    if (!createdCase.ok) throw new Error(createdCase.code);
    const amina = await newPerson(a, 'Haidari', createdCase.value.id);

    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pushed: 2 } });
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 2 } });

    expect(await b.db.persons.get(amina.id)).toEqual(amina);
    expect(await b.db.cases.get(createdCase.value.id)).toEqual(createdCase.value);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.store.getMeta()).toMatchObject({ cursor: 2, lastSyncedAt: expect.any(String) });
  });

  it('retries after a lost response without duplicating anything', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    let lose = true;
    const a = await device(server, keyring, {
      fault: (op) => (op === 'push' && lose ? ((lose = false), 'lose-response') : 'none'),
    });
    await newPerson(a, 'Haidari');
    expect(await a.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    expect(await a.db.outbox.count()).toBe(1); // not acknowledged yet
    expect(await a.engine.syncOnce()).toMatchObject({ ok: true });
    expect(server.records()).toHaveLength(1);
    expect(server.seq()).toBe(1);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('merges offline edits of different fields and keeps the other value of the same field', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const person = await newPerson(a, 'Haidari');
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    const { id } = person;
    const data = stripBase(person);
    await a.repos.persons.save(id, { ...data, phone: '0151 A', email: 'a@example.org' });
    await b.repos.persons.save(id, { ...data, phone: '0151 B', healthInsurance: 'AOK' });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    const onA = await a.db.persons.get(id);
    const onB = await b.db.persons.get(id);
    expect(onA).toEqual(onB);
    expect(onB).toMatchObject({ email: 'a@example.org', healthInsurance: 'AOK', phone: '0151 A' });
    expect(conflictsOf(onB as never)).toEqual([
      expect.objectContaining({ path: 'phone', shown: '0151 A', kept: '0151 B' }),
    ]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('keeps record kinds and fields this version does not know, and syncs them back', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const newer = await device(server, keyring);
    const older = await device(server, keyring);
    const person = await newPerson(newer, 'Haidari');
    await newer.db.persons.update(person.id, { pronouns: 'sie' } as never);
    const pack = { id: '0190a000-0000-7000-8000-0000000000aa', deleted: false, fields: ['a'] };
    await newer.db.syncForeign.put({ kind: 'form-pack', id: pack.id, record: pack });
    await newer.store.enqueue([{ kind: 'form-pack', id: pack.id }]);
    await newer.engine.syncOnce();
    await older.engine.syncOnce();

    expect(await older.db.syncForeign.get(['form-pack', pack.id])).toMatchObject({ record: pack });
    const seen = await older.db.persons.get(person.id);
    expect(seen).toMatchObject({ pronouns: 'sie' });
    const id = seen!.id;
    const data = stripBase(seen!);
    await older.repos.persons.save(id, { ...data, phone: '0151 9' });
    await older.engine.syncOnce();
    await newer.engine.syncOnce();
    expect(await newer.db.persons.get(person.id)).toMatchObject({
      phone: '0151 9',
      pronouns: 'sie',
    });
  });

  it('reads a page worth of records at once exactly as one record at a time', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const synced = await newPerson(a, 'Haidari');
    const edited = await newPerson(a, 'Rahimi');
    const foreign = { id: '0190a000-0000-7000-8000-0000000000ab', deleted: false, x: 1 };
    await a.db.syncForeign.put({ kind: 'form-pack', id: foreign.id, record: foreign });
    await a.store.enqueue([{ kind: 'form-pack', id: foreign.id }]);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    // B edits one of them (an outbox entry); one id it has never seen.
    await b.repos.persons.save(edited.id, { ...stripBase(edited), phone: '0151 2' });
    const keys = [
      { kind: 'person', id: edited.id },
      { kind: 'form-pack', id: foreign.id },
      { kind: 'person', id: '0190a000-0000-7000-8000-0000000000ff' },
      { kind: 'case', id: synced.id }, // a person's id under another kind: nothing
      { kind: 'person', id: synced.id },
    ];
    const together = await b.store.readSyncStates(keys);
    const oneByOne = await Promise.all(
      keys.map(async ({ kind, id }) => ({
        shadow: await b.store.getShadow(kind, id),
        outboxSeq: await b.store.outboxSeqOf(kind, id),
        record: await b.store.getRecord(kind, id),
      })),
    );
    expect(together).toEqual(oneByOne);
    expect(together.map((c) => [c.shadow?.rev ?? 0, c.outboxSeq !== null, !!c.record])).toEqual([
      [1, true, true],
      [1, false, true],
      [0, false, false],
      [0, false, false],
      [1, false, true],
    ]);
  });

  it('apply is all or nothing: a record edited meanwhile refuses the whole page and its cursor', async () => {
    const keyring = await createKeyring(TEAM);
    const a = await device(createMemoryServer(), keyring);
    const person = await newPerson(a, 'Haidari');
    const seq = await a.store.outboxSeqOf('person', person.id);
    const other = '0190a000-0000-7000-8000-0000000000bb';
    const applied = await a.store.apply({
      updates: [
        {
          kind: 'case',
          id: other,
          shadow: { rev: 1, base: null, unacked: [] },
          record: { id: other },
        },
        {
          kind: 'person',
          id: person.id,
          shadow: { rev: 1, base: null, unacked: [] },
          record: { ...person, phone: 'x' },
          expectedOutboxSeq: (seq ?? 0) - 1,
        },
      ],
      cursor: 7,
    });
    expect(applied).toEqual({ ok: false, code: 'local-changed' });
    expect(await a.db.cases.get(other)).toBeUndefined();
    expect(await a.store.getShadow('case', other)).toBeUndefined();
    expect((await a.store.getMeta()).cursor).toBe(0);
    expect(a.store.storageFailure()).toBeNull();
  });

  it('quota exceeded during a pull: the page is not applied, the cursor stays, the app is told', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const createdCase = await a.repos.cases.create({ ...stripBase(sampleCase) });
    const amina = await newPerson(a, 'Haidari');
    await a.engine.syncOnce();

    quota.failing = true;
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true });
    expect(b.store.storageFailure()).toBe('quota-exceeded');
    expect(await b.store.getMeta()).toEqual({ cursor: 0, lastSyncedAt: null });
    // Nothing of the page: not even the case, which its own table would have accepted.
    expect(await b.db.cases.count()).toBe(0);
    expect(await b.db.syncShadows.count()).toBe(0);

    quota.failing = false;
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { pulled: 2 } });
    expect(b.store.storageFailure()).toBeNull();
    expect(await b.db.persons.get(amina.id)).toEqual(amina);
    expect(createdCase.ok && (await b.db.cases.get(createdCase.value.id))).toBeTruthy();
    expect(await b.store.getMeta()).toMatchObject({ cursor: 2, lastSyncedAt: expect.any(String) });
  });

  it('form records sync as metadata; the PDF bytes of an output stay on the device', async () => {
    const keyring = await createKeyring(TEAM);
    const server = createMemoryServer();
    const a = await device(server, keyring);
    const b = await device(server, keyring);
    const output = {
      id: '0190a000-0000-7000-8000-0000000000cc',
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      deleted: false,
      caseId: sampleCase.id,
      draftId: '0190a000-0000-7000-8000-0000000000cd',
      formId: '0190a000-0000-7000-8000-0000000000ce',
      fileName: 'antrag.pdf',
      flattened: true,
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    };
    await a.db.outputs.add(output);
    await a.db.outbox.add({
      kind: 'output',
      recordId: output.id,
      op: 'put',
      changedAt: output.updatedAt,
    });
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    expect(await b.db.outputs.get(output.id)).toEqual({ ...output, bytes: new Uint8Array() });
    await b.db.outputs.update(output.id, { bytes: new Uint8Array([1, 2]) });
    await a.db.outputs.update(output.id, { fileName: 'antrag-2.pdf' });
    await a.db.outbox.add({
      kind: 'output',
      recordId: output.id,
      op: 'put',
      changedAt: output.updatedAt,
    });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await b.db.outputs.get(output.id)).toMatchObject({
      fileName: 'antrag-2.pdf',
      bytes: new Uint8Array([1, 2]), // the local bytes survive a remote metadata change
    });
    expect(await a.db.outputs.get(output.id)).toMatchObject({ bytes: output.bytes });
  });
});

function stripBase<
  T extends { id: string; createdAt: string; updatedAt: string; deleted: boolean },
>(record: T): Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deleted'> {
  const data: Partial<T> = { ...record };
  delete data.id;
  delete data.createdAt;
  delete data.updatedAt;
  delete data.deleted;
  return data as Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>;
}
