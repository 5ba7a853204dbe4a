// The case fields the form packs read: old records without them, and their checks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createRepositories, type Repositories } from '../../../src/db/repositories';
import { emptyCase } from '../../../src/domain/defaults';
import {
  landlordOf,
  previousAddressOf,
  validateCaseExtras,
} from '../../../src/ui/screens/case-edit/case-extra-fields';

const TODAY = '2026-11-22';

describe('validateCaseExtras', () => {
  it('accepts an empty case and a case written before the fields existed', () => {
    expect(validateCaseExtras(emptyCase(), TODAY)).toEqual({});
    expect(validateCaseExtras({}, TODAY)).toEqual({});
  });

  it('checks the move-in date: real date, at most a year ahead', () => {
    expect(validateCaseExtras({ moveInDate: '2026-02-30' }, TODAY)).toEqual({
      moveInDate: 'date-invalid',
    });
    expect(validateCaseExtras({ moveInDate: '2026-1-5' }, TODAY)).toEqual({
      moveInDate: 'date-invalid',
    });
    expect(validateCaseExtras({ moveInDate: '2026-12-01' }, TODAY)).toEqual({});
    expect(validateCaseExtras({ moveInDate: '2027-11-22' }, TODAY)).toEqual({});
    expect(validateCaseExtras({ moveInDate: '2027-11-23' }, TODAY)).toEqual({
      moveInDate: 'date-future',
    });
    expect(validateCaseExtras({ moveInDate: '1999-03-01' }, TODAY)).toEqual({});
  });

  it('checks postal codes only where they are German', () => {
    const previous = { street: '', postalCode: '1010', city: 'Wien', country: '' };
    expect(validateCaseExtras({ previousAddress: previous }, TODAY)).toEqual({
      'previousAddress.postalCode': 'postal-code-format',
    });
    expect(validateCaseExtras({ previousAddress: { ...previous, country: 'AT' } }, TODAY)).toEqual(
      {},
    );
    const landlord = { name: 'WBG', street: '', postalCode: '0106', city: '' };
    expect(validateCaseExtras({ landlord }, TODAY)).toEqual({
      'landlord.postalCode': 'postal-code-format',
    });
    expect(validateCaseExtras({ landlord: { ...landlord, postalCode: ' 01067 ' } }, TODAY)).toEqual(
      {},
    );
  });
});

describe('records written before the fields existed', () => {
  let db: LotseDb;
  let repos: Repositories;

  beforeEach(async () => {
    db = openDatabase(`case-extras-${Math.random()}`);
    await db.open();
    repos = createRepositories(db);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('open as empty groups and save with what the editor patches', async () => {
    const legacy = { ...emptyCase(), label: 'Familie Haidari' };
    delete legacy.moveInDate;
    delete legacy.previousAddress;
    delete legacy.landlord;
    const created = await repos.cases.create(legacy);
    if (!created.ok) throw new Error(created.code);
    const stored = await repos.cases.get(created.value.id);
    if (!stored.ok) throw new Error(stored.code);
    expect(stored.value.landlord).toBeUndefined();
    expect(previousAddressOf(stored.value)).toEqual({
      street: '',
      postalCode: '',
      city: '',
      country: '',
    });

    // The editor patches one field of a group that was missing, then saves the whole record.
    const saved = await repos.cases.save(stored.value.id, {
      ...legacy,
      landlord: { ...landlordOf(stored.value), name: 'WBG Dresden' },
    });
    if (!saved.ok) throw new Error(saved.code);
    const reread = await repos.cases.get(stored.value.id);
    if (!reread.ok) throw new Error(reread.code);
    expect(reread.value.landlord).toEqual({
      name: 'WBG Dresden',
      street: '',
      postalCode: '',
      city: '',
    });
    expect(reread.value.previousAddress).toBeUndefined();
    expect(validateCaseExtras(reread.value, TODAY)).toEqual({});
  });
});
