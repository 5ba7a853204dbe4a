import { describe, expect, it } from 'vitest';
import {
  ageOn,
  formatPartialDateForForm,
  parsePartialDate,
  partialDateToInput,
  precisionOf,
  validatePartialDate,
} from '../../../src/domain/partial-date';

describe('parsePartialDate', () => {
  it.each([
    ['17.05.1990', '1990-05-17'],
    ['17.5.1990', '1990-05-17'],
    ['7.5.1990', '1990-05-07'],
    ['17/05/1990', '1990-05-17'],
    ['17. 05. 1990', '1990-05-17'],
    ['05.1990', '1990-05'],
    ['5/1990', '1990-05'],
    ['5.1990', '1990-05'],
    ['1990', '1990'],
    ['  1990 ', '1990'],
    ['00.00.1990', '1990'],
    ['00.05.1990', '1990-05'],
    ['00.1990', '1990'],
    ['1990-05-17', '1990-05-17'],
    ['1990-5-7', '1990-05-07'],
    ['1990-05', '1990-05'],
    ['1990-00-00', '1990'],
    ['1990-05-00', '1990-05'],
    ['29.02.2000', '2000-02-29'],
    ['29.02.2024', '2024-02-29'],
    ['31.12.1990', '1990-12-31'],
  ])('parses %s as %s', (input, expected) => {
    expect(parsePartialDate(input)).toBe(expected);
  });

  it.each([
    '',
    'garbage',
    '17.05.90', // two-digit years are ambiguous
    '17051990',
    '1990-05-17T10:00',
    '17.05.1990.',
    '1990-',
    '199',
    '12345',
    '31.02.1990',
    '29.02.1900',
    '29.02.2023',
    '31.04.1990',
    '32.01.1990',
    '01.13.1990',
    '13.1990',
    '17.00.1990', // a day without a month
    '1990-00-17',
    '01.01.0000',
    '0990',
  ])('refuses %j', (input) => {
    expect(parsePartialDate(input)).toBeNull();
  });
});

describe('validatePartialDate', () => {
  const today = '2026-03-15';

  it('accepts empty input and valid past dates', () => {
    expect(validatePartialDate('', today)).toBeNull();
    expect(validatePartialDate('   ', today)).toBeNull();
    expect(validatePartialDate('17.05.1990', today)).toBeNull();
    expect(validatePartialDate('1990', today)).toBeNull();
    expect(validatePartialDate('2026-03-15', today)).toBeNull();
  });

  it('distinguishes unreadable from impossible dates', () => {
    expect(validatePartialDate('gestern', today)).toBe('date-format');
    expect(validatePartialDate('17.05.90', today)).toBe('date-format');
    expect(validatePartialDate('31.02.1990', today)).toBe('date-invalid');
    expect(validatePartialDate('01.13.1990', today)).toBe('date-invalid');
    expect(validatePartialDate('17.00.1990', today)).toBe('date-invalid');
  });

  it('reports a date after today, counting a partial date from its first day', () => {
    expect(validatePartialDate('16.03.2026', today)).toBe('date-future');
    expect(validatePartialDate('04.2026', today)).toBe('date-future');
    expect(validatePartialDate('2027', today)).toBe('date-future');
    // The current month and year may contain the date of birth.
    expect(validatePartialDate('03.2026', today)).toBeNull();
    expect(validatePartialDate('2026', today)).toBeNull();
  });
});

describe('formatPartialDateForForm', () => {
  it('formats full dates', () => {
    expect(formatPartialDateForForm('1990-05-17', 'zeros')).toBe('17.05.1990');
    expect(formatPartialDateForForm('1990-05-17', 'first')).toBe('17.05.1990');
  });

  it('fills unknown parts with zeros or the first day/month', () => {
    expect(formatPartialDateForForm('1990', 'zeros')).toBe('00.00.1990');
    expect(formatPartialDateForForm('1990', 'first')).toBe('01.01.1990');
    expect(formatPartialDateForForm('1990-05', 'zeros')).toBe('00.05.1990');
    expect(formatPartialDateForForm('1990-05', 'first')).toBe('01.05.1990');
  });

  it('writes nothing for empty or unreadable values', () => {
    expect(formatPartialDateForForm('', 'zeros')).toBe('');
    expect(formatPartialDateForForm('unbekannt', 'first')).toBe('');
  });
});

describe('partialDateToInput', () => {
  it('shows German order with only the known parts', () => {
    expect(partialDateToInput('1990-05-17')).toBe('17.05.1990');
    expect(partialDateToInput('1990-05')).toBe('05.1990');
    expect(partialDateToInput('1990')).toBe('1990');
    expect(partialDateToInput('')).toBe('');
  });

  it('round-trips through parsePartialDate', () => {
    for (const d of ['1990-05-17', '1990-05', '1990', '2000-02-29']) {
      expect(parsePartialDate(partialDateToInput(d))).toBe(d);
    }
  });

  it('returns an unreadable stored value unchanged', () => {
    expect(partialDateToInput('ca. 1990')).toBe('ca. 1990');
  });
});

describe('ageOn', () => {
  it('counts completed years for a full date', () => {
    expect(ageOn('1990-05-17', '2026-05-16')).toBe(35);
    expect(ageOn('1990-05-17', '2026-05-17')).toBe(36);
    expect(ageOn('1990-05-17', '1990-05-17')).toBe(0);
  });

  it('gives the age that is certain for a partial date', () => {
    // Born some day in 1990: on 2026-06-01 the person is 35 or 36, certainly 35.
    expect(ageOn('1990', '2026-06-01')).toBe(35);
    expect(ageOn('1990', '2026-12-30')).toBe(35);
    expect(ageOn('1990', '2026-12-31')).toBe(36);
    // Born some day in May 1990.
    expect(ageOn('1990-05', '2026-05-30')).toBe(35);
    expect(ageOn('1990-05', '2026-05-31')).toBe(36);
  });

  it('gives 0 for someone born in the current year or month', () => {
    expect(ageOn('2026', '2026-03-15')).toBe(0);
    expect(ageOn('2026-03', '2026-03-15')).toBe(0);
  });

  it('lets someone born on 29 February age on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('returns null when there is no age', () => {
    expect(ageOn('2027', '2026-03-15')).toBeNull();
    expect(ageOn('2026-04', '2026-03-15')).toBeNull();
    expect(ageOn('', '2026-03-15')).toBeNull();
    expect(ageOn('1990', 'today')).toBeNull();
  });
});

describe('precisionOf', () => {
  it('tells how much is known', () => {
    expect(precisionOf('1990')).toBe('year');
    expect(precisionOf('1990-05')).toBe('month');
    expect(precisionOf('1990-05-17')).toBe('day');
    expect(precisionOf('00.05.1990')).toBe('month');
  });
});
