import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalizeForSearch } from '../../../src/domain/search';

/** Whether a search for `query` finds a single case whose only text is `text`. */
const finds = (query: string, text: string): boolean =>
  buildSearchIndex([{ caseId: 'c', texts: [text] }])
    .search(query)
    .has('c');

describe('normalizeForSearch', () => {
  it.each([
    ['Müller', 'muller'],
    ['Öztürk', 'ozturk'],
    ['Łukasz', 'lukasz'],
    ['Søren', 'soren'],
    ['Đorđević', 'dordevic'],
    ['Straße', 'strasse'],
    ['Ætna Œuvre', 'aetna oeuvre'],
    ['Yıldız', 'yildiz'],
    ['İstanbul', 'istanbul'],
    ['Ｍüller', 'muller'], // full-width letter
    ['  Anna \t Maria\n', 'anna maria'],
    ['O’Brien', 'obrien'],
    ['Abu-Bakr', 'abu bakr'],
    ['Шевченко', 'шевченко'],
    ['Ελένη', 'ελενη'],
    ['مُحَمَّد', 'محمد'],
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['مصطفى', 'مصطفي'],
    ['عـــلي', 'علي'], // tatweel
    ['کریمی', 'كريمي'], // Persian kaf and yeh → Arabic
    ['محمد\u200cرضا', 'محمدرضا'], // zero-width non-joiner
    ['ﻣﺤﻤﺪ', 'محمد'], // Arabic presentation forms
    ['۱۴۰۲', '1402'], // Persian digits
    ['٢٠٢٤', '2024'], // Arabic-Indic digits
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('keeps Indic vowel signs, which are letters', () => {
    expect(normalizeForSearch('हिन्दी')).toBe('हिन्दी');
    expect(normalizeForSearch('தமிழ்')).toBe('தமிழ்');
  });
});

describe('search examples', () => {
  it.each([
    ['muller', 'Müller'],
    ['ozturk', 'Öztürk'],
    ['OZTÜRK', 'Ozturk'],
    ['lukasz', 'Łukasz'],
    ['strasse', 'Straße'],
    ['محمد', 'مُحَمَّد'],
    ['احمد', 'أحمد'],
    ['أحمد', 'احمد'],
    ['كريمي', 'کریمی'],
    ['کریمی', 'كريمي'],
    ['فاطمه', 'فاطمة'],
    ['шевченко', 'Шевченко'],
    ['ШЕВЧЕНКО', 'шевченко'],
  ])('%s finds %s', (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  it('matches German transliteration in both directions', () => {
    expect(finds('mueller', 'Müller')).toBe(true);
    expect(finds('muller', 'Mueller')).toBe(true);
    expect(finds('müller', 'Mueller')).toBe(true);
    expect(finds('mul', 'Mueller')).toBe(true);
    expect(finds('mue', 'Müller')).toBe(true);
    expect(finds('koeln', 'Köln')).toBe(true);
    expect(finds('koln', 'Koeln')).toBe(true);
    expect(finds('jaeger', 'Jäger')).toBe(true);
  });

  it('still finds names that contain ae/ue/oe', () => {
    expect(finds('michael', 'Michael')).toBe(true);
    expect(finds('raphael', 'Raphael')).toBe(true);
    expect(finds('samuel', 'Samuel')).toBe(true);
    expect(finds('joel', 'Joël')).toBe(true);
    // Substrings cutting through the digraph
    expect(finds('el', 'Michael')).toBe(true);
    expect(finds('hael', 'Michael')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('maier', 'Müller')).toBe(false);
    expect(finds('mullers', 'Müller')).toBe(false);
    expect(finds('احمد', 'محمد')).toBe(false);
    expect(finds('шевчук', 'Шевченко')).toBe(false);
  });
});

describe('buildSearchIndex', () => {
  const index = buildSearchIndex([
    { caseId: 'a', texts: ['Familie Haidari', 'Fatima Haidari', 'Ali Haidari'] },
    { caseId: 'b', texts: ['Familie Kowalska', 'Anna Kowalska', 'Leipzig'] },
    { caseId: 'c', texts: ['Familie Öztürk', '', 'Berlin'] },
  ]);

  it('requires every token, each anywhere in any text of the case', () => {
    expect(index.search('haidari fatima')).toEqual(new Set(['a']));
    expect(index.search('fatima ali')).toEqual(new Set(['a']));
    expect(index.search('anna leipzig')).toEqual(new Set(['b']));
    expect(index.search('anna berlin')).toEqual(new Set());
    expect(index.search('familie')).toEqual(new Set(['a', 'b', 'c']));
    expect(index.search('mili')).toEqual(new Set(['a', 'b', 'c']));
  });

  it('does not match across two texts', () => {
    // "Haidari" + "Fatima" are separate texts: "haidarifatima" is no substring.
    expect(index.search('haidarifatima')).toEqual(new Set());
    expect(index.search('haidari fatima')).toEqual(new Set(['a']));
  });

  it('returns every case for a blank query', () => {
    expect(index.search('')).toEqual(new Set(['a', 'b', 'c']));
    expect(index.search('   ')).toEqual(new Set(['a', 'b', 'c']));
    expect(index.size).toBe(3);
  });

  it('merges documents of the same case', () => {
    const merged = buildSearchIndex([
      { caseId: 'x', texts: ['Müller'] },
      { caseId: 'x', texts: ['Fatima'] },
      { caseId: 'y', texts: [] },
    ]);
    expect(merged.size).toBe(2);
    expect(merged.search('mueller fatima')).toEqual(new Set(['x']));
    expect(merged.search('')).toEqual(new Set(['x', 'y']));
  });

  it('is correct on 5,000 generated cases', () => {
    const family = ['Müller', 'Öztürk', 'Haidari', 'Mueller', 'Шевченко', 'أحمد', 'Kowalski'];
    const given = [
      'Fatima',
      'Michael',
      'Raphael',
      'Łukasz',
      'مُحَمَّد',
      'Olena',
      'Zahra',
      'Ahmad',
      'Jürgen',
      'Ali',
      'Mariam',
    ];
    const cities = ['Berlin', 'Köln', 'Dresden', 'Leipzig', 'Halle'];
    const n = 5000;
    const docs = Array.from({ length: n }, (_, i) => ({
      caseId: `c${i}`,
      texts: [family[i % 7]!, given[i % 11]!, `AZ-${String(i).padStart(5, '0')}`, cities[i % 5]!],
    }));
    const big = buildSearchIndex(docs);
    const ids = (pred: (i: number) => boolean): Set<string> =>
      new Set(
        Array.from({ length: n }, (_, i) => i)
          .filter(pred)
          .map((i) => `c${i}`),
      );

    expect(big.size).toBe(n);
    expect(big.search('').size).toBe(n);
    expect(big.search('muller')).toEqual(ids((i) => i % 7 === 0 || i % 7 === 3));
    expect(big.search('mueller')).toEqual(ids((i) => i % 7 === 0 || i % 7 === 3));
    expect(big.search('Müller Fatima')).toEqual(
      ids((i) => (i % 7 === 0 || i % 7 === 3) && i % 11 === 0),
    );
    expect(big.search('OZTÜRK')).toEqual(ids((i) => i % 7 === 1));
    expect(big.search('шевченко')).toEqual(ids((i) => i % 7 === 4));
    expect(big.search('احمد')).toEqual(ids((i) => i % 7 === 5));
    expect(big.search('محمد')).toEqual(ids((i) => i % 11 === 4));
    expect(big.search('michael')).toEqual(ids((i) => i % 11 === 1));
    // Michael, Raphael and Mueller (but not Müller) contain "el".
    expect(big.search('el')).toEqual(ids((i) => i % 11 === 1 || i % 11 === 2 || i % 7 === 3));
    expect(big.search('lukasz')).toEqual(ids((i) => i % 11 === 3));
    expect(big.search('koeln')).toEqual(ids((i) => i % 5 === 1));
    expect(big.search('haidari zahra berlin')).toEqual(
      ids((i) => i % 7 === 2 && i % 11 === 6 && i % 5 === 0),
    );
    expect(big.search('01234')).toEqual(new Set(['c1234']));
    expect(big.search('az-04999')).toEqual(new Set(['c4999']));
    expect(big.search('nobody')).toEqual(new Set());
  });
});
