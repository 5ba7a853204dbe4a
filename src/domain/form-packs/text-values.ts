// Evaluating the text-producing mappings (person field, case field, derivations) against a
// household. An empty string means "no value": the case lacks it, or the slot is empty.
import { ageOn, formatPartialDateForForm } from '../partial-date';
import { normalizeIban } from '../iban';
import { normalizeTaxId } from '../tax-id';
import type { Case, Person } from '../types';
import { countryName, MARITAL_WORDS, relationshipWord, SEX_WORDS } from './german-words';
import { personInSlot, type Household, type PackContext } from './household';
import type { CaseTextField, DateSource, Derivation, PersonTextField, TextMapping } from './types';

export type Env = { context: PackContext; household: Household };

export function personText(person: Person, field: PersonTextField): string {
  switch (field) {
    case 'residence.paragraph':
      return person.residence.paragraph.trim();
    case 'residence.documentNumber':
      return person.residence.documentNumber.trim();
    case 'iban':
      return normalizeIban(person.iban);
    case 'taxId':
      return normalizeTaxId(person.taxId);
    default:
      return person[field].trim();
  }
}

export function caseText(household: Case, field: CaseTextField): string {
  const [group, name] = field.split('.') as [string, string | undefined];
  if (name === undefined)
    return field === 'label' ? household.label.trim() : household.phone.trim();
  const record: Record<string, string> | undefined =
    group === 'address'
      ? household.address
      : group === 'previousAddress'
        ? household.previousAddress
        : household.landlord;
  return (record?.[name] ?? '').trim();
}

/** "DD.MM.YYYY", or "" when the date is unknown or unparseable. */
function dateText(source: DateSource, unknown: 'zeros' | 'first', env: Env): string {
  switch (source.from) {
    case 'date-of-birth': {
      const person = personInSlot(env.household, source.person);
      return person ? formatPartialDateForForm(person.dateOfBirth, unknown) : '';
    }
    case 'residence-expiry': {
      const person = personInSlot(env.household, source.person);
      return person ? formatPartialDateForForm(person.residence.expiresOn, unknown) : '';
    }
    case 'move-in':
      return formatPartialDateForForm(env.context.household.moveInDate ?? '', unknown);
    case 'today':
      return formatPartialDateForForm(env.context.today, unknown);
  }
}

// A house number at the end of the street: "5", "12a", "12 a", "3-5", "7/1".
const HOUSE_NUMBER = /^(.*?)[\s,]+(\d+\s?[a-zA-Z]?(?:\s?[-–/]\s?\d+\s?[a-zA-Z]?)?)$/;

export function splitStreet(street: string): { name: string; number: string } {
  const match = HOUSE_NUMBER.exec(street.trim());
  if (!match) return { name: street.trim(), number: '' };
  return { name: match[1] ?? '', number: match[2] ?? '' };
}

function relationshipToSubject(person: Person, env: Env): string {
  const subject = env.household.subject;
  if (subject === null || person === subject) return '';
  if (subject.relationship === 'head' && person.relationship !== '') {
    return relationshipWord(person.relationship, person);
  }
  if (subject.relationship === 'spouse' || subject.relationship === 'partner') {
    if (person === env.household.head) return relationshipWord(subject.relationship, person);
    if (person.relationship === 'child' || person.relationship === 'stepchild') {
      return relationshipWord(person.relationship, person);
    }
  }
  return '';
}

function derive(d: Derivation, env: Env): string {
  const { context, household } = env;
  switch (d.type) {
    case 'date': {
      const text = dateText(d.date, d.unknown, env);
      if (text === '') return '';
      const [day = '', month = '', year = ''] = text.split('.');
      if (d.part === 'day') return day;
      if (d.part === 'month') return month;
      if (d.part === 'year') return year;
      return d.format === 'digits' ? `${day}${month}${year}` : text;
    }
    case 'name': {
      const p = personInSlot(household, d.person);
      if (!p) return '';
      const family = p.familyName.trim();
      const given = p.givenNames.trim();
      if (d.style === 'family-given') return [family, given].filter(Boolean).join(', ');
      if (d.style === 'given-family') return [given, family].filter(Boolean).join(' ');
      const subjectFamily = household.subject?.familyName.trim().toLocaleLowerCase('de') ?? '';
      const sameFamily = family.toLocaleLowerCase('de') === subjectFamily;
      return sameFamily || given === '' ? given : [given, family].filter(Boolean).join(' ');
    }
    case 'sex': {
      const p = personInSlot(household, d.person);
      return p && p.sex !== '' ? SEX_WORDS[p.sex][d.style] : '';
    }
    case 'marital-status': {
      const status = personInSlot(household, d.person)?.maritalStatus;
      return status ? MARITAL_WORDS[status][d.style] : '';
    }
    case 'relationship': {
      const p = personInSlot(household, d.person);
      return p ? relationshipToSubject(p, env) : '';
    }
    case 'country-name': {
      const code = textOf(d.of, env);
      return code === '' ? '' : countryName(code);
    }
    case 'age': {
      const p = personInSlot(household, d.person);
      const age = p ? ageOn(p.dateOfBirth, context.today) : null;
      return age === null ? '' : String(age);
    }
    case 'address-part': {
      const street = caseText(
        context.household,
        d.address === 'current'
          ? 'address.street'
          : d.address === 'previous'
            ? 'previousAddress.street'
            : 'landlord.street',
      );
      const parts = splitStreet(street);
      return d.part === 'street-name' ? parts.name : parts.number;
    }
    case 'count': {
      if (household.members.length === 0) return '';
      if (d.of === 'members') return String(household.members.length);
      if (d.of === 'children') return String(household.children.length);
      return String(household.members.length - (household.subject ? 1 : 0));
    }
    case 'context':
      return (d.field === 'place' ? context.place : context.volunteerName).trim();
    case 'place-date': {
      const date = formatPartialDateForForm(context.today, 'zeros');
      const place = context.place.trim();
      return place === '' || date === '' ? '' : `${place}, ${date}`;
    }
    case 'join':
      return d.parts
        .map((part) => textOf(part, env))
        .filter((text) => text !== '')
        .join(d.separator);
    case 'affix': {
      const text = textOf(d.value, env);
      return text === '' ? '' : `${d.prefix}${text}${d.suffix}`;
    }
    case 'first-of':
      return d.options.map((option) => textOf(option, env)).find((text) => text !== '') ?? '';
    case 'if-filled':
      return textOf(d.test, env) === '' ? '' : textOf(d.value, env);
  }
}

export function textOf(mapping: TextMapping, env: Env): string {
  switch (mapping.kind) {
    case 'person': {
      const person = personInSlot(env.household, mapping.person);
      return person ? personText(person, mapping.field) : '';
    }
    case 'case':
      return caseText(env.context.household, mapping.field);
    case 'derived':
      return derive(mapping.derive, env);
  }
}
