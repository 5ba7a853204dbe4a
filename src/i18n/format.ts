// Dates, numbers and names of countries/languages, formatted with Intl for the UI language.
import { precisionOf } from '../domain/partial-date';
import type { PartialDate } from '../domain/types';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

/** "YYYY-MM-DD" as a calendar date, independent of the device's time zone. */
function utcDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function formatDate(iso: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return cached(
    `d:${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(utcDate(iso));
}

export function formatWeekdayDate(iso: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return cached(
    `wd:${language}`,
    () =>
      new Intl.DateTimeFormat(language, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }),
  ).format(utcDate(iso));
}

/** A local wall-clock "YYYY-MM-DDTHH:mm" as date and time. */
export function formatDateTime(local: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return cached(
    `dt:${language}`,
    () =>
      new Intl.DateTimeFormat(language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
  ).format(date);
}

/** "Fri, 20 Nov, 14:00" — one Intl format, so separators fit the language. */
export function formatWeekdayDateTime(local: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return cached(
    `wdt:${language}`,
    () =>
      new Intl.DateTimeFormat(language, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
      }),
  ).format(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!)));
}

/** "Farsi, German and Arabic" in the UI language. */
export function formatList(items: string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

export function formatTime(local: string, language: string): string {
  const match = /T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const date = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return cached(
    `t:${language}`,
    () => new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'UTC' }),
  ).format(date);
}

/** A partial date of birth: "1990", "Mai 1990" or "17. Mai 1990". */
export function formatPartialDate(value: PartialDate, language: string): string {
  const precision = precisionOf(value);
  if (precision === 'day') return formatDate(value, language);
  if (precision === 'month') {
    return cached(
      `ym:${language}`,
      () => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    ).format(new Date(`${value}-01T00:00:00Z`));
  }
  return cached(
    `y:${language}`,
    () => new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${value}-07-01T00:00:00Z`));
}

export function formatNumber(value: number, language: string): string {
  return cached(`n:${language}`, () => new Intl.NumberFormat(language)).format(value);
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

export function formatPercent(ratio: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

export function regionName(code: string, language: string): string {
  try {
    return (
      cached(`r:${language}`, () => new Intl.DisplayNames(language, { type: 'region' })).of(code) ??
      code
    );
  } catch {
    return code;
  }
}

export function languageName(code: string, language: string): string {
  try {
    return (
      cached(`l:${language}`, () => new Intl.DisplayNames(language, { type: 'language' })).of(
        code,
      ) ?? code
    );
  } catch {
    return code;
  }
}

export function compareText(language: string): (a: string, b: string) => number {
  return new Intl.Collator(language, { sensitivity: 'base' }).compare;
}
