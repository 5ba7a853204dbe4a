import { describe, expect, it } from 'vitest';
import { normalizeTaxId, taxIdCheckDigit, validateTaxId } from '../../../src/domain/tax-id';

// Examples published in documentation and open-source validators (e.g. python-stdnum).
const VALID = ['86095742719', '36574261809', '65929970489', '26954371827', '47036892816'];

describe('validateTaxId', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(validateTaxId(id)).toBeNull();
  });

  it('accepts the usual separators', () => {
    expect(validateTaxId('86 095 742 719')).toBeNull();
    expect(validateTaxId('86/095/742/719')).toBeNull();
    expect(validateTaxId('860.957.427.19')).toBeNull();
  });

  it('treats an empty field as valid', () => {
    expect(validateTaxId('')).toBeNull();
    expect(validateTaxId('  ')).toBeNull();
  });

  it('accepts a digit occurring three times when not on consecutive positions', () => {
    // 1121345678: "1" three times; check digit worked out by hand with MOD 11,10 → 3.
    expect(validateTaxId('11213456783')).toBeNull();
    expect(validateTaxId('11213456784')).toBe('tax-id-checksum');
  });

  it('detects a changed check digit or a changed digit', () => {
    expect(validateTaxId('86095742718')).toBe('tax-id-checksum');
    expect(validateTaxId('36574261890')).toBe('tax-id-checksum');
    // Second digit 6 → 3: the distribution is still valid, only the check digit catches it.
    expect(validateTaxId('83095742719')).toBe('tax-id-checksum');
  });

  it('rejects wrong digit distributions whatever the check digit', () => {
    for (let c = 0; c <= 9; c++) {
      // no repeated digit
      expect(validateTaxId(`1234567890${c}`)).toBe('tax-id-digits');
      // three in a row
      expect(validateTaxId(`1112345678${c}`)).toBe('tax-id-digits');
      // two digits repeated
      expect(validateTaxId(`1123456788${c}`)).toBe('tax-id-digits');
      // a digit four times
      expect(validateTaxId(`1213141567${c}`)).toBe('tax-id-digits');
    }
    expect(validateTaxId('36554266806')).toBe('tax-id-digits');
  });

  it('rejects malformed input', () => {
    expect(validateTaxId('06095742719')).toBe('tax-id-format');
    expect(validateTaxId('8609574271')).toBe('tax-id-format');
    expect(validateTaxId('860957427190')).toBe('tax-id-format');
    expect(validateTaxId('8609574271X')).toBe('tax-id-format');
    expect(validateTaxId('86-095-742-719')).toBe('tax-id-format');
  });
});

describe('taxIdCheckDigit and normalizeTaxId', () => {
  it('computes the ISO 7064 MOD 11,10 check digit', () => {
    expect(taxIdCheckDigit('8609574271')).toBe(9);
    expect(taxIdCheckDigit('3657426180')).toBe(9);
    expect(taxIdCheckDigit('1121345678')).toBe(3);
  });

  it('strips spaces, slashes and dots', () => {
    expect(normalizeTaxId(' 86 095/742.719 ')).toBe('86095742719');
  });
});
