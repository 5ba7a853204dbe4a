// The browser closes the connection after a write failed on a full disk, and Dexie's own reopen
// fails while the disk is still full: the repositories keep saying "full", and open again when
// the user retries after making room.
import { Dexie } from 'dexie';
import { forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../../../src/db/connection';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories, type Repositories } from '../../../src/db/repositories';
import { emptyCase, emptyNote } from '../../../src/domain/defaults';

let db: LotseDb;
let repos: Repositories;
const factory = indexedDB;
const realOpen = factory.open.bind(factory);

/** While true, indexedDB.open fails as Chromium's does when the disk is full. */
let diskFull = false;

beforeEach(async () => {
  diskFull = false;
  factory.open = (name: string, version?: number) => {
    if (!diskFull) return realOpen(name, version);
    const request = { error: null as DOMException | null } as unknown as IDBOpenDBRequest;
    setTimeout(() => {
      Object.assign(request, {
        error: new DOMException(
          'Internal error opening backing store for indexedDB.open.',
          'UnknownError',
        ),
      });
      request.onerror?.({
        target: request,
        preventDefault() {},
        stopPropagation() {},
      } as unknown as Event);
    }, 0);
    return request;
  };
  db = openDatabase(`connection-test-${Math.random()}`);
  await db.open();
  repos = createRepositories(db);
});

afterEach(async () => {
  factory.open = realOpen;
  db.close();
  await db.delete();
});

const noSpace = new Dexie.AbortError(
  'Transaction aborted',
  new DOMException(
    'Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
    'UnknownError',
  ),
);

describe('connection closed by the browser on a full disk', () => {
  it('reports the full disk, not unusable storage, and saves again once there is room', async () => {
    const created = await repos.cases.create({ ...emptyCase(), label: 'Familie Nazari' });
    if (!created.ok) throw new Error(created.code);
    const note = await repos.notes.create({
      ...emptyNote(created.value.id, '2026-12-01', 'Anna'),
      text: 'Erster Besuch',
    });
    if (!note.ok) throw new Error(note.code);

    // The write that hit the full disk, as the repository saw it; then Chromium closes.
    expect(failureOf(db, noSpace).code).toBe('quota-exceeded');
    diskFull = true;
    // fake-indexeddb types its parameter as the IDBDatabase class; it takes a connection.
    forceCloseDatabase(db.backendDB() as unknown as typeof IDBDatabase);

    const whileFull = await repos.notes.save(note.value.id, {
      ...emptyNote(created.value.id, '2026-12-01', 'Anna'),
      text: 'Erster Besuch, Antrag',
    });
    expect(whileFull).toEqual({ ok: false, code: 'quota-exceeded' });
    // Dexie gave up: without an explicit open every call would now fail.
    expect(db.hasFailed()).toBe(true);
    const again = await repos.notes.save(note.value.id, {
      ...emptyNote(created.value.id, '2026-12-01', 'Anna'),
      text: 'Erster Besuch, Antrag',
    });
    expect(again).toEqual({ ok: false, code: 'quota-exceeded' });

    diskFull = false;
    const afterRoom = await repos.notes.save(note.value.id, {
      ...emptyNote(created.value.id, '2026-12-01', 'Anna'),
      text: 'Erster Besuch, Antrag besprochen',
    });
    expect(afterRoom.ok).toBe(true);
    const stored = await repos.notes.get(note.value.id);
    expect(stored.ok && stored.value.text).toBe('Erster Besuch, Antrag besprochen');
    expect(await db.outbox.where({ kind: 'note', recordId: note.value.id }).count()).toBe(1);
  });

  it('leaves a database closed on purpose closed', async () => {
    const created = await repos.cases.create({ ...emptyCase(), label: 'Familie Nazari' });
    if (!created.ok) throw new Error(created.code);
    db.close();
    const result = await repos.cases.save(created.value.id, { ...emptyCase(), label: 'x' });
    expect(result.ok).toBe(false);
    expect(db.isOpen()).toBe(false);
  });
});
