// Choice sources: the case value that decides a checkbox or radio button, as a code from a fixed
// vocabulary ("female", "married", "yes"). null means the case does not tell (unknown).
import { ageOn, parsePartialDate } from '../partial-date';
import type { Person } from '../types';
import {
  MARITAL_STATUSES,
  NATIONALITY_STATELESS,
  NATIONALITY_UNCLEAR,
  RELATIONSHIPS,
  RESIDENCE_DOCUMENTS,
  SEXES,
} from '../types';
import { EU_COUNTRIES } from './german-words';
import { personInSlot } from './household';
import { textOf, type Env } from './text-values';
import type { ChoiceSource, HouseholdFact } from './types';
import { NATIONALITY_GROUPS, YES_NO } from './types';

const yesNo = (b: boolean): 'yes' | 'no' => (b ? 'yes' : 'no');

/** The certain age range [min, max] on `today`, or null when the date of birth is unknown. */
function ageRange(person: Person, today: string): [number, number] | null {
  const date = parsePartialDate(person.dateOfBirth);
  if (date === null) return null;
  const min = ageOn(date, today);
  const earliest = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const max = ageOn(earliest, today);
  return min === null || max === null ? null : [min, max];
}

/** "yes" when some person certainly fits, "no" when every person certainly does not. */
function anyAged(persons: Person[], today: string, from: number, below: number): string | null {
  let unknown = false;
  for (const p of persons) {
    const range = ageRange(p, today);
    if (range === null) unknown = true;
    else if (range[0] >= from && range[1] < below) return 'yes';
    else if (range[1] >= from && range[0] < below) unknown = true;
  }
  return unknown ? null : 'no';
}

function householdFact(fact: HouseholdFact, env: Env): string | null {
  const { members, subject, partner, children } = env.household;
  if (subject === null) return null;
  const others = members.filter((p) => p !== subject);
  const has = (...relationships: string[]): string =>
    yesNo(others.some((p) => relationships.includes(p.relationship)));
  switch (fact) {
    case 'lives-alone':
      return yesNo(others.length === 0);
    case 'has-partner':
      return yesNo(partner !== null);
    case 'has-children':
      return yesNo(children.length > 0);
    case 'has-child-under-15':
      return anyAged(children, env.context.today, 0, 15);
    case 'has-child-15-to-24':
      return anyAged(children, env.context.today, 15, 25);
    case 'has-parent':
      return has('parent');
    case 'has-other-relative':
      return has('sibling', 'grandchild', 'other-relative');
    case 'has-non-relative':
      return has('other');
  }
}

export function choiceCode(source: ChoiceSource, env: Env): string | null {
  const person = 'person' in source ? personInSlot(env.household, source.person) : null;
  switch (source.from) {
    case 'sex':
      return person?.sex || null;
    case 'marital-status':
      return person?.maritalStatus || null;
    case 'residence-document':
      return person?.residence.document || null;
    case 'relationship':
      return person?.relationship || null;
    case 'nationality':
      return person?.nationality || null;
    case 'nationality-group': {
      const n = person?.nationality ?? '';
      if (n === NATIONALITY_STATELESS || n === NATIONALITY_UNCLEAR) return n;
      if (!/^[A-Z]{2}$/.test(n)) return null;
      return n === 'DE' ? 'german' : EU_COUNTRIES.has(n) ? 'eu' : 'other';
    }
    case 'filled':
      return yesNo(textOf(source.value, env) !== '');
    case 'person-exists':
      return yesNo(person !== null);
    case 'age-below': {
      const range = person ? ageRange(person, env.context.today) : null;
      if (range === null) return null;
      if (range[1] < source.years) return 'yes';
      return range[0] >= source.years ? 'no' : null;
    }
    case 'household':
      return householdFact(source.fact, env);
  }
}

/** The codes a source can yield: the keys a choice table may use. */
export function isChoiceCode(source: ChoiceSource, code: string): boolean {
  const within = (list: readonly string[]): boolean => list.includes(code);
  switch (source.from) {
    case 'sex':
      return within(SEXES);
    case 'marital-status':
      return within(MARITAL_STATUSES);
    case 'residence-document':
      return within(RESIDENCE_DOCUMENTS);
    case 'relationship':
      return within(RELATIONSHIPS);
    case 'nationality':
      return (
        /^[A-Z]{2}$/.test(code) || code === NATIONALITY_STATELESS || code === NATIONALITY_UNCLEAR
      );
    case 'nationality-group':
      return within(NATIONALITY_GROUPS);
    default:
      return within(YES_NO);
  }
}
