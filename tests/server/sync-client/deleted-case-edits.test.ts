// "An edit made against a record someone deleted is flagged, not lost" — for a whole case:
// B deletes a case (with everything in it, as the app does) while A edits a person in it and
// adds a note. Whichever device syncs first, the case comes back on both devices, flagged
// for review (sync/orphans.ts), with A's edit and note in it; a case deleted while nobody
// touched it stays deleted. Real server, real engine, the app's repositories and Dexie
// stores (fake-indexeddb) on both devices.
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database.js';
import {
  createRepositories,
  loadCaseFile,
  type Repositories,
} from '../../../src/db/repositories.js';
import { createDexieLocalStore, type DexieLocalStore } from '../../../src/db/sync-local-store.js';
import { emptyCase, emptyNote, emptyPerson } from '../../../src/domain/defaults.js';
import { conflictsOf } from '../../../src/sync/merge.js';
import { backends, useSyncServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice, settle, type ClientDevice } from './client-harness.js';

type AppDevice = { device: ClientDevice<DexieLocalStore>; db: LotseDb; repos: Repositories };

async function appStores(): Promise<{ db: LotseDb; store: DexieLocalStore }> {
  const db = openDatabase(`deleted-case-${randomUUID()}`);
  await db.open();
  return { db, store: createDexieLocalStore(db) };
}

async function teamOfTwo(baseUrl: string): Promise<[AppDevice, AppDevice]> {
  const a = await appStores();
  const admin = await createTeamDevice(baseUrl, { store: a.store });
  const b = await appStores();
  const member = await joinDevice(baseUrl, admin, { store: b.store });
  return [
    { device: admin, db: a.db, repos: createRepositories(a.db) },
    { device: member, db: b.db, repos: createRepositories(b.db) },
  ];
}

const value = <T>(result: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

/** A case with one person, made on `device`. */
async function household(device: AppDevice, label: string) {
  const made = value(await device.repos.cases.create({ ...emptyCase(), label }));
  const person = value(
    await device.repos.persons.create({
      ...emptyPerson(made.id),
      familyName: 'Haidari',
      givenNames: 'Amina',
    }),
  );
  return { caseId: made.id, personId: person.id };
}

/** The record's data, as a repository's save takes it. */
const dataOf = <T extends { id: string; createdAt: string; updatedAt: string; deleted: boolean }>(
  record: T,
): Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deleted'> => {
  const data: Partial<T> = { ...record };
  delete data.id;
  delete data.createdAt;
  delete data.updatedAt;
  delete data.deleted;
  return data as Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>;
};

const flags = async (device: AppDevice, caseId: string) => {
  const found = await device.db.cases.get(caseId);
  return found && { deleted: found.deleted, kinds: conflictsOf(found as never).map((c) => c.kind) };
};

describe.each(backends)('a case deleted while its contents were edited, on %s', (backend) => {
  const server = useSyncServer(backend);

  it('comes back flagged on both devices when the deleting device synced first', async () => {
    const [a, b] = await teamOfTwo(server.baseUrl);
    const edited = await household(a, 'Familie Haidari');
    const untouched = await household(a, 'Familie Rahimi');
    await settle(a.device);
    await settle(b.device);

    value(await b.repos.cases.removeWithContents(edited.caseId));
    value(await b.repos.cases.removeWithContents(untouched.caseId));
    await settle(b.device);
    // Meanwhile, offline, A corrected the person's name and wrote a note in the case.
    const person = value(await a.repos.persons.get(edited.personId));
    value(
      await a.repos.persons.save(edited.personId, { ...dataOf(person), givenNames: 'Amina Sara' }),
    );
    const note = value(
      await a.repos.notes.create({
        ...emptyNote(edited.caseId, '2026-11-22', 'Jana'),
        text: 'Termin',
      }),
    );
    await settle(a.device);
    await settle(b.device);

    for (const device of [a, b]) {
      expect(await flags(device, edited.caseId)).toEqual({
        deleted: false,
        kinds: ['edit-after-delete'],
      });
      const file = await loadCaseFile(device.db, edited.caseId);
      expect(file?.persons.map((p) => p.givenNames)).toEqual(['Amina Sara']);
      expect(file?.notes.map((n) => n.id)).toEqual([note.id]);
      // The case nobody touched stays deleted, with its person.
      expect(await flags(device, untouched.caseId)).toEqual({ deleted: true, kinds: [] });
      expect((await device.db.persons.get(untouched.personId))?.deleted).toBe(true);
      expect(await device.device.store.outboxCount()).toBe(0);
    }

    // "Delete after all" on B deletes the case with everything in it, on both devices.
    value(await b.repos.cases.removeWithContents(edited.caseId));
    await settle(b.device);
    await settle(a.device);
    for (const device of [a, b]) {
      expect(await loadCaseFile(device.db, edited.caseId)).toBeNull();
      expect((await device.db.persons.get(edited.personId))?.deleted).toBe(true);
      expect((await device.db.notes.get(note.id))?.deleted).toBe(true);
    }
  }, 30_000);

  it('comes back flagged when the editing device synced first', async () => {
    const [a, b] = await teamOfTwo(server.baseUrl);
    const edited = await household(a, 'Familie Haidari');
    await settle(a.device);
    await settle(b.device);

    const person = value(await a.repos.persons.get(edited.personId));
    value(
      await a.repos.persons.save(edited.personId, { ...dataOf(person), phone: '0151 2345678' }),
    );
    await settle(a.device);
    // B has not pulled A's edit when it deletes the case.
    value(await b.repos.cases.removeWithContents(edited.caseId));
    await settle(b.device);
    expect(await flags(b, edited.caseId)).toEqual({ deleted: false, kinds: ['edit-after-delete'] });
    expect((await loadCaseFile(b.db, edited.caseId))?.persons.map((p) => p.phone)).toEqual([
      '0151 2345678',
    ]);

    await settle(a.device);
    expect(await flags(a, edited.caseId)).toEqual({ deleted: false, kinds: ['edit-after-delete'] });
    expect(await a.device.store.outboxCount()).toBe(0);
  }, 30_000);
});
