// Derived views for the overview screens: expiring residence documents and the agenda.
// Dates are "YYYY-MM-DD" and appointment times local "YYYY-MM-DDTHH:mm", so plain string
// comparison orders them correctly. An invalid `today`/`now` is a programming error and
// throws a RangeError (from dates.ts).

import { daysBetween, endOfWeek, isValidIsoDate, isValidLocalDateTime, startOfWeek } from './dates';
import type { Appointment, IsoDate, Person } from './types';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type ExpiringDocument = { person: Person; expiresOn: IsoDate; daysLeft: number };

/**
 * Non-deleted persons whose residence document expires within `withinDays` of `today`,
 * already expired ones included (negative daysLeft), soonest first. Persons with an
 * empty or invalid expiry date are left out.
 */
export function expiringDocuments(
  persons: Person[],
  today: IsoDate,
  withinDays = 60,
): ExpiringDocument[] {
  const result: ExpiringDocument[] = [];
  for (const person of persons) {
    const expiresOn = person.residence.expiresOn;
    if (person.deleted || !isValidIsoDate(expiresOn)) continue;
    const daysLeft = daysBetween(today, expiresOn);
    if (daysLeft <= withinDays) result.push({ person, expiresOn, daysLeft });
  }
  return result.sort(
    (a, b) => compare(a.expiresOn, b.expiresOn) || compare(a.person.id, b.person.id),
  );
}

const byStart = (a: Appointment, b: Appointment): number =>
  compare(a.startsAt, b.startsAt) || compare(a.id, b.id);

const dateOf = (a: Appointment): IsoDate => a.startsAt.slice(0, 10);

/** Appointments that still matter: not deleted and with a valid time. */
const isLive = (a: Appointment): boolean => !a.deleted && isValidLocalDateTime(a.startsAt);

/** Whether any non-deleted, non-cancelled appointment falls in the Monday–Sunday week of `today`. */
export function hasAppointmentInWeek(appointments: Appointment[], today: IsoDate): boolean {
  const monday = startOfWeek(today);
  const sunday = endOfWeek(today);
  return appointments.some(
    (a) => isLive(a) && a.status !== 'cancelled' && dateOf(a) >= monday && dateOf(a) <= sunday,
  );
}

export type AgendaGroups = {
  overdue: Appointment[];
  today: Appointment[];
  thisWeek: Appointment[];
  later: Appointment[];
};

/**
 * Planned, non-deleted appointments grouped relative to `now` ("YYYY-MM-DDTHH:mm", local):
 * overdue (before now, today's earlier ones included), today (from now on), thisWeek
 * (after today up to Sunday), later. Each group ascending by time. Appointments with an
 * invalid startsAt are left out (validation prevents saving them).
 */
export function groupAgenda(appointments: Appointment[], now: string): AgendaGroups {
  const today = now.slice(0, 10);
  const sunday = endOfWeek(today);
  const groups: AgendaGroups = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const a of appointments) {
    if (!isLive(a) || a.status !== 'planned') continue;
    if (a.startsAt < now) groups.overdue.push(a);
    else if (dateOf(a) === today) groups.today.push(a);
    else if (dateOf(a) <= sunday) groups.thisWeek.push(a);
    else groups.later.push(a);
  }
  groups.overdue.sort(byStart);
  groups.today.sort(byStart);
  groups.thisWeek.sort(byStart);
  groups.later.sort(byStart);
  return groups;
}

/** Planned, non-deleted appointments at or after `now`, ascending. */
export function upcomingAppointments(appointments: Appointment[], now: string): Appointment[] {
  return appointments
    .filter((a) => isLive(a) && a.status === 'planned' && a.startsAt >= now)
    .sort(byStart);
}
