// "Save to the case": a changed draft value goes back to the record the pack read it from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories, loadCaseFile, type Repositories } from '../../../src/db/repositories';
import { emptyCase, emptyPerson } from '../../../src/domain/defaults';
import { canWriteBack, writeBack } from '../../../src/ui/screens/forms/write-back';

let db: LotseDb;
let repos: Repositories;

beforeEach(async () => {
  db = openDatabase(`write-back-${Math.random()}`);
  await db.open();
  repos = createRepositories(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function household() {
  const created = await repos.cases.create({ ...emptyCase(), label: 'Familie Haidari' });
  if (!created.ok) throw new Error(created.code);
  const person = await repos.persons.create({
    ...emptyPerson(created.value.id),
    familyName: 'Haidari',
    placeOfBirth: 'Herat',
    residence: { document: 'duldung', paragraph: '', documentNumber: '', expiresOn: '' },
  });
  if (!person.ok) throw new Error(person.code);
  const file = await loadCaseFile(db, created.value.id);
  if (!file) throw new Error('no case file');
  return { file, caseId: created.value.id, personId: person.value.id };
}

describe('write back', () => {
  it('writes a person field, a nested person field and a case field', async () => {
    const { file, caseId, personId } = await household();
    const place = { record: 'person', personId, field: 'placeOfBirth' } as const;
    const number = { record: 'person', personId, field: 'residence.documentNumber' } as const;
    const street = { record: 'case', field: 'address.street' } as const;
    expect(canWriteBack(place, file)).toBe(true);
    expect((await writeBack(repos, file, place, 'Mazar-e Sharif')).ok).toBe(true);
    const afterPlace = await loadCaseFile(db, caseId);
    expect((await writeBack(repos, afterPlace!, number, 'Y1234')).ok).toBe(true);
    expect((await writeBack(repos, file, street, 'Lindenweg 1')).ok).toBe(true);

    const after = await loadCaseFile(db, caseId);
    const person = after?.persons[0];
    expect(person?.placeOfBirth).toBe('Mazar-e Sharif');
    expect(person?.residence).toEqual({
      document: 'duldung',
      paragraph: '',
      documentNumber: 'Y1234',
      expiresOn: '',
    });
    expect(after?.case.address).toEqual({ street: 'Lindenweg 1', postalCode: '', city: '' });
    // Through the repositories: the outbox has the changes for sync.
    const kinds = (await db.outbox.toArray()).map((e) => e.kind).sort();
    expect(kinds).toEqual(['case', 'person']);
  });

  it('offers nothing for a person who is gone or a value without a source', async () => {
    const { file } = await household();
    const gone = { record: 'person', personId: 'nobody', field: 'familyName' } as const;
    expect(canWriteBack(gone, file)).toBe(false);
    expect(canWriteBack(undefined, file)).toBe(false);
    expect(await writeBack(repos, file, gone, 'x')).toEqual({ ok: false, code: 'not-found' });
  });
});
