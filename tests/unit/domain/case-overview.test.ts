import { describe, expect, it } from 'vitest';
import {
  expiringDocuments,
  groupAgenda,
  hasAppointmentInWeek,
  upcomingAppointments,
} from '../../../src/domain/case-overview';
import { emptyAppointment, emptyPerson } from '../../../src/domain/defaults';
import type { Appointment, AppointmentStatus, Person } from '../../../src/domain/types';

const stamp = '2026-01-01T00:00:00.000Z';

const person = (id: string, expiresOn: string, deleted = false): Person => {
  const p = emptyPerson('case-1');
  return {
    ...p,
    id,
    createdAt: stamp,
    updatedAt: stamp,
    deleted,
    residence: { ...p.residence, expiresOn },
  };
};

const appointment = (
  id: string,
  startsAt: string,
  status: AppointmentStatus = 'planned',
  deleted = false,
): Appointment => ({
  ...emptyAppointment('case-1', startsAt),
  id,
  createdAt: stamp,
  updatedAt: stamp,
  deleted,
  status,
});

const ids = (list: { id: string }[]): string[] => list.map((x) => x.id);

describe('expiringDocuments', () => {
  const today = '2026-05-13';
  const persons = [
    person('later', '2026-07-12'), // 60 days: included
    person('too-late', '2026-07-13'), // 61 days
    person('expired', '2026-05-01'),
    person('today', '2026-05-13'),
    person('none', ''),
    person('broken', '31.12.2026'),
    person('deleted', '2026-05-20', true),
    person('soon', '2026-05-20'),
  ];

  it('lists non-deleted persons expiring within 60 days, expired ones first', () => {
    const result = expiringDocuments(persons, today);
    expect(result.map((r) => [r.person.id, r.expiresOn, r.daysLeft])).toEqual([
      ['expired', '2026-05-01', -12],
      ['today', '2026-05-13', 0],
      ['soon', '2026-05-20', 7],
      ['later', '2026-07-12', 60],
    ]);
  });

  it('honours a custom window', () => {
    expect(expiringDocuments(persons, today, 7).map((r) => r.person.id)).toEqual([
      'expired',
      'today',
      'soon',
    ]);
    expect(expiringDocuments(persons, today, -1).map((r) => r.person.id)).toEqual(['expired']);
  });

  it('returns an empty list for no persons', () => {
    expect(expiringDocuments([], today)).toEqual([]);
  });
});

describe('hasAppointmentInWeek', () => {
  // Wednesday; the week runs from Monday 2026-05-11 to Sunday 2026-05-17.
  const today = '2026-05-13';

  it('sees appointments from Monday to Sunday', () => {
    expect(hasAppointmentInWeek([appointment('a', '2026-05-11T08:00')], today)).toBe(true);
    expect(hasAppointmentInWeek([appointment('a', '2026-05-17T23:59')], today)).toBe(true);
    // Past ones of this week and done ones count too.
    expect(hasAppointmentInWeek([appointment('a', '2026-05-12T10:00', 'done')], today)).toBe(true);
  });

  it('ignores other weeks, cancelled and deleted appointments', () => {
    expect(hasAppointmentInWeek([], today)).toBe(false);
    expect(
      hasAppointmentInWeek(
        [
          appointment('a', '2026-05-10T10:00'),
          appointment('b', '2026-05-18T00:00'),
          appointment('c', '2026-05-14T10:00', 'cancelled'),
          appointment('d', '2026-05-14T10:00', 'planned', true),
        ],
        today,
      ),
    ).toBe(false);
  });
});

describe('groupAgenda', () => {
  // Wednesday 13 May 2026, 10:30; the week ends on Sunday 17 May.
  const now = '2026-05-13T10:30';
  const all = [
    appointment('later-2', '2026-06-01T09:00'),
    appointment('week-sun', '2026-05-17T18:00'),
    appointment('today-now', '2026-05-13T10:30'),
    appointment('overdue-old', '2026-05-01T09:00'),
    appointment('today-later', '2026-05-13T15:00'),
    appointment('overdue-today', '2026-05-13T08:00'),
    appointment('later-1', '2026-05-18T00:00'),
    appointment('week-thu', '2026-05-14T09:00'),
    appointment('done', '2026-05-14T09:00', 'done'),
    appointment('missed', '2026-05-01T09:00', 'missed'),
    appointment('cancelled', '2026-05-15T09:00', 'cancelled'),
    appointment('deleted', '2026-05-15T09:00', 'planned', true),
  ];

  it('groups planned appointments relative to now, each sorted by time', () => {
    const groups = groupAgenda(all, now);
    expect(ids(groups.overdue)).toEqual(['overdue-old', 'overdue-today']);
    expect(ids(groups.today)).toEqual(['today-now', 'today-later']);
    expect(ids(groups.thisWeek)).toEqual(['week-thu', 'week-sun']);
    expect(ids(groups.later)).toEqual(['later-1', 'later-2']);
  });

  it('has no "this week" on a Sunday', () => {
    const groups = groupAgenda(
      [appointment('sun', '2026-05-17T20:00'), appointment('mon', '2026-05-18T08:00')],
      '2026-05-17T09:00',
    );
    expect(ids(groups.today)).toEqual(['sun']);
    expect(groups.thisWeek).toEqual([]);
    expect(ids(groups.later)).toEqual(['mon']);
  });

  it('returns empty groups for no appointments', () => {
    expect(groupAgenda([], now)).toEqual({ overdue: [], today: [], thisWeek: [], later: [] });
  });
});

describe('upcomingAppointments', () => {
  it('lists planned, non-deleted appointments from now on', () => {
    const list = [
      appointment('b', '2026-05-20T09:00'),
      appointment('past', '2026-05-13T10:29'),
      appointment('a', '2026-05-13T10:30'),
      appointment('done', '2026-05-14T09:00', 'done'),
      appointment('deleted', '2026-05-14T09:00', 'planned', true),
    ];
    expect(ids(upcomingAppointments(list, '2026-05-13T10:30'))).toEqual(['a', 'b']);
  });
});
