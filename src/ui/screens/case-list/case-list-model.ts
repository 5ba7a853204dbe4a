// Builds the rows of the case list from the case book: search, filters, row summaries.
import type { CaseBook } from '../../../db/repositories';
import {
  expiringDocuments,
  hasAppointmentInWeek,
  upcomingAppointments,
} from '../../../domain/case-overview';
import { buildSearchIndex, type SearchIndex } from '../../../domain/search';
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

/** Rows for every case (in the book's order, newest change first) plus the search index. */
export function buildCaseListModel(
  book: Pick<CaseBook, 'cases' | 'persons'> & { appointments: Appointment[] },
  today: string,
  now: string,
): CaseListModel {
  const personsByCase = groupBy(book.persons, (p) => p.caseId);
  const appointmentsByCase = groupBy(book.appointments, (a) => a.caseId);
  const rows = book.cases.map((c) => {
    const persons = personsByCase.get(c.id) ?? [];
    const appointments = appointmentsByCase.get(c.id) ?? [];
    return {
      case: c,
      persons,
      nextAppointment: upcomingAppointments(appointments, now)[0] ?? null,
      expiringCount: expiringDocuments(persons, today).length,
      hasAppointmentThisWeek: hasAppointmentInWeek(appointments, today),
    };
  });
  const index = buildSearchIndex(
    rows.map((r) => ({
      caseId: r.case.id,
      texts: [r.case.label, ...r.persons.flatMap(personSearchTexts)],
    })),
  );
  return { index, rows };
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
