import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../src/domain/countries';
import { formatIban, IBAN_LENGTHS, normalizeIban, validateIban } from '../../../src/domain/iban';

// Examples from the SWIFT IBAN registry and national bank documentation.
const VALID = [
  'DE89370400440532013000',
  'GB82WEST12345698765432',
  'GB29NWBK60161331926819',
  'AT611904300234573201',
  'BE68539007547034',
  'CH9300762011623852957',
  'ES9121000418450200051332',
  'FR1420041010050500013M02606',
  'IT60X0542811101000000123456',
  'NL91ABNA0417164300',
  'NO9386011117947',
  'PL61109010140000071219812874',
  'SE4550000000058398257466',
  'TR330006100519786457841326',
  'UA213223130000026007233566001',
  'XK051212012345678906',
  'IQ98NBIQ850123456789012',
  'MT84MALT011000012345MTLCAST001S',
  'LC55HEMM000100010012001200023015',
  'AD1200012030200359100100',
  'BR1800360305000010009795493C1',
];

describe('validateIban', () => {
  it.each(VALID)('accepts %s', (iban) => {
    expect(validateIban(iban)).toBeNull();
  });

  it('accepts lower case, spaces and dashes', () => {
    expect(validateIban('de89 3704 0044 0532 0130 00')).toBeNull();
    expect(validateIban(' DE89-3704-0044-0532-0130-00 ')).toBeNull();
    expect(validateIban('DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000')).toBeNull();
  });

  it('treats an empty field as valid', () => {
    expect(validateIban('')).toBeNull();
    expect(validateIban('   ')).toBeNull();
  });

  it('detects a changed digit', () => {
    expect(validateIban('DE89370400440532013001')).toBe('iban-checksum');
    expect(validateIban('DE88370400440532013000')).toBe('iban-checksum');
    expect(validateIban('GB82WEST12345698765431')).toBe('iban-checksum');
    expect(validateIban('FR1420041010050500013M02605')).toBe('iban-checksum');
  });

  it('detects swapped digits', () => {
    expect(validateIban('DE89370400440532010300')).toBe('iban-checksum');
  });

  it('refuses the check digits 00, 01 and 99 even when MOD 97 works out', () => {
    // Valid originals (check digits 98, 97, 02), computed independently ...
    expect(validateIban('DE98370400441000000008')).toBeNull();
    expect(validateIban('DE97370400441000000026')).toBeNull();
    expect(validateIban('DE02370400441000000087')).toBeNull();
    // ... and their aliases, 97 apart, which satisfy MOD 97 = 1 but are never issued.
    expect(validateIban('DE01370400441000000008')).toBe('iban-checksum');
    expect(validateIban('DE00370400441000000026')).toBe('iban-checksum');
    expect(validateIban('DE99370400441000000087')).toBe('iban-checksum');
  });

  it('reports a malformed string', () => {
    expect(validateIban('D')).toBe('iban-format');
    expect(validateIban('DE')).toBe('iban-format');
    expect(validateIban('DE89')).toBe('iban-format');
    expect(validateIban('8937040044DE')).toBe('iban-format');
    expect(validateIban('DEXX370400440532013000')).toBe('iban-format');
    expect(validateIban('DE8937040044053201300!')).toBe('iban-format');
    expect(validateIban('DE89.3704.0044.0532.0130.00')).toBe('iban-format');
  });

  it('reports a country without IBAN', () => {
    expect(validateIban('XX89370400440532013000')).toBe('iban-country');
    expect(validateIban('US64SVBKUS6S3300958879')).toBe('iban-country');
    expect(validateIban('SY12345678901234567890')).toBe('iban-country');
  });

  it('reports a wrong length for the country', () => {
    expect(validateIban('DE8937040044053201300')).toBe('iban-length');
    expect(validateIban('DE893704004405320130000')).toBe('iban-length');
    expect(validateIban('GB82WEST1234569876543')).toBe('iban-length');
  });
});

describe('IBAN_LENGTHS', () => {
  it('uses ISO 3166 codes only', () => {
    for (const code of Object.keys(IBAN_LENGTHS)) expect(COUNTRY_CODES).toContain(code);
  });

  it('covers every SEPA country with its length', () => {
    // prettier-ignore
    const sepa: Record<string, number> = {
      AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
      ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27,
      LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15,
      PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
    };
    for (const [code, length] of Object.entries(sepa)) expect(IBAN_LENGTHS[code]).toBe(length);
  });

  it('agrees with the length of every example', () => {
    for (const iban of VALID) expect(IBAN_LENGTHS[iban.slice(0, 2)]).toBe(iban.length);
  });
});

describe('normalizeIban and formatIban', () => {
  it('normalizes', () => {
    expect(normalizeIban(' de89-3704 0044\t0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(normalizeIban('')).toBe('');
  });

  it('groups by four without a trailing space', () => {
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('de89 370 4004 40532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('DE893704')).toBe('DE89 3704');
    expect(formatIban('DE8')).toBe('DE8');
    expect(formatIban('')).toBe('');
  });
});
