// German tax identification number (Steuerliche Identifikationsnummer, § 139b AO):
// 11 digits, the last an ISO 7064 MOD 11,10 check digit over the first ten.

export type TaxIdError = 'tax-id-format' | 'tax-id-digits' | 'tax-id-checksum';

/** Removes spaces, slashes and dots ("12 345 678 901", "12/345/678/901"). */
export function normalizeTaxId(s: string): string {
  return s.replace(/[\s\u00a0\u202f/.]/g, '');
}

/** ISO 7064 MOD 11,10 check digit of a string of decimal digits. */
export function taxIdCheckDigit(digits: string): number {
  let product = 10;
  for (const char of digits) {
    const sum = (Number(char) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/**
 * The digit-distribution rule for the first ten digits, as issued since 2016: exactly one
 * digit occurs twice or three times, every other digit at most once (so at least one
 * digit is missing), and a tripled digit does not stand on three consecutive positions.
 * Numbers issued before 2016 (exactly one doubled digit) also satisfy it.
 */
function hasValidDigitDistribution(first10: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (const char of first10) counts[Number(char)] = (counts[Number(char)] ?? 0) + 1;
  const repeated = counts.filter((n) => n > 1);
  if (repeated.length !== 1) return false;
  const times = repeated[0] ?? 0;
  if (times > 3) return false;
  if (times === 3 && /(\d)\1\1/.test(first10)) return false;
  return true;
}

/** null if `s` is empty or a plausible Steuer-ID. */
export function validateTaxId(s: string): TaxIdError | null {
  const id = normalizeTaxId(s);
  if (id === '') return null;
  if (!/^[1-9][0-9]{10}$/.test(id)) return 'tax-id-format';
  if (!hasValidDigitDistribution(id.slice(0, 10))) return 'tax-id-digits';
  if (taxIdCheckDigit(id.slice(0, 10)) !== Number(id[10])) return 'tax-id-checksum';
  return null;
}
