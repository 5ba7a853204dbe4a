import { describe, expect, it } from 'vitest';
import {
  normalizePensionNumber,
  pensionNumberCheckDigit,
  validatePensionNumber,
} from '../../../src/domain/pension-number';

describe('validatePensionNumber', () => {
  it('accepts the public example 65170839J003', () => {
    // 6 5 1 7 0 8 3 9 | J = 1 0 | 0 0, weights 2 1 2 5 7 1 2 1 2 1 2 1
    // products 12 5 2 35 0 8 6 9 2 0 0 0, digit sums 3+5+2+8+0+8+6+9+2 = 43 → 3
    expect(validatePensionNumber('65170839J003')).toBeNull();
  });

  it('accepts further examples checked by hand', () => {
    // 1 5 0 7 0 6 4 9 | C = 0 3 | 1 0 → 2+5+0+8+0+6+8+9+0+3+2+0 = 43 → 3
    expect(validatePensionNumber('15070649C103')).toBeNull();
    // 1 2 1 9 0 5 6 4 | T = 2 0 | 1 2 → 2+2+2+9(45)+0+5+3(12)+4+4+0+2+2 = 35 → 5
    expect(validatePensionNumber('12190564T125')).toBeNull();
  });

  it('accepts spaces, dashes and a lower-case letter', () => {
    expect(validatePensionNumber('65 170839 J 003')).toBeNull();
    expect(validatePensionNumber('65170839j003')).toBeNull();
    expect(validatePensionNumber('65-170839-J-003')).toBeNull();
  });

  it('treats an empty field as valid', () => {
    expect(validatePensionNumber('')).toBeNull();
    expect(validatePensionNumber(' ')).toBeNull();
  });

  it('rejects every other check digit', () => {
    for (let c = 0; c <= 9; c++) {
      expect(validatePensionNumber(`65170839J00${c}`)).toBe(
        c === 3 ? null : 'pension-number-checksum',
      );
    }
  });

  it('detects a changed letter or digit', () => {
    expect(validatePensionNumber('65170839K003')).toBe('pension-number-checksum');
    expect(validatePensionNumber('65170838J003')).toBe('pension-number-checksum');
    expect(validatePensionNumber('65170839J013')).toBe('pension-number-checksum');
  });

  it('rejects malformed input', () => {
    expect(validatePensionNumber('651708390003')).toBe('pension-number-format');
    expect(validatePensionNumber('65170839J00')).toBe('pension-number-format');
    expect(validatePensionNumber('65170839J0033')).toBe('pension-number-format');
    expect(validatePensionNumber('A5170839J003')).toBe('pension-number-format');
    expect(validatePensionNumber('6517083JJ003')).toBe('pension-number-format');
    expect(validatePensionNumber('65170839Ä003')).toBe('pension-number-format');
  });
});

describe('helpers', () => {
  it('computes the check digit from the first eleven characters', () => {
    expect(pensionNumberCheckDigit('65170839J00')).toBe(3);
    expect(pensionNumberCheckDigit('12190564T12')).toBe(5);
  });

  it('normalizes', () => {
    expect(normalizePensionNumber(' 65 170839 j 003 ')).toBe('65170839J003');
  });
});
