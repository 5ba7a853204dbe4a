import { describe, expect, it } from 'vitest';
import { emptyAppointment, emptyCase, emptyPerson } from '../../../src/domain/defaults';
import type { Appointment, Case, Person } from '../../../src/domain/types';
import {
  buildCaseListModel,
  filterRows,
  type CaseFilters,
} from '../../../src/ui/screens/case-list/case-list-model';

const base = { createdAt: '', updatedAt: '', deleted: false };
const mkCase = (id: string, label: string, status: Case['status'] = 'open'): Case => ({
  ...emptyCase(),
  ...base,
  id,
  label,
  status,
});
const mkPerson = (id: string, caseId: string, patch: Partial<Person>): Person => ({
  ...emptyPerson(caseId),
  ...base,
  id,
  ...patch,
});
const mkAppointment = (id: string, caseId: string, startsAt: string): Appointment => ({
  ...emptyAppointment(caseId, startsAt),
  ...base,
  id,
});

// Friday 2026-11-20; its week runs from Monday 16th to Sunday 22nd.
const today = '2026-11-20';
const now = '2026-11-20T10:00';
const book = {
  cases: [mkCase('c1', 'Familie Müller'), mkCase('c2', 'Haidari'), mkCase('c3', 'Alt', 'closed')],
  persons: [
    mkPerson('p1', 'c2', { familyName: 'Öztürk', givenNames: 'Ayşe' }),
    mkPerson('p2', 'c2', {
      familyName: 'Haidari',
      givenNamesNative: 'زهرا',
      residence: {
        document: 'duldung',
        paragraph: '',
        documentNumber: '',
        expiresOn: '2026-12-01',
      },
    }),
  ],
  appointments: [
    mkAppointment('a1', 'c1', '2026-11-21T09:00'),
    mkAppointment('a2', 'c3', '2027-01-05T09:00'),
  ],
};
const all: CaseFilters = { query: '', status: 'all', isThisWeekOnly: false, isExpiringOnly: false };
const ids = (filters: Partial<CaseFilters>) =>
  filterRows(buildCaseListModel(book, today, now), { ...all, ...filters }).map((r) => r.case.id);

describe('case list model', () => {
  it('searches every person name, accent-insensitively, across scripts', () => {
    expect(ids({ query: 'ozturk' })).toEqual(['c2']);
    expect(ids({ query: 'muller' })).toEqual(['c1']);
    expect(ids({ query: 'زهرا' })).toEqual(['c2']);
    expect(ids({ query: 'ayse haidari' })).toEqual(['c2']);
    expect(ids({ query: 'nobody' })).toEqual([]);
  });

  it('filters by status, appointments this week and expiring documents', () => {
    expect(ids({ status: 'open' })).toEqual(['c1', 'c2']);
    expect(ids({ status: 'closed' })).toEqual(['c3']);
    expect(ids({ isThisWeekOnly: true })).toEqual(['c1']);
    expect(ids({ isExpiringOnly: true })).toEqual(['c2']);
    expect(ids({ isExpiringOnly: true, status: 'closed' })).toEqual([]);
  });

  it('summarises each row: next appointment and expiring documents', () => {
    const model = buildCaseListModel(book, today, now);
    const row = (id: string) => model.rows.find((r) => r.case.id === id);
    expect(row('c1')?.nextAppointment?.id).toBe('a1');
    expect(row('c2')?.expiringCount).toBe(1);
    expect(row('c2')?.persons).toHaveLength(2);
  });
});
