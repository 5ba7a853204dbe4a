// Every published schema version must still open: write a database with each earlier
// version (exactly as that version defined it), then open it with the current code.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { SCHEMA_VERSIONS } from '../../../src/db/schema';
import { sampleAppointment, sampleCase, sampleNote, samplePerson } from '../../fixtures/records';

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
};

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
      db.close();
      await Dexie.delete(name);
    });
  }
});
