// evaluatePack, the decisions and checks: choices, splitting, and the problems a draft must show
// instead of silently cutting or inventing anything.
import { describe, expect, it } from 'vitest';
import { evaluatePack, type HouseholdFact } from '../../../../src/domain/form-packs';
import { splitValue } from '../../../../src/domain/form-packs/evaluate';
import type { PdfField, PdfInspection } from '../../../../src/pdf/types';
import { context, head, son } from './household-fixture';
import { SUBJECT, one, packOf, person, valueOf } from './pack-test-helpers';

describe('choices', () => {
  const sex = { from: 'sex', person: SUBJECT } as const;
  it('ticks the checkbox the case value names and unticks the others', () => {
    expect(valueOf({ kind: 'choice', source: sex, options: { male: true } })).toBe(true);
    expect(valueOf({ kind: 'choice', source: sex, options: { female: true } })).toBe(false);
  });

  it('picks the radio option from the table, or the fallback, or leaves it empty', () => {
    const marital = { from: 'marital-status', person: SUBJECT } as const;
    expect(valueOf({ kind: 'choice', source: marital, options: { married: 'verh.' } })).toBe(
      'verh.',
    );
    expect(one({ kind: 'choice', source: marital, options: { single: 'ledig' } })).toMatchObject({
      value: null,
      problems: [],
    });
    expect(
      valueOf({
        kind: 'choice',
        source: marital,
        options: { single: 'ledig' },
        otherwise: 'anders',
      }),
    ).toBe('anders');
  });

  it('reports an unknown case value as missing, not as "no"', () => {
    const ctx = context(head, [{ ...head, sex: '', maritalStatus: undefined }]);
    expect(one({ kind: 'choice', source: sex, options: { male: true } }, ctx)).toMatchObject({
      value: null,
      problems: ['source-missing'],
    });
    expect(
      one(
        {
          kind: 'choice',
          source: { from: 'marital-status', person: SUBJECT },
          options: { single: true },
        },
        ctx,
      ).problems,
    ).toEqual(['source-missing']);
  });

  it('groups nationalities', () => {
    const group = (nationality: string) =>
      valueOf(
        {
          kind: 'choice',
          source: { from: 'nationality-group', person: SUBJECT },
          options: { german: 'de', eu: 'eu', other: 'x', stateless: 's' },
        },
        context(head, [{ ...head, nationality }]),
      );
    expect([group('DE'), group('PL'), group('SY'), group('stateless')]).toEqual([
      'de',
      'eu',
      'x',
      's',
    ]);
  });

  it('answers household questions, and says "unknown" when a birth date leaves it open', () => {
    const fact = (name: HouseholdFact, ctx = context()) =>
      valueOf(
        {
          kind: 'choice',
          source: { from: 'household', fact: name },
          options: { yes: 'ja', no: 'nein' },
        },
        ctx,
      );
    expect(fact('lives-alone')).toBe('nein');
    expect(fact('has-partner')).toBe('ja');
    expect(fact('has-child-under-15')).toBe('ja');
    expect(fact('has-child-15-to-24')).toBe('ja');
    expect(fact('has-parent')).toBe('nein');
    expect(fact('lives-alone', context(head, [head]))).toBe('ja');
    const teenager = { ...son, dateOfBirth: '2011' }; // 14 or 15 on 22.11.2026
    expect(fact('has-child-under-15', context(head, [head, teenager]))).toBeNull();
  });

  it('compares ages with the certain range of a partial date', () => {
    const under = (years: number, dateOfBirth: string) =>
      valueOf(
        {
          kind: 'choice',
          source: { from: 'age-below', person: SUBJECT, years },
          options: { yes: 'ja', no: 'nein' },
        },
        context(head, [{ ...head, dateOfBirth }]),
      );
    expect(under(25, '1990')).toBe('nein');
    expect(under(25, '2002-06')).toBe('ja');
    expect(under(25, '2001')).toBeNull();
    expect(under(25, '')).toBeNull();
  });

  it('tells whether a value or a person exists', () => {
    expect(
      valueOf({
        kind: 'choice',
        source: { from: 'filled', value: person(SUBJECT, 'iban') },
        options: { yes: true },
      }),
    ).toBe(true);
    expect(
      valueOf({
        kind: 'choice',
        source: { from: 'person-exists', person: { role: 'child', index: 3 } },
        options: { no: 'keins' },
      }),
    ).toBe('keins');
  });
});

describe('splitting', () => {
  const iban = person(SUBJECT, 'iban');
  it('cuts values into groups and widths, whitespace removed', () => {
    expect(splitValue('DE89 3704 0044 0532 0130 00', { by: 'groups', size: 4 })).toEqual([
      'DE89',
      '3704',
      '0044',
      '0532',
      '0130',
      '00',
    ]);
    expect(splitValue('86 095 742 719', { by: 'widths', widths: [2, 3, 3, 3] })).toEqual([
      '86',
      '095',
      '742',
      '719',
    ]);
    expect(splitValue('123456', { by: 'widths', widths: [2, 3] })).toEqual(['12', '345', '6']);
  });

  it('fills every part, and flags the last mapped part when the value has more', () => {
    const pack = packOf(
      Object.fromEntries(
        [1, 2, 3, 4, 5].map((part) => [
          `iban${part}`,
          { kind: 'split', value: iban, rule: { by: 'groups', size: 4 }, part },
        ]),
      ),
    );
    const result = evaluatePack(pack, context());
    expect(result.fields.map((f) => f.value)).toEqual(['DE89', '3704', '0044', '0532', '0130']);
    expect(result.fields[4]?.problems).toEqual([{ code: 'split-overflow', detail: '6 > 5' }]);
    expect(result.fields.slice(0, 4).every((f) => f.problems.length === 0)).toBe(true);
  });

  it('leaves parts beyond a short value empty, without a problem', () => {
    const short = context(head, [{ ...head, iban: 'NO93 8601 1117 947' }]);
    const pack = packOf(
      Object.fromEntries(
        [4, 5].map((part) => [
          `iban${part}`,
          { kind: 'split', value: iban, rule: { by: 'groups', size: 4 }, part },
        ]),
      ),
    );
    expect(evaluatePack(pack, short).fields.map((f) => [f.value, f.problems])).toEqual([
      ['947', []],
      [null, []],
    ]);
  });
});

describe('checks against the inspected form', () => {
  const field = (key: string, over: Partial<PdfField>): PdfField => ({
    name: key,
    key,
    type: 'text',
    label: null,
    page: 1,
    rect: null,
    maxLen: null,
    comb: false,
    options: [],
    onValue: null,
    readOnly: false,
    ...over,
  });
  const inspection = (fields: PdfField[]): PdfInspection => ({
    kind: 'acroform',
    encrypted: false,
    pages: 1,
    fingerprint: 'b'.repeat(64),
    fields,
  });

  it('reports a value longer than the field, and keeps it out of the values to fill', () => {
    const pack = packOf({
      city: { kind: 'case', field: 'previousAddress.city' },
      zip: { kind: 'case', field: 'address.postalCode' },
    });
    const result = evaluatePack(
      pack,
      context(),
      inspection([field('city', { maxLen: 10 }), field('zip', { maxLen: 5, comb: true })]),
    );
    expect(result.fields[0]).toMatchObject({
      value: 'Frankfurt (Oder)',
      problems: [{ code: 'value-too-long', detail: '16 > 10' }],
    });
    expect(result.values).toEqual({ zip: '10623' });
  });

  it('counts characters, not UTF-16 units, as the engine does', () => {
    const pack = packOf({ n: person(SUBJECT, 'familyName') });
    const emoji = context(head, [{ ...head, familyName: '😀😀😀' }]);
    expect(
      evaluatePack(pack, emoji, inspection([field('n', { maxLen: 3 })])).fields[0]?.problems,
    ).toEqual([]);
  });

  it('reports unknown fields, wrong types, unknown options and read-only fields', () => {
    const pack = packOf({
      gone: person(SUBJECT, 'familyName'),
      box: person(SUBJECT, 'familyName'),
      radio: { kind: 'choice', source: { from: 'sex', person: SUBJECT }, options: { male: 'm' } },
      locked: person(SUBJECT, 'familyName'),
    });
    const result = evaluatePack(
      pack,
      context(),
      inspection([
        field('box', { type: 'checkbox', onValue: 'Ja' }),
        field('radio', { type: 'radio', options: ['männlich', 'weiblich'] }),
        field('locked', { readOnly: true }),
      ]),
    );
    expect(result.fields.map((f) => f.problems.map((p) => p.code))).toEqual([
      ['field-unknown'],
      ['field-type'],
      ['option-unknown'],
      ['field-read-only'],
    ]);
    expect(result.values).toEqual({});
  });

  it('fills a field called "__proto__" like any other', () => {
    const pack = {
      ...packOf({}),
      mappings: [{ key: '__proto__', ...person(SUBJECT, 'familyName') }],
    };
    const values = evaluatePack(pack, context()).values;
    expect(Object.entries(values)).toEqual([['__proto__', 'Haidari']]);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
