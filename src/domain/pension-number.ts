// German pension insurance number (Versicherungsnummer der Rentenversicherung, also
// called Sozialversicherungsnummer), § 147 SGB VI: area number (2 digits), birth date
// DDMMYY, first letter of the birth name, serial number (2 digits), check digit.
//
// The birth-date part is deliberately not checked as a calendar date: the
// Rentenversicherung adjusts it when a day's serial numbers run out, and people whose
// birth date is unknown get substitute values.

export type PensionNumberError = 'pension-number-format' | 'pension-number-checksum';

const WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1] as const;

/** Removes spaces, dashes, slashes and dots; uppercases the letter. */
export function normalizePensionNumber(s: string): string {
  return s.replace(/[\s\u00a0\u202f\-/.]/g, '').toUpperCase();
}

/** Check digit for the first 11 characters ("65170839J00" → 3). */
export function pensionNumberCheckDigit(first11: string): number {
  const letterPosition = first11.charCodeAt(8) - 64; // A = 1 … Z = 26
  const digits =
    first11.slice(0, 8) + String(letterPosition).padStart(2, '0') + first11.slice(9, 11);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    const product = Number(digits[i]) * weight;
    sum += Math.floor(product / 10) + (product % 10); // digit sum; products are < 100
  });
  return sum % 10;
}

/** null if `s` is empty or a well-formed pension insurance number with a correct check digit. */
export function validatePensionNumber(s: string): PensionNumberError | null {
  const number = normalizePensionNumber(s);
  if (number === '') return null;
  if (!/^[0-9]{8}[A-Z][0-9]{3}$/.test(number)) return 'pension-number-format';
  if (pensionNumberCheckDigit(number.slice(0, 11)) !== Number(number[11])) {
    return 'pension-number-checksum';
  }
  return null;
}
