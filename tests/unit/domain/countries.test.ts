import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../../src/domain/countries';

describe('COUNTRY_CODES', () => {
  it('holds the 249 ISO 3166-1 codes plus XK, unique and sorted', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('contains the countries most refugees in Germany come from', () => {
    for (const code of ['SY', 'AF', 'IQ', 'IR', 'TR', 'UA', 'ER', 'SO', 'NG', 'XK', 'PS', 'RU']) {
      expect(COUNTRY_CODES).toContain(code);
    }
  });

  it('excludes withdrawn and reserved codes', () => {
    for (const code of ['YU', 'CS', 'SU', 'AN', 'UK', 'EU', 'ZZ']) {
      expect(COUNTRY_CODES).not.toContain(code);
    }
  });

  it('can all be named by Intl.DisplayNames', () => {
    const names = new Intl.DisplayNames(['de'], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      expect(name, code).toBeTruthy();
      expect(name, code).not.toBe(code);
    }
  });
});

describe('LANGUAGE_CODES', () => {
  it('is unique and includes the languages volunteers meet most', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    // prettier-ignore
    const required = [
      'de', 'en', 'ar', 'fa', 'prs', 'ps', 'uk', 'ru', 'tr', 'ku', 'ckb', 'ti', 'am', 'so',
      'ur', 'hi', 'bn', 'ta', 'sq', 'sr', 'bs', 'hr', 'mk', 'ro', 'bg', 'pl', 'fr', 'es', 'it',
      'pt', 'el', 'ka', 'hy', 'az', 'uz', 'tg', 'ha', 'yo', 'ig', 'wo', 'ff', 'ln', 'sw', 'zh',
      'vi', 'th', 'my',
    ];
    for (const code of required) expect(LANGUAGE_CODES).toContain(code);
  });

  it('can all be named by Intl.DisplayNames in German and English', () => {
    for (const locale of ['de', 'en']) {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      for (const code of LANGUAGE_CODES) {
        const name = names.of(code);
        expect(name, `${locale}:${code}`).toBeTruthy();
        expect(name, `${locale}:${code}`).not.toBe(code);
      }
    }
  });
});
