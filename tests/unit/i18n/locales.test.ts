// Complete locales must have every key of the German source, in every plural form their
// language needs, with the same placeholders. A missing key fails here, not in front of a user.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/domain/validation';
import { COMPLETE_LANGUAGES } from '../../../src/i18n/languages';

const LOCALES_DIR = join(import.meta.dirname, '../../../locales');
type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(readFileSync(join(LOCALES_DIR, `${language}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys without plural suffixes, plus the set of plural bases. */
function shape(flat: Map<string, string>) {
  const plain = new Set<string>();
  const plurals = new Set<string>();
  for (const key of flat.keys()) {
    if (PLURAL_SUFFIX.test(key)) plurals.add(key.replace(PLURAL_SUFFIX, ''));
    else plain.add(key);
  }
  return { plain, plurals };
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const source = flatten(load('de'));
const sourceShape = shape(source);

describe.each(COMPLETE_LANGUAGES)('locale %s', (language) => {
  const flat = flatten(load(language));
  const { plain, plurals } = shape(flat);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every key of the source and no others', () => {
    expect([...sourceShape.plain].filter((k) => !plain.has(k))).toEqual([]);
    expect([...plain].filter((k) => !sourceShape.plain.has(k))).toEqual([]);
    expect([...sourceShape.plurals].filter((k) => !plurals.has(k))).toEqual([]);
    expect([...plurals].filter((k) => !sourceShape.plurals.has(k))).toEqual([]);
  });

  it(`has every plural form ${language} needs (${categories.join(', ')})`, () => {
    for (const base of plurals) {
      for (const category of categories) {
        expect(flat.get(`${base}_${category}`), `${base}_${category}`).toBeTruthy();
      }
    }
  });

  it('keeps the placeholders of the source text', () => {
    for (const [key, value] of flat) {
      const sourceKey = PLURAL_SUFFIX.test(key) ? `${key.replace(PLURAL_SUFFIX, '')}_other` : key;
      const expected = new Set(placeholders(source.get(sourceKey) ?? ''));
      // A plural form may leave out {{count}} where the language says "two days" in one word.
      for (const name of placeholders(value))
        expect(expected, `${key}: {{${name}}}`).toContain(name);
      for (const name of expected) {
        if (name === 'count' && PLURAL_SUFFIX.test(key)) continue;
        expect(placeholders(value), `${key} lacks {{${name}}}`).toContain(name);
      }
    }
  });

  it('translates every error code the domain and storage can produce', () => {
    const storageCodes = [
      'quota-exceeded',
      'storage-unavailable',
      'storage-failed',
      'not-found',
      'unknown',
    ];
    for (const code of [...ERROR_CODES, ...storageCodes]) {
      expect(flat.get(`errors.${code}`), `errors.${code}`).toBeTruthy();
    }
  });
});

it('every locale file is a complete language or explicitly partial', () => {
  const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    expect(COMPLETE_LANGUAGES as readonly string[]).toContain(file.replace('.json', ''));
  }
});
