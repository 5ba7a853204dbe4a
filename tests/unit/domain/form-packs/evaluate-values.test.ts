// evaluatePack, the values: what comes from the case, whom each slot means, derived text.
import { describe, expect, it } from 'vitest';
import type { PersonSlot } from '../../../../src/domain/form-packs';
import type { Case } from '../../../../src/domain/types';
import { context, deletedChild, head, household, spouse } from './household-fixture';
import { SUBJECT, birth, derived, one, person, valueOf } from './pack-test-helpers';

describe('values from the case', () => {
  it('takes person fields as they are, marked as from the case, with a way back', () => {
    const { value, field } = one(person(SUBJECT, 'givenNames'));
    expect(value).toBe('Ahmad');
    expect(field?.origin).toBe('case');
    expect(field?.source).toEqual({ record: 'person', personId: head.id, field: 'givenNames' });
  });

  it('keeps names in Arabic script unchanged', () => {
    expect(valueOf(person(SUBJECT, 'familyNameNative'))).toBe('حيدري');
    expect(valueOf(person({ role: 'partner' }, 'givenNamesNative'))).toBe('فاطمة');
  });

  it('writes the IBAN and tax ID without spaces', () => {
    expect(valueOf(person(SUBJECT, 'iban'))).toBe('DE89370400440532013000');
    expect(valueOf(person(SUBJECT, 'taxId'))).toBe('86095742719');
  });

  it('takes household fields, including the new optional ones', () => {
    expect(valueOf({ kind: 'case', field: 'address.postalCode' })).toBe('10623');
    expect(valueOf({ kind: 'case', field: 'landlord.name' })).toBe('Wohnbau Nord GmbH');
    const { field } = one({ kind: 'case', field: 'phone' });
    expect(field?.source).toEqual({ record: 'case', field: 'phone' });
  });

  it('reports an empty source as missing, and never fills it with anything', () => {
    expect(one(person(SUBJECT, 'birthName'))).toMatchObject({
      value: null,
      problems: ['source-missing'],
    });
    const withoutMoveIn: Case = { ...household };
    delete withoutMoveIn.moveInDate;
    const ctx = { ...context(), household: withoutMoveIn };
    expect(
      one(derived({ type: 'date', date: { from: 'move-in' }, unknown: 'zeros' }), ctx).problems,
    ).toEqual(['source-missing']);
  });

  it('gives a fixed value as it is, marked as fixed', () => {
    expect(one({ kind: 'fixed', value: true }).field).toMatchObject({
      value: true,
      origin: 'fixed',
    });
  });
});

describe('persons and slots', () => {
  it('orders the household: subject, head, partner, children oldest first', () => {
    const names = [1, 2, 3, 4].map((i) =>
      valueOf(person({ role: 'member', index: i }, 'givenNames')),
    );
    expect(names).toEqual(['Ahmad', 'Fatima', 'Omar', 'Sara']);
    expect(valueOf(person({ role: 'child', index: 1 }, 'givenNames'))).toBe('Omar');
    expect(valueOf(person({ role: 'child', index: 2 }, 'givenNames'))).toBe('Sara');
  });

  it('ignores deleted persons', () => {
    expect(one(person({ role: 'child', index: 3 }, 'givenNames')).value).toBeNull();
    expect(valueOf(derived({ type: 'count', of: 'members' }))).toBe('4');
    const ctx = context(head, [head, { ...spouse, deleted: true }]);
    expect(valueOf(derived({ type: 'count', of: 'members' }), ctx)).toBe('1');
    expect(one(person({ role: 'partner' }, 'givenNames'), ctx).value).toBeNull();
    expect(context().persons).toContain(deletedChild);
  });

  it('treats an empty slot as "not applicable", not as a problem', () => {
    expect(one(person({ role: 'member', index: 7 }, 'familyName')).problems).toEqual([]);
  });

  it('reports a deleted or unknown subject as missing', () => {
    const gone = context(head, [{ ...head, deleted: true }, spouse]);
    expect(one(person(SUBJECT, 'familyName'), gone)).toMatchObject({
      value: null,
      problems: ['source-missing'],
    });
  });

  it('puts the subject first and finds the partner from either side', () => {
    const ctx = context(spouse);
    expect(valueOf(person({ role: 'member', index: 1 }, 'givenNames'), ctx)).toBe('Fatima');
    expect(valueOf(person({ role: 'partner' }, 'givenNames'), ctx)).toBe('Ahmad');
    expect(valueOf(person({ role: 'head' }, 'givenNames'), ctx)).toBe('Ahmad');
  });
});

describe('derived values', () => {
  it('writes partial dates of birth in the style the form wants', () => {
    expect(valueOf(birth(SUBJECT, 'zeros'))).toBe('00.00.1990');
    expect(valueOf(birth(SUBJECT, 'first'))).toBe('01.01.1990');
    expect(valueOf(birth({ role: 'partner' }, 'zeros'))).toBe('00.05.1992');
    expect(valueOf(birth({ role: 'partner' }, 'first'))).toBe('01.05.1992');
    expect(valueOf(birth({ role: 'child', index: 2 }, 'zeros'))).toBe('17.03.2015');
  });

  it('splits dates into day, month and year, and writes digits for comb boxes', () => {
    const parts = ['day', 'month', 'year'].map((part) =>
      valueOf(birth({ role: 'partner' }, 'zeros', { part })),
    );
    expect(parts).toEqual(['00', '05', '1992']);
    expect(valueOf(birth({ role: 'child', index: 1 }, 'zeros', { format: 'digits' }))).toBe(
      '10012009',
    );
  });

  it('writes today, and place and date', () => {
    expect(valueOf(derived({ type: 'date', date: { from: 'today' }, unknown: 'zeros' }))).toBe(
      '22.11.2026',
    );
    expect(valueOf(derived({ type: 'place-date' }))).toBe('Berlin, 22.11.2026');
    expect(one(derived({ type: 'place-date' }), { ...context(), place: ' ' }).problems).toEqual([
      'source-missing',
    ]);
    expect(valueOf(derived({ type: 'context', field: 'volunteer-name' }))).toBe('Anna Schmidt');
  });

  it('writes names in the styles forms ask for', () => {
    const name = (slot: PersonSlot, style: string) =>
      valueOf(derived({ type: 'name', person: slot, style }));
    expect(name(SUBJECT, 'family-given')).toBe('Haidari, Ahmad');
    expect(name({ role: 'partner' }, 'given-family')).toBe('Fatima Haidari');
    expect(name({ role: 'child', index: 2 }, 'given-with-other-family')).toBe('Sara');
    expect(name({ role: 'child', index: 1 }, 'given-with-other-family')).toBe('Omar Al-Hassan');
  });

  it('gives the certain age: a year of birth only counts as born on 31 December', () => {
    expect(valueOf(derived({ type: 'age', person: SUBJECT }))).toBe('35');
    expect(valueOf(derived({ type: 'age', person: { role: 'child', index: 2 } }))).toBe('11');
  });

  it('names countries in German, and the special nationalities', () => {
    expect(valueOf(derived({ type: 'country-name', of: person(SUBJECT, 'nationality') }))).toBe(
      'Syrien',
    );
    expect(
      valueOf(
        derived({
          type: 'country-name',
          of: person({ role: 'child', index: 2 }, 'countryOfBirth'),
        }),
      ),
    ).toBe('Türkei');
    const stateless = context(head, [{ ...head, nationality: 'stateless' }]);
    expect(
      valueOf(derived({ type: 'country-name', of: person(SUBJECT, 'nationality') }), stateless),
    ).toBe('staatenlos');
  });

  it('splits street and house number', () => {
    const part = (address: string, p: string) =>
      valueOf(derived({ type: 'address-part', address, part: p }));
    expect(part('current', 'street-name')).toBe('Straße des 17. Juni');
    expect(part('current', 'house-number')).toBe('110');
    expect(part('previous', 'street-name')).toBe('Am Sandberg');
    expect(part('previous', 'house-number')).toBe('3a');
  });

  it('writes sex, marital status and relationship in German', () => {
    expect(valueOf(derived({ type: 'sex', person: SUBJECT, style: 'word' }))).toBe('männlich');
    expect(valueOf(derived({ type: 'sex', person: { role: 'partner' }, style: 'letter' }))).toBe(
      'w',
    );
    expect(valueOf(derived({ type: 'marital-status', person: SUBJECT, style: 'code' }))).toBe('VH');
    expect(valueOf(derived({ type: 'relationship', person: { role: 'partner' } }))).toBe('Ehefrau');
    expect(valueOf(derived({ type: 'relationship', person: { role: 'child', index: 2 } }))).toBe(
      'Tochter',
    );
    expect(
      valueOf(derived({ type: 'relationship', person: { role: 'head' } }), context(spouse)),
    ).toBe('Ehemann');
  });

  it('joins, prefixes and falls back only over values that exist', () => {
    const birthName = person(SUBJECT, 'birthName');
    expect(
      valueOf(
        derived({ type: 'affix', value: birthName, prefix: 'geb. ', suffix: '' }),
        context(spouse),
      ),
    ).toBe('geb. Al-Hassan');
    expect(
      one(derived({ type: 'affix', value: birthName, prefix: 'geb. ', suffix: '' })).value,
    ).toBeNull();
    expect(
      valueOf(
        derived({
          type: 'join',
          separator: ', ',
          parts: [person(SUBJECT, 'familyName'), birthName, person(SUBJECT, 'placeOfBirth')],
        }),
      ),
    ).toBe('Haidari, Aleppo');
    const phone = derived({
      type: 'first-of',
      options: [person(SUBJECT, 'phone'), { kind: 'case', field: 'phone' }],
    });
    expect(valueOf(phone)).toBe('+49 30 1234567');
    expect(valueOf(phone, context(spouse))).toBe('+49 170 5550101');
    const holder = derived({
      type: 'if-filled',
      test: person(SUBJECT, 'iban'),
      value: person(SUBJECT, 'givenNames'),
    });
    expect(valueOf(holder)).toBe('Ahmad');
    expect(one(holder, context(spouse))).toMatchObject({ value: null, problems: [] });
    const noName = context(head, [{ ...head, givenNames: '' }]);
    expect(one(holder, noName)).toMatchObject({ value: null, problems: ['source-missing'] });
  });
});
