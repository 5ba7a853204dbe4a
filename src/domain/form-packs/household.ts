// Who is who in a household, for filling forms: the living (not deleted) persons of the case in
// household order, and the person each PersonSlot of a pack stands for.
import type { Case, Id, IsoDate, Person } from '../types';
import type { PersonSlot } from './types';

export type PackContext = {
  household: Case;
  persons: Person[];
  /** The person the draft is for. */
  subjectPersonId: Id;
  today: IsoDate;
  /** The volunteer's place, for "place, date" lines. */
  place: string;
  volunteerName: string;
};

export type Household = {
  subject: Person | null;
  /** Subject first, then head, partner, children (oldest first), everyone else. */
  members: Person[];
  head: Person | null;
  partner: Person | null;
  children: Person[];
};

const isPartner = (p: Person): boolean =>
  p.relationship === 'spouse' || p.relationship === 'partner';
const isChild = (p: Person): boolean =>
  p.relationship === 'child' || p.relationship === 'stepchild';

/** Older first; an unknown date of birth sorts last; ties by id (creation order). */
const byAge = (a: Person, b: Person): number => {
  const da = a.dateOfBirth || '9999';
  const db = b.dateOfBirth || '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};
const byId = (a: Person, b: Person): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function resolveHousehold(context: PackContext): Household {
  const living = context.persons
    .filter((p) => !p.deleted && p.caseId === context.household.id)
    .sort(byId);
  const subject = living.find((p) => p.id === context.subjectPersonId) ?? null;
  const head = living.find((p) => p.relationship === 'head') ?? null;
  let partner: Person | null;
  if (subject !== null && isPartner(subject)) partner = head;
  else partner = living.find((p) => isPartner(p) && p !== subject) ?? null;
  const children = living.filter(isChild).sort(byAge);
  const first = [subject, head, partner, ...children].filter((p): p is Person => p !== null);
  const members: Person[] = [];
  for (const p of [...first, ...living]) if (!members.includes(p)) members.push(p);
  return { subject, members, head, partner, children };
}

export function personInSlot(household: Household, slot: PersonSlot): Person | null {
  switch (slot.role) {
    case 'subject':
      return household.subject;
    case 'head':
      return household.head;
    case 'partner':
      return household.partner;
    case 'child':
      return household.children[slot.index - 1] ?? null;
    case 'member':
      return household.members[slot.index - 1] ?? null;
  }
}
