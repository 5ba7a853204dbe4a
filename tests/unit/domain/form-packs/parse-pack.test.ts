// Packs come from other volunteers' files: the parser must accept exactly the format and
// nothing else, and never throw, whatever the bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseFormPack,
  serializeFormPack,
  SHIPPED_PACKS,
  type FormPack,
} from '../../../../src/domain/form-packs';

const FINGERPRINT = 'a'.repeat(64);

/** A small valid pack as parsed JSON, to break one part at a time. */
const valid = (): Record<string, unknown> => ({
  format: 'lotse-form-pack',
  version: 1,
  id: 'test-pack',
  title: { de: 'Testformular', en: 'Test form' },
  authority: 'jobcenter',
  edition: {
    label: '01/2026',
    fingerprint: FINGERPRINT,
    fields: [
      { key: 'name', type: 'text' },
      { key: 'female', type: 'checkbox' },
      { key: 'constructor', type: 'text' },
      { key: 'iban1', type: 'text' },
    ],
  },
  mappings: [
    { key: 'name', kind: 'person', person: { role: 'subject' }, field: 'familyName' },
    {
      key: 'female',
      kind: 'choice',
      source: { from: 'sex', person: { role: 'subject' } },
      options: { female: true },
    },
    {
      key: 'constructor',
      kind: 'derived',
      derive: {
        type: 'join',
        separator: ', ',
        parts: [
          { kind: 'case', field: 'address.street' },
          { kind: 'derived', derive: { type: 'date', date: { from: 'today' }, unknown: 'zeros' } },
        ],
      },
    },
    {
      key: 'iban1',
      kind: 'split',
      value: { kind: 'person', person: { role: 'child', index: 2 }, field: 'iban' },
      rule: { by: 'groups', size: 4 },
      part: 1,
    },
  ],
});

const parse = (value: unknown) => parseFormPack(JSON.stringify(value));
const mappings = (pack: Record<string, unknown>) => pack.mappings as Record<string, unknown>[];
const withMapping = (mapping: Record<string, unknown>) => {
  const pack = valid();
  mappings(pack)[0] = { key: 'name', ...mapping };
  return pack;
};
const codeOf = (value: unknown) => {
  const result = parse(value);
  return result.ok ? 'ok' : result.code;
};

describe('parseFormPack accepts', () => {
  it('a valid pack, a field called "constructor" included', () => {
    const result = parse(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.mappings.map((m) => m.key)).toEqual([
      'name',
      'female',
      'constructor',
      'iban1',
    ]);
  });

  it.each(SHIPPED_PACKS.map((p) => [p.id, p] as const))(
    'the shipped pack %s, round trip through serializeFormPack',
    (_id, pack) => {
      const text = serializeFormPack(pack);
      const result = parseFormPack(text);
      expect(result).toEqual({ ok: true, value: pack });
      if (result.ok) expect(serializeFormPack(result.value)).toBe(text);
    },
  );
});

describe('parseFormPack accepts every kind of mapping', () => {
  const subject = { role: 'subject' };
  const text = { kind: 'person', person: subject, field: 'givenNames' };
  const derived = (derive: Record<string, unknown>) => ({ kind: 'derived', derive });
  it.each<[string, Record<string, unknown>]>([
    ['a case field', { kind: 'case', field: 'landlord.name' }],
    ['a fixed text', { kind: 'fixed', value: 'Berlin' }],
    ['a fixed tick', { kind: 'fixed', value: true }],
    [
      'a date part',
      derived({
        type: 'date',
        date: { from: 'date-of-birth', person: subject },
        unknown: 'first',
        part: 'year',
      }),
    ],
    [
      'a date for comb boxes',
      derived({ type: 'date', date: { from: 'move-in' }, unknown: 'zeros', format: 'digits' }),
    ],
    [
      'a name',
      derived({ type: 'name', person: { role: 'member', index: 3 }, style: 'family-given' }),
    ],
    ['a sex letter', derived({ type: 'sex', person: subject, style: 'letter' })],
    ['a marital status code', derived({ type: 'marital-status', person: subject, style: 'code' })],
    ['a relationship', derived({ type: 'relationship', person: { role: 'child', index: 1 } })],
    [
      'a country name',
      derived({ type: 'country-name', of: { kind: 'case', field: 'previousAddress.country' } }),
    ],
    ['an age', derived({ type: 'age', person: { role: 'partner' } })],
    [
      'an address part',
      derived({ type: 'address-part', address: 'landlord', part: 'house-number' }),
    ],
    ['a count', derived({ type: 'count', of: 'others' })],
    ['the volunteer', derived({ type: 'context', field: 'volunteer-name' })],
    ['place and date', derived({ type: 'place-date' })],
    ['an affix', derived({ type: 'affix', value: text, prefix: 'geb. ', suffix: '' })],
    [
      'a first-of',
      derived({ type: 'first-of', options: [text, { kind: 'case', field: 'phone' }] }),
    ],
    ['an if-filled', derived({ type: 'if-filled', test: text, value: text })],
    [
      'a choice on nationality',
      {
        kind: 'choice',
        source: { from: 'nationality', person: subject },
        options: { DE: 'deutsch', stateless: 'staatenlos' },
        otherwise: 'andere',
      },
    ],
    [
      'a choice on a nationality group',
      {
        kind: 'choice',
        source: { from: 'nationality-group', person: subject },
        options: { eu: true },
      },
    ],
    [
      'a choice on a residence document',
      {
        kind: 'choice',
        source: { from: 'residence-document', person: subject },
        options: { duldung: 'D' },
      },
    ],
    [
      'a choice on a relationship',
      {
        kind: 'choice',
        source: { from: 'relationship', person: subject },
        options: { head: true },
      },
    ],
    [
      'a choice on a filled value',
      { kind: 'choice', source: { from: 'filled', value: text }, options: { no: true } },
    ],
    [
      'a choice on a person existing',
      {
        kind: 'choice',
        source: { from: 'person-exists', person: { role: 'head' } },
        options: { yes: true },
      },
    ],
    [
      'a choice on an age',
      {
        kind: 'choice',
        source: { from: 'age-below', person: subject, years: 18 },
        options: { yes: 'ja', no: 'nein' },
      },
    ],
    [
      'a split by widths',
      { kind: 'split', value: text, rule: { by: 'widths', widths: [2, 3, 3, 3] }, part: 4 },
    ],
  ])('%s', (_name, mapping) => {
    expect(codeOf(withMapping(mapping))).toBe('ok');
  });
});

describe('serializeFormPack', () => {
  it('writes pretty JSON in the format order, whatever order the pack was built in', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (typeof value !== 'object' || value === null) return value;
      const entries = Object.entries(value).reverse();
      return Object.fromEntries(entries.map(([k, v]) => [k, reverseKeys(v)]));
    };
    for (const pack of SHIPPED_PACKS) {
      const text = serializeFormPack(pack);
      expect(serializeFormPack(reverseKeys(pack) as FormPack)).toBe(text);
      expect(text.startsWith('{\n  "format": "lotse-form-pack",\n  "version": 1,\n')).toBe(true);
      expect(text.endsWith('}\n')).toBe(true);
    }
  });
});

describe('parseFormPack refuses', () => {
  it.each([
    ['not JSON', '{"format":'],
    ['an empty file', ''],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['a string', '"lotse-form-pack"'],
  ])('%s', (_name, text) => {
    expect(parseFormPack(text)).toEqual({ ok: false, code: 'pack-invalid' });
  });

  it('a newer version as unsupported, a broken version as invalid', () => {
    expect(codeOf({ ...valid(), version: 2 })).toBe('pack-version-unsupported');
    for (const version of [0, -1, 1.5, '1', null]) {
      expect(codeOf({ ...valid(), version })).toBe('pack-invalid');
    }
  });

  it.each<[string, (p: Record<string, unknown>) => void]>([
    ['another format marker', (p) => (p.format = 'other-pack')],
    ['an unknown top-level property', (p) => (p.extra = 1)],
    ['a missing title language', (p) => (p.title = { de: 'Nur deutsch' })],
    ['a title that is not text', (p) => (p.title = { de: 1, en: 'x' })],
    ['an unknown authority', (p) => (p.authority = 'ministry')],
    ['an id with spaces', (p) => (p.id = 'my pack')],
    [
      'a fingerprint that is not SHA-256 hex',
      (p) => ((p.edition as { fingerprint: string }).fingerprint = 'abc'),
    ],
    ['edition fields that are not a list', (p) => ((p.edition as { fields: unknown }).fields = {})],
    [
      'an unknown field type',
      (p) => ((p.edition as { fields: unknown }).fields = [{ key: 'name', type: 'slider' }]),
    ],
    [
      'a duplicate edition field',
      (p) => (p.edition as { fields: unknown[] }).fields.push({ key: 'name', type: 'text' }),
    ],
    ['a mapping for a field the edition lacks', (p) => (mappings(p)[0]!.key = 'nowhere')],
    ['a duplicate mapping', (p) => mappings(p).push(mappings(p)[0]!)],
    ['mappings that are not a list', (p) => (p.mappings = {})],
    ['a mapping that is not an object', (p) => (p.mappings = ['name'])],
  ])('%s', (_name, spoil) => {
    const pack = valid();
    spoil(pack);
    expect(codeOf(pack)).toBe('pack-invalid');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown kind', { kind: 'magic' }],
    [
      'an unknown person role',
      { kind: 'person', person: { role: 'neighbour' }, field: 'familyName' },
    ],
    [
      'a child index of 0',
      { kind: 'person', person: { role: 'child', index: 0 }, field: 'familyName' },
    ],
    [
      'an index on the subject',
      { kind: 'person', person: { role: 'subject', index: 1 }, field: 'familyName' },
    ],
    ['an unknown person field', { kind: 'person', person: { role: 'subject' }, field: 'password' }],
    [
      'an extra property',
      { kind: 'person', person: { role: 'subject' }, field: 'familyName', x: 1 },
    ],
    ['an unknown case field', { kind: 'case', field: 'notes' }],
    ['an unknown derivation', { kind: 'derived', derive: { type: 'eval', code: '1' } }],
    [
      'a derivation with a stray property',
      { kind: 'derived', derive: { type: 'place-date', person: { role: 'subject' } } },
    ],
    [
      'a date without its unknown style',
      { kind: 'derived', derive: { type: 'date', date: { from: 'today' } } },
    ],
    [
      'a date part that does not exist',
      {
        kind: 'derived',
        derive: { type: 'date', date: { from: 'today' }, unknown: 'zeros', part: 'week' },
      },
    ],
    ['an empty join', { kind: 'derived', derive: { type: 'join', parts: [], separator: ' ' } }],
    ['a fixed object', { kind: 'fixed', value: { a: 1 } }],
    ['a fixed number', { kind: 'fixed', value: 3 }],
    [
      'a choice code outside the vocabulary',
      {
        kind: 'choice',
        source: { from: 'sex', person: { role: 'subject' } },
        options: { femme: true },
      },
    ],
    [
      'a choice table mixing ticks and options',
      {
        kind: 'choice',
        source: { from: 'sex', person: { role: 'subject' } },
        options: { female: true, male: 'm' },
      },
    ],
    [
      'an empty choice table',
      { kind: 'choice', source: { from: 'sex', person: { role: 'subject' } }, options: {} },
    ],
    [
      'a choice table that is a list',
      { kind: 'choice', source: { from: 'sex', person: { role: 'subject' } }, options: [true] },
    ],
    [
      'an unknown household fact',
      { kind: 'choice', source: { from: 'household', fact: 'rich' }, options: { yes: true } },
    ],
    [
      'an age limit that is not a whole number',
      {
        kind: 'choice',
        source: { from: 'age-below', person: { role: 'subject' }, years: 2.5 },
        options: { yes: true },
      },
    ],
    [
      'a split part beyond the widths',
      {
        kind: 'split',
        value: { kind: 'person', person: { role: 'subject' }, field: 'taxId' },
        rule: { by: 'widths', widths: [2, 3] },
        part: 3,
      },
    ],
    [
      'a split group size of 0',
      {
        kind: 'split',
        value: { kind: 'person', person: { role: 'subject' }, field: 'iban' },
        rule: { by: 'groups', size: 0 },
        part: 1,
      },
    ],
  ])('a mapping with %s', (_name, mapping) => {
    expect(codeOf(withMapping(mapping))).toBe('pack-invalid');
  });

  it('prototype keys, wherever they appear', () => {
    const proto = (json: string) => parseFormPack(json).ok;
    const text = JSON.stringify(valid());
    expect(proto(text.replace('"format"', '"__proto__":{"polluted":1},"format"'))).toBe(false);
    expect(proto(text.replace('"female":true', '"__proto__":true'))).toBe(false);
    expect(proto(text.replace('"female":true', '"female":true,"constructor":true'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nesting deeper than four levels', () => {
    let value: Record<string, unknown> = { kind: 'case', field: 'phone' };
    for (let i = 0; i < 6; i++) {
      value = { kind: 'derived', derive: { type: 'join', parts: [value], separator: ' ' } };
    }
    expect(codeOf(withMapping(value))).toBe('pack-invalid');
  });

  it('huge strings and huge files', () => {
    const pack = valid();
    (pack.title as { de: string }).de = 'x'.repeat(10_000);
    expect(codeOf(pack)).toBe('pack-invalid');
    const longKey = valid();
    const key = 'k'.repeat(5_000);
    (longKey.edition as { fields: unknown[] }).fields.push({ key, type: 'text' });
    expect(codeOf(longKey)).toBe('pack-invalid');
    expect(parseFormPack(' '.repeat(5_000_000))).toEqual({ ok: false, code: 'pack-invalid' });
  });
});

describe('parseFormPack never throws', () => {
  it('on JSON nested far deeper than any pack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseFormPack(deep)).toEqual({ ok: false, code: 'pack-invalid' });
    const pack = JSON.stringify(valid()).replace('"label":"01/2026"', `"label":${deep}`);
    expect(parseFormPack(pack)).toEqual({ ok: false, code: 'pack-invalid' });
  });

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseFormPack(JSON.stringify(value) ?? '').ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid pack with one part replaced by anything', () => {
    const paths: (string | number)[][] = [
      ['title'],
      ['edition', 'fields', 0],
      ['mappings', 0, 'person'],
      ['mappings', 1, 'options'],
      ['mappings', 2, 'derive', 'parts', 1],
      ['mappings', 3, 'rule'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) => {
        const pack = valid();
        let target = pack as Record<string | number, unknown>;
        for (const step of path.slice(0, -1)) target = target[step] as typeof target;
        target[path.at(-1)!] = replacement;
        const result = parse(pack);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
