import { describe, expect, it } from 'vitest';
import { emptyPerson } from '../../../src/domain/defaults';
import type { Person } from '../../../src/domain/types';
import {
  differingFields,
  mergePersons,
  pairKey,
} from '../../../src/ui/screens/case-detail/duplicate-merge';

const person = (id: string, data: Partial<Person>): Person => ({
  ...emptyPerson('case-1'),
  id,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  deleted: false,
  ...data,
});

const mohammed = person('p1', {
  familyName: 'Haidari',
  givenNames: 'Mohammed',
  dateOfBirth: '1990',
  nationality: 'AF',
  languages: ['fa'],
  residence: { document: '', paragraph: '', documentNumber: '', expiresOn: '' },
});
const muhammad = person('p2', {
  familyName: 'Haidari',
  givenNames: 'Muhammad',
  givenNamesNative: 'محمد',
  dateOfBirth: '1990-05-17',
  phone: '+49 170 1234567',
  languages: ['fa', 'de'],
  residence: {
    document: 'aufenthaltserlaubnis',
    paragraph: '',
    documentNumber: 'X123',
    expiresOn: '',
  },
});

describe('differingFields', () => {
  it('lists only fields both persons filled with different values', () => {
    expect(differingFields(mohammed, muhammad)).toEqual(['givenNames', 'dateOfBirth']);
  });

  it('is empty for identical persons', () => {
    expect(differingFields(mohammed, { ...mohammed, id: 'p3' })).toEqual([]);
  });
});

describe('mergePersons', () => {
  it('fills empty fields from the other person and keeps the kept values by default', () => {
    const merged = mergePersons(mohammed, muhammad);
    expect(merged.id).toBe('p1');
    expect(merged.givenNames).toBe('Mohammed');
    expect(merged.dateOfBirth).toBe('1990');
    expect(merged.givenNamesNative).toBe('محمد');
    expect(merged.phone).toBe('+49 170 1234567');
    expect(merged.residence).toEqual({
      document: 'aufenthaltserlaubnis',
      paragraph: '',
      documentNumber: 'X123',
      expiresOn: '',
    });
    expect(merged.nationality).toBe('AF');
    expect(merged.languages).toEqual(['fa', 'de']);
  });

  it('takes the other value where the volunteer chose it', () => {
    const merged = mergePersons(mohammed, muhammad, { dateOfBirth: 'other' });
    expect(merged.dateOfBirth).toBe('1990-05-17');
    expect(merged.givenNames).toBe('Mohammed');
  });

  it('does not change the inputs', () => {
    const before = structuredClone(mohammed);
    mergePersons(mohammed, muhammad, { givenNames: 'other' });
    expect(mohammed).toEqual(before);
  });
});

describe('pairKey', () => {
  it('is the same in either order', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairKey('a', 'b')).toBe('a|b');
  });
});

describe('mergePersons and "keep both"', () => {
  it('keeps what either person was kept apart from, without the two themselves', () => {
    const merged = mergePersons(
      { ...mohammed, notDuplicateOf: ['p7'] },
      { ...muhammad, notDuplicateOf: ['p8', 'p7', 'p1'] },
    );
    expect(merged.notDuplicateOf).toEqual(['p7', 'p8']);
    expect(mergePersons(mohammed, muhammad).notDuplicateOf).toBeUndefined();
  });
});
