// Calendar arithmetic on "YYYY-MM-DD" strings. All arithmetic runs in UTC on midnight
// timestamps, so daylight-saving changes and the device's time zone cannot shift a day.
// Only `todayIso` and `localDateTimeNow` look at the local clock, by design.
// Functions taking a date throw a RangeError for a string that is not a valid date:
// that is a programming error, user input goes through `isValidIsoDate` first.

import type { IsoDate } from './types';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** true for a real calendar date "YYYY-MM-DD" (year 0001–9999). */
export function isValidIsoDate(s: string): boolean {
  const match = ISO_DATE.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** true for a valid local date-time "YYYY-MM-DDTHH:mm" as appointments store it. */
export function isValidLocalDateTime(s: string): boolean {
  const match = LOCAL_DATE_TIME.exec(s);
  return match !== null && isValidIsoDate(match[1] ?? '');
}

function toUtcMs(date: string): number {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a valid date: "${date}"`);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  d.setUTCFullYear(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return d.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The local calendar date of `now`, "YYYY-MM-DD". */
export function todayIso(now: Date): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local date and time of `now` to the minute, "YYYY-MM-DDTHH:mm". */
export function localDateTimeNow(now: Date): string {
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** `date` plus `n` days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** The Monday of the (ISO 8601, as in Germany) week containing `date`. */
export function startOfWeek(date: IsoDate): IsoDate {
  const weekday = new Date(toUtcMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The Sunday of the week containing `date`. */
export function endOfWeek(date: IsoDate): IsoDate {
  return addDays(startOfWeek(date), 6);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
