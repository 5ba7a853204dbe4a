import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfWeek,
  isValidIsoDate,
  isValidLocalDateTime,
  localDateTimeNow,
  startOfWeek,
  todayIso,
} from '../../../src/domain/dates';

describe('todayIso and localDateTimeNow', () => {
  it('use the local calendar date and time', () => {
    const lateEvening = new Date(2026, 0, 31, 23, 59, 59);
    expect(todayIso(lateEvening)).toBe('2026-01-31');
    expect(localDateTimeNow(lateEvening)).toBe('2026-01-31T23:59');
    const earlyMorning = new Date(2026, 1, 1, 0, 5);
    expect(todayIso(earlyMorning)).toBe('2026-02-01');
    expect(localDateTimeNow(earlyMorning)).toBe('2026-02-01T00:05');
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('is not shifted by daylight-saving changes (Germany: 29 March, 25 October 2026)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('throws on programming errors', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('startOfWeek and endOfWeek', () => {
  it('run from Monday to Sunday', () => {
    // 2026-05-13 is a Wednesday.
    expect(startOfWeek('2026-05-13')).toBe('2026-05-11');
    expect(endOfWeek('2026-05-13')).toBe('2026-05-17');
    // Monday and Sunday belong to their own week.
    expect(startOfWeek('2026-05-11')).toBe('2026-05-11');
    expect(endOfWeek('2026-05-11')).toBe('2026-05-17');
    expect(startOfWeek('2026-05-17')).toBe('2026-05-11');
    expect(endOfWeek('2026-05-17')).toBe('2026-05-17');
  });

  it('span a year boundary', () => {
    // 2026-01-01 is a Thursday.
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
    expect(endOfWeek('2026-01-01')).toBe('2026-01-04');
  });
});

describe('daysBetween', () => {
  it('counts whole days in both directions', () => {
    expect(daysBetween('2026-05-10', '2026-05-10')).toBe(0);
    expect(daysBetween('2026-05-10', '2026-05-11')).toBe(1);
    expect(daysBetween('2026-05-11', '2026-05-10')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});

describe('isValidIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-01-00')).toBe(false);
    expect(isValidIsoDate('2026-1-1')).toBe(false);
    expect(isValidIsoDate('01.01.2026')).toBe(false);
    expect(isValidIsoDate('2026-01-01T00:00')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });
});

describe('isValidLocalDateTime', () => {
  it('accepts "YYYY-MM-DDTHH:mm" with a real date and time', () => {
    expect(isValidLocalDateTime('2026-05-11T09:30')).toBe(true);
    expect(isValidLocalDateTime('2026-05-11T00:00')).toBe(true);
    expect(isValidLocalDateTime('2026-05-11T23:59')).toBe(true);
    expect(isValidLocalDateTime('2026-05-11T24:00')).toBe(false);
    expect(isValidLocalDateTime('2026-05-11T09:60')).toBe(false);
    expect(isValidLocalDateTime('2026-02-30T09:00')).toBe(false);
    expect(isValidLocalDateTime('2026-05-11 09:30')).toBe(false);
    expect(isValidLocalDateTime('2026-05-11T09:30:00')).toBe(false);
    expect(isValidLocalDateTime('2026-05-11')).toBe(false);
  });
});
