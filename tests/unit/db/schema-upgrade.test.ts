// Every published schema version must still open: write a database with each earlier
// version (exactly as that version defined it), then open it with the current code.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { SCHEMA_VERSIONS } from '../../../src/db/schema';
import { createDexieLocalStore } from '../../../src/db/sync-local-store';
import { sampleAppointment, sampleCase, sampleNote, samplePerson } from '../../fixtures/records';

// What v2 adds: an imported form and a draft for the sample case.
const sampleForm = {
  id: '019aa000-0000-7000-8000-0000000000f1',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  deleted: false,
  fileName: 'hauptantrag.pdf',
  importedAt: '2026-11-20T09:00:00.000Z',
  size: 4,
  password: '',
  inspection: { kind: 'acroform', encrypted: false, pages: 1, fingerprint: 'x', fields: [] },
};
const sampleDraft = {
  id: '019aa000-0000-7000-8000-0000000000d1',
  createdAt: '2026-11-20T09:01:00.000Z',
  updatedAt: '2026-11-20T09:01:00.000Z',
  deleted: false,
  caseId: sampleCase.id,
  formId: sampleForm.id,
  packId: null,
  subjectPersonId: samplePerson.id,
  values: { Name: 'Haidari' },
  fromCase: { Name: 'Haidari' },
  sources: { Name: { record: 'person', personId: 'p1', field: 'familyName' } },
  status: 'draft',
  submittedOn: '',
  office: '',
};

// What v3 adds: team-sync bookkeeping.
const sampleShadow = {
  kind: 'person',
  id: samplePerson.id,
  shadow: { rev: 3, base: { id: samplePerson.id }, unacked: [], keyEpoch: 1 },
};

// What v4 adds: a form pack made in the app.
const samplePack = {
  id: '019aa000-0000-7000-8000-0000000000a1',
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  deleted: false,
  pack: {
    format: 'lotse-form-pack',
    version: 1,
    id: 'hauptantrag',
    title: { de: 'Hauptantrag', en: 'Main application' },
    authority: 'jobcenter',
    edition: {
      label: '04/2025',
      fingerprint: 'a'.repeat(64),
      fields: [{ key: 'Name', type: 'text' }],
    },
    mappings: [{ key: 'Name', kind: 'fixed', value: 'x' }],
  },
};

const conflictedNoteId = '019aa000-0000-7000-8000-0000000000c1';

// What each version's data looked like when it was current. Add an entry with every new version.
const WRITTEN_BY_VERSION: Record<number, Record<string, unknown[]>> = {
  1: {
    cases: [sampleCase],
    persons: [samplePerson],
    appointments: [sampleAppointment],
    notes: [sampleNote],
    outbox: [{ kind: 'case', recordId: sampleCase.id, op: 'put', changedAt: sampleCase.updatedAt }],
    settings: [{ key: 'language', value: 'ar' }],
  },
  2: {
    cases: [sampleCase],
    persons: [samplePerson],
    appointments: [sampleAppointment],
    notes: [sampleNote],
    outbox: [{ kind: 'case', recordId: sampleCase.id, op: 'put', changedAt: sampleCase.updatedAt }],
    settings: [{ key: 'language', value: 'ar' }],
    forms: [sampleForm],
    formFiles: [{ id: sampleForm.id, bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
    drafts: [sampleDraft],
    outputs: [],
  },
  3: {
    cases: [sampleCase],
    persons: [samplePerson],
    appointments: [sampleAppointment],
    notes: [sampleNote],
    outbox: [{ kind: 'case', recordId: sampleCase.id, op: 'put', changedAt: sampleCase.updatedAt }],
    settings: [{ key: 'language', value: 'ar' }],
    forms: [sampleForm],
    formFiles: [{ id: sampleForm.id, bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
    drafts: [sampleDraft],
    outputs: [],
    syncShadows: [sampleShadow],
    syncProblems: [{ kind: 'note', id: sampleNote.id, code: 'crypto-tampered' }],
    syncForeign: [{ kind: 'form-pack', id: sampleForm.id, record: { id: sampleForm.id } }],
    syncState: [{ key: 'meta', value: { cursor: 12, lastSyncedAt: '2026-11-22T10:00:00.000Z' } }],
  },
  4: {
    cases: [sampleCase],
    persons: [samplePerson],
    appointments: [sampleAppointment],
    // A record with an open sync conflict (found through the v5 index after the upgrade).
    notes: [
      sampleNote,
      { ...sampleNote, id: conflictedNoteId, syncConflicts: [{ id: 'c1', path: 'text' }] },
    ],
    outbox: [{ kind: 'case', recordId: sampleCase.id, op: 'put', changedAt: sampleCase.updatedAt }],
    settings: [{ key: 'language', value: 'ar' }],
    forms: [sampleForm],
    formFiles: [{ id: sampleForm.id, bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
    drafts: [sampleDraft],
    outputs: [],
    syncShadows: [sampleShadow],
    syncProblems: [{ kind: 'note', id: sampleNote.id, code: 'crypto-tampered' }],
    syncForeign: [{ kind: 'form-pack', id: sampleForm.id, record: { id: sampleForm.id } }],
    syncState: [{ key: 'meta', value: { cursor: 12, lastSyncedAt: '2026-11-22T10:00:00.000Z' } }],
    packs: [samplePack],
  },
};
// v5 adds an index only (shadow.keyEpoch): the data looks as in v4.
WRITTEN_BY_VERSION[5] = WRITTEN_BY_VERSION[4] ?? {};

describe('schema versions', () => {
  it('are numbered upwards and each has sample data written by it', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const v of versions) expect(WRITTEN_BY_VERSION[v], `fixture for v${v}`).toBeDefined();
  });

  for (const [index, { version }] of SCHEMA_VERSIONS.entries()) {
    it(`opens a database written by version ${version} with the data intact`, async () => {
      const name = `upgrade-from-v${version}`;
      const old = new Dexie(name);
      for (const v of SCHEMA_VERSIONS.slice(0, index + 1)) old.version(v.version).stores(v.stores);
      const written = WRITTEN_BY_VERSION[version] ?? {};
      await old.open();
      for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
      expect(await db.cases.get(sampleCase.id)).toEqual(sampleCase);
      expect(await db.persons.where({ caseId: sampleCase.id }).toArray()).toEqual([samplePerson]);
      expect(await db.appointments.get(sampleAppointment.id)).toEqual(sampleAppointment);
      expect(await db.notes.get(sampleNote.id)).toEqual(sampleNote);
      expect(await db.outbox.count()).toBe(1);
      expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'ar' });
      // Tables of later versions open empty under an older database and keep what they held.
      if (version >= 2) {
        expect(await db.forms.get(sampleForm.id)).toEqual(sampleForm);
        expect(await db.drafts.where({ caseId: sampleCase.id }).toArray()).toEqual([sampleDraft]);
        expect(Array.from((await db.formFiles.get(sampleForm.id))?.bytes ?? [])).toEqual([
          0x25, 0x50, 0x44, 0x46,
        ]);
      } else {
        expect(await db.forms.count()).toBe(0);
        expect(await db.drafts.count()).toBe(0);
      }
      if (version >= 3) {
        expect(await db.syncShadows.get(['person', samplePerson.id])).toEqual(sampleShadow);
        // The epoch index (v5) covers shadows written before it existed.
        expect(await createDexieLocalStore(db).staleEpochRecords(2, 10)).toEqual([
          { kind: 'person', id: samplePerson.id },
        ]);
        expect(await db.syncProblems.count()).toBe(1);
        expect(await db.syncForeign.get(['form-pack', sampleForm.id])).toBeDefined();
        expect(await db.syncState.get('meta')).toMatchObject({ value: { cursor: 12 } });
      } else {
        // An upgraded device starts sync from nothing: no cursor, no shadows.
        expect(await db.syncShadows.count()).toBe(0);
        expect(await db.syncState.count()).toBe(0);
      }
      if (version >= 4) {
        expect(await db.packs.get(samplePack.id)).toEqual(samplePack);
        expect(await createDexieLocalStore(db).countConflicted()).toBe(1);
      } else {
        // Packs made before v4 did not exist: the table opens empty.
        expect(await db.packs.count()).toBe(0);
      }
      db.close();
      await Dexie.delete(name);
    });
  }
});
