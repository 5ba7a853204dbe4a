// IBAN checks (ISO 13616): shape, country, national length, MOD 97-10 check digits.

export type IbanError = 'iban-format' | 'iban-country' | 'iban-length' | 'iban-checksum';

/**
 * IBAN length per country, from the SWIFT IBAN registry (2024/2025 editions, 89 countries).
 * Dependent territories (Åland, French overseas, Channel Islands, ...) use their parent's
 * prefix (FI, FR, GB) and are therefore not listed separately.
 */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Removes whitespace (including no-break spaces) and dashes, uppercases. */
export function normalizeIban(s: string): string {
  return s.replace(/[\s\u00a0\u202f\-\u2010-\u2015]/g, '').toUpperCase();
}

/** Normalises and groups into blocks of four: "DE89 3704 0044 0532 0130 00". */
export function formatIban(s: string): string {
  return normalizeIban(s).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The IBAN's value mod 97, computed piecewise (the number is too big for a double). */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // Digits stand for themselves, letters for 10..35 (two decimal digits).
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** null if `s` is empty or a valid IBAN (spaces, dashes and lower case allowed). */
export function validateIban(s: string): IbanError | null {
  const iban = normalizeIban(s);
  if (iban === '') return null;
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) return 'iban-format';
  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength === undefined) return 'iban-country';
  if (iban.length !== expectedLength) return 'iban-length';
  // Check digits 00, 01 and 99 are never issued (ISO 13616 allows 02..98 only).
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || mod97(iban) !== 1) return 'iban-checksum';
  return null;
}
