// Builds the rows of the case list from the case book: search, filters, row summaries.
//
// With thousands of cases the build takes a few hundred milliseconds, so it is written as a
// generator that can stop after any case: `buildCaseListModel` runs it in one go,
// `buildCaseListModelInSlices` gives the main thread back every few milliseconds, so the
// list stays responsive while the search index is being built.
import type { CaseBook } from '../../../db/repositories';
import {
  expiringDocuments,
  hasAppointmentInWeek,
  upcomingAppointments,
} from '../../../domain/case-overview';
import { addDays, endOfWeek, startOfWeek } from '../../../domain/dates';
import { createSearchIndexBuilder, type SearchIndex } from '../../../domain/search';
import type { Appointment, Case, Person } from '../../../domain/types';

export type StatusFilter = 'open' | 'closed' | 'all';
export type CaseFilters = {
  query: string;
  status: StatusFilter;
  isThisWeekOnly: boolean;
  isExpiringOnly: boolean;
};

export type CaseRowData = {
  case: Case;
  persons: Person[];
  nextAppointment: Appointment | null;
  expiringCount: number;
  hasAppointmentThisWeek: boolean;
};

export type CaseListModel = {
  index: SearchIndex;
  rows: CaseRowData[];
};

export type ModelInput = Pick<CaseBook, 'cases' | 'persons'> & { appointments: Appointment[] };

/** Documents expiring within this many days count as "expiring" (the filter and the badge). */
const EXPIRING_WITHIN_DAYS = 60;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function personSearchTexts(p: Person): string[] {
  return [p.familyName, p.givenNames, p.familyNameNative, p.givenNamesNative, p.birthName];
}

/**
 * Row building, one case per step. The domain rules (case-overview.ts) decide; cheap string
 * comparisons only keep records from them that cannot matter: appointments before this
 * week's Monday (neither this week nor upcoming) and documents expiring after the window.
 * Valid dates compare correctly as strings; invalid ones are passed on for the rules to drop.
 */
function* modelSteps(book: ModelInput, today: string, now: string): Generator<void, CaseListModel> {
  const monday = startOfWeek(today);
  const sunday = endOfWeek(today);
  const lastExpiring = addDays(today, EXPIRING_WITHIN_DAYS);
  const personsByCase = groupBy(book.persons, (p) => p.caseId);
  const appointmentsByCase = groupBy(
    book.appointments.filter((a) => !(a.startsAt < monday)),
    (a) => a.caseId,
  );
  const search = createSearchIndexBuilder();
  const rows: CaseRowData[] = [];
  for (const c of book.cases) {
    const persons = personsByCase.get(c.id) ?? [];
    const appointments = appointmentsByCase.get(c.id) ?? [];
    const expiringCandidates = persons.filter(
      (p) => p.residence.expiresOn !== '' && !(p.residence.expiresOn > lastExpiring),
    );
    const weekCandidates = appointments.filter((a) => !(a.startsAt.slice(0, 10) > sunday));
    rows.push({
      case: c,
      persons,
      nextAppointment: appointments.length
        ? (upcomingAppointments(appointments, now)[0] ?? null)
        : null,
      expiringCount: expiringCandidates.length
        ? expiringDocuments(expiringCandidates, today, EXPIRING_WITHIN_DAYS).length
        : 0,
      hasAppointmentThisWeek:
        weekCandidates.length > 0 && hasAppointmentInWeek(weekCandidates, today),
    });
    search.add({ caseId: c.id, texts: [c.label, ...persons.flatMap(personSearchTexts)] });
    yield;
  }
  return { index: search.build(), rows };
}

/** Rows for every case (in the book's order, newest change first) plus the search index. */
export function buildCaseListModel(book: ModelInput, today: string, now: string): CaseListModel {
  const steps = modelSteps(book, today, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Gives the main thread back (input, rendering) before the next slice of work. */
export type YieldToMain = () => Promise<void>;

export const yieldToMain: YieldToMain = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * The same model as `buildCaseListModel`, built in slices of about `sliceMs` with the main
 * thread given back in between. Resolves to null when `isCancelled()` turns true (a newer
 * book arrived, or the screen is gone).
 */
export async function buildCaseListModelInSlices(
  book: ModelInput,
  today: string,
  now: string,
  options: { isCancelled: () => boolean; sliceMs?: number; yieldToMain?: YieldToMain },
): Promise<CaseListModel | null> {
  const sliceMs = options.sliceMs ?? 8;
  const pause = options.yieldToMain ?? yieldToMain;
  const steps = modelSteps(book, today, now);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      if (options.isCancelled()) return null;
      sliceStart = performance.now();
    }
  }
}

export function filterRows(model: CaseListModel, filters: CaseFilters): CaseRowData[] {
  const matches = filters.query.trim() ? model.index.search(filters.query) : null;
  return model.rows.filter(
    (r) =>
      (filters.status === 'all' || r.case.status === filters.status) &&
      (!matches || matches.has(r.case.id)) &&
      (!filters.isThisWeekOnly || r.hasAppointmentThisWeek) &&
      (!filters.isExpiringOnly || r.expiringCount > 0),
  );
}
