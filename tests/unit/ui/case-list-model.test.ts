import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expiringDocuments,
  hasAppointmentInWeek,
  upcomingAppointments,
} from '../../../src/domain/case-overview';
import { addDays } from '../../../src/domain/dates';
import { emptyAppointment, emptyCase, emptyPerson } from '../../../src/domain/defaults';
import {
  APPOINTMENT_STATUSES,
  type Appointment,
  type Case,
  type Person,
} from '../../../src/domain/types';
import {
  buildCaseListModel,
  buildCaseListModelInSlices,
  filterRows,
  type CaseFilters,
  type CaseListModel,
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

// The model keeps only records that can matter before it asks the domain rules; this checks
// that it answers exactly as the rules do on everything, over random books with valid,
// partial and invalid dates around the week and the 60-day window.
describe('case list model against the domain rules', () => {
  const day = fc.integer({ min: -20, max: 90 }).map((n) => addDays(today, n));
  const oddDate = fc.constantFrom('', '2026-02-30', '2026-13-01', 'soon', '2026-11');
  const startsAt = fc.oneof(
    fc
      .tuple(day, fc.integer({ min: 0, max: 23 }), fc.constantFrom('00', '30'))
      .map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${m}`),
    oddDate,
    fc.constantFrom('2026-11-16T00:00', '2026-11-22T23:30', '2026-11-20T10:00', '2026-11-23'),
  );
  const bookArb = fc
    .tuple(
      fc.array(
        fc.record({
          caseIndex: fc.nat(4),
          startsAt,
          status: fc.constantFrom(...APPOINTMENT_STATUSES),
          deleted: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      fc.array(
        fc.record({
          caseIndex: fc.nat(4),
          expiresOn: fc.oneof(day, oddDate),
          deleted: fc.boolean(),
        }),
        { maxLength: 15 },
      ),
    )
    .map(([appointments, persons]) => {
      const cases = [0, 1, 2, 3, 4].map((n) => mkCase(`c${n}`, `Case ${n}`));
      return {
        cases,
        appointments: appointments.map((a, n) => ({
          ...mkAppointment(`a${n}`, `c${a.caseIndex}`, a.startsAt),
          status: a.status,
          deleted: a.deleted,
        })),
        persons: persons.map((p, n) =>
          mkPerson(`p${n}`, `c${p.caseIndex}`, {
            deleted: p.deleted,
            residence: {
              document: 'duldung',
              paragraph: '',
              documentNumber: '',
              expiresOn: p.expiresOn,
            },
          }),
        ),
      };
    });

  it('gives every row the summary the rules give', () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const model = buildCaseListModel(b, today, now);
        for (const row of model.rows) {
          const appointments = b.appointments.filter((a) => a.caseId === row.case.id);
          const persons = b.persons.filter((p) => p.caseId === row.case.id);
          expect(row.nextAppointment).toEqual(upcomingAppointments(appointments, now)[0] ?? null);
          expect(row.hasAppointmentThisWeek).toBe(hasAppointmentInWeek(appointments, today));
          expect(row.expiringCount).toBe(expiringDocuments(persons, today).length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('building the model in slices', () => {
  const big = {
    cases: Array.from({ length: 300 }, (_, n) => mkCase(`c${n}`, `Familie ${n}`)),
    persons: Array.from({ length: 600 }, (_, n) =>
      mkPerson(`p${n}`, `c${n % 300}`, { familyName: n % 7 ? 'Haidari' : 'Müller' }),
    ),
    appointments: Array.from({ length: 300 }, (_, n) =>
      mkAppointment(`a${n}`, `c${n}`, `2026-11-${String(16 + (n % 14)).padStart(2, '0')}T09:00`),
    ),
  };

  it('gives the main thread back between slices and builds the same model', async () => {
    let pauses = 0;
    const model = await buildCaseListModelInSlices(big, today, now, {
      isCancelled: () => false,
      sliceMs: 0,
      yieldToMain: async () => {
        pauses += 1;
      },
    });
    expect(pauses).toBeGreaterThan(100);
    const whole = buildCaseListModel(big, today, now);
    expect(model?.rows).toEqual(whole.rows);
    const ids = (m: CaseListModel | null) => [...(m?.index.search('muller') ?? [])].sort();
    expect(ids(model)).toEqual(ids(whole));
    expect(ids(model)).toHaveLength(86);
  });

  it('stops when cancelled', async () => {
    let pauses = 0;
    const model = await buildCaseListModelInSlices(big, today, now, {
      isCancelled: () => pauses >= 3,
      sliceMs: 0,
      yieldToMain: async () => {
        pauses += 1;
      },
    });
    expect(model).toBeNull();
    expect(pauses).toBe(3);
  });
});
