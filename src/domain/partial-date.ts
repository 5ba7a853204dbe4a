// Partial dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD". Refugees' documents often state only a
// year of birth, or use 00 for an unknown day or month ("00.00.1990"); German forms then
// want either the zeros or 01.01. This module parses what volunteers type (German or ISO
// order) and formats it back for inputs and for forms.
//
// Every function taking a PartialDate also accepts anything `parsePartialDate` accepts.

import { daysInMonth, isValidIsoDate } from './dates';
import type { IsoDate, PartialDate } from './types';

export type PartialDateError = 'date-format' | 'date-invalid' | 'date-future';
export type DatePrecision = 'year' | 'month' | 'day';

type ParseResult = { date: PartialDate } | { error: 'date-format' | 'date-invalid' };

// A separator between parts: ".", "/" or "-", optionally with spaces around it.
const SEP = String.raw`\s*[./-]\s*`;
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const GERMAN_DAY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4})$`);
const GERMAN_MONTH = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{4})$`);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Year, month (0 = unknown) and day (0 = unknown) → canonical form, or why not. */
function build(year: string, month: string | undefined, day: string | undefined): ParseResult {
  const y = Number(year);
  const m = Number(month ?? 0);
  const d = Number(day ?? 0);
  if (year.startsWith('0')) return { error: 'date-invalid' };
  if (m === 0) return d === 0 ? { date: year } : { error: 'date-invalid' };
  if (m > 12) return { error: 'date-invalid' };
  if (d === 0) return { date: `${year}-${pad2(m)}` };
  if (d > daysInMonth(y, m)) return { error: 'date-invalid' };
  return { date: `${year}-${pad2(m)}-${pad2(d)}` };
}

function parse(input: string): ParseResult {
  const s = input.trim();
  let match = ISO.exec(s);
  if (match) return build(match[1] ?? '', match[2], match[3]);
  match = GERMAN_DAY.exec(s);
  if (match) return build(match[3] ?? '', match[2], match[1]);
  match = GERMAN_MONTH.exec(s);
  if (match) return build(match[2] ?? '', match[1], undefined);
  return { error: 'date-format' };
}

/**
 * Parses "17.05.1990", "17.5.1990", "05.1990", "5/1990", "1990", "1990-05-17", "1990-05".
 * Zeros mean "unknown": "00.00.1990" → "1990", "00.05.1990" → "1990-05".
 * Returns null for anything else, including impossible dates (31.02.1990) and a known
 * day with an unknown month (17.00.1990). Two-digit years are refused as ambiguous.
 */
export function parsePartialDate(input: string): PartialDate | null {
  const result = parse(input);
  return 'date' in result ? result.date : null;
}

/** The first day the partial date may stand for. */
function earliestDay(d: PartialDate): IsoDate {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** The last day the partial date may stand for. */
function latestDay(d: PartialDate): IsoDate {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7)
    return `${d}-${pad2(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7))))}`;
  return d;
}

/**
 * null for an empty input or a valid past (or present) date. 'date-future' only when the
 * whole period lies after `today` ("2026" is not in the future on 2026-03-01).
 */
export function validatePartialDate(input: string, today: IsoDate): PartialDateError | null {
  if (input.trim() === '') return null;
  const result = parse(input);
  if ('error' in result) return result.error;
  return earliestDay(result.date) > today ? 'date-future' : null;
}

/**
 * "DD.MM.YYYY" for official forms. Unknown parts become "00" (`zeros`) or "01" (`first`,
 * for forms that reject zeros). Returns "" for an empty or unparseable value, so that
 * nothing wrong is written into a form.
 */
export function formatPartialDateForForm(d: PartialDate, unknownStyle: 'zeros' | 'first'): string {
  const date = parsePartialDate(d);
  if (date === null) return '';
  const unknown = unknownStyle === 'zeros' ? '00' : '01';
  const year = date.slice(0, 4);
  const month = date.length >= 7 ? date.slice(5, 7) : unknown;
  const day = date.length === 10 ? date.slice(8, 10) : unknown;
  return `${day}.${month}.${year}`;
}

/**
 * German display for an input field: "17.05.1990", "05.1990" or "1990". An unparseable
 * stored value is returned unchanged, so the user can see and correct it.
 */
export function partialDateToInput(d: PartialDate): string {
  const date = parsePartialDate(d);
  if (date === null) return d;
  if (date.length === 4) return date;
  if (date.length === 7) return `${date.slice(5, 7)}.${date.slice(0, 4)}`;
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/**
 * Age in completed years on `today`: the minimum age that is certain. For "1990" the
 * birthday is taken as 31.12.1990, for "1990-05" as 31.05.1990, so the result is never
 * too high (an age limit that is met is really met). null if the date cannot be parsed,
 * `today` is not a valid date or the person cannot have been born yet.
 * Born on 29 February: the new year of age starts on 1 March in common years.
 */
export function ageOn(d: PartialDate, today: IsoDate): number | null {
  const date = parsePartialDate(d);
  if (date === null || !isValidIsoDate(today)) return null;
  if (earliestDay(date) > today) return null;
  const latest = latestDay(date);
  const birth = latest > today ? today : latest;
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** How much of the date is known. An unparseable value counts as 'day' (nothing unknown). */
export function precisionOf(d: PartialDate): DatePrecision {
  const date = parsePartialDate(d);
  if (date === null) return 'day';
  if (date.length === 4) return 'year';
  if (date.length === 7) return 'month';
  return 'day';
}
