// An older app meets records written by a newer one: fields it does not know and kinds it
// does not know are kept through pull, local edits, merges and pushes — never dropped.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { useSyncServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice, person, settle } from './client-harness.js';

describe('an old client against newer records (sqlite)', () => {
  const server = useSyncServer('sqlite');

  it('keeps unknown fields and unknown kinds through edits and merges', async () => {
    const newer = await createTeamDevice(server.baseUrl);
    const older = await joinDevice(server.baseUrl, newer);
    const record = person({
      residencePermitHistory: [{ id: randomUUID(), paragraph: '§ 24 AufenthG' }],
      futureField: { level: 2, note: 'from version 9' },
    });
    const pack = { id: randomUUID(), deleted: false, title: 'Formularpaket', schema: 9 };
    newer.store.write('person', record);
    newer.store.write('form-pack-v9', pack);
    await settle(newer);
    await settle(older);
    expect(older.store.records().get(`person/${record.id}`)).toEqual(record);
    expect(older.store.records().get(`form-pack-v9/${pack.id}`)).toEqual(pack);

    // The old app edits a field it knows, writing back the whole record it holds; at the
    // same time the new app edits the field the old one does not know.
    const held = older.store.records().get(`person/${record.id}`) ?? record;
    older.store.write('person', { ...held, phone: '+49 151 1' });
    newer.store.write('person', { ...record, futureField: { level: 3, note: 'changed' } });
    await settle(newer);
    await settle(older); // conflict on the revision: merged field by field
    await settle(newer);

    const merged = {
      ...record,
      phone: '+49 151 1',
      futureField: { level: 3, note: 'changed' },
    };
    expect(newer.store.records().get(`person/${record.id}`)).toEqual(merged);
    expect(older.store.records()).toEqual(newer.store.records());
    expect(await older.store.problems()).toEqual([]);
  });
});
