// Small constructors that keep the shipped packs readable. They build plain pack data, exactly
// what a pack file holds; nothing here exists at run time beyond the objects they return.
import type { PdfFieldType } from '../../../pdf/types';
import type {
  CaseTextField,
  ChoiceSource,
  ChoiceTable,
  DerivedMapping,
  EditionField,
  FieldMapping,
  HouseholdFact,
  Mapping,
  PersonSlot,
  PersonTextField,
  SplitRule,
  TextMapping,
} from '../types';

export const SUBJECT: PersonSlot = { role: 'subject' };
export const PARTNER: PersonSlot = { role: 'partner' };
export const member = (index: number): PersonSlot => ({ role: 'member', index });
export const child = (index: number): PersonSlot => ({ role: 'child', index });

export const editionFields = (rows: [string, PdfFieldType][]): EditionField[] =>
  rows.map(([key, type]) => ({ key, type }));

export const field = (key: string, mapping: Mapping): FieldMapping => ({ key, ...mapping });

export const person = (slot: PersonSlot, name: PersonTextField): TextMapping => ({
  kind: 'person',
  person: slot,
  field: name,
});
export const caseField = (name: CaseTextField): TextMapping => ({ kind: 'case', field: name });

export const derived = (derive: DerivedMapping['derive']): TextMapping => ({
  kind: 'derived',
  derive,
});

/** Date of birth "DD.MM.YYYY"; unknown day and month as "00" unless the form wants "01". */
export const birthDate = (slot: PersonSlot, unknown: 'zeros' | 'first' = 'zeros') =>
  derived({ type: 'date', date: { from: 'date-of-birth', person: slot }, unknown });
export const today = () => derived({ type: 'date', date: { from: 'today' }, unknown: 'zeros' });
export const moveInDate = () =>
  derived({ type: 'date', date: { from: 'move-in' }, unknown: 'zeros' });

export const countryOf = (of: TextMapping) => derived({ type: 'country-name', of });
export const join = (separator: string, ...parts: TextMapping[]) =>
  derived({ type: 'join', parts, separator });

/** "Lindenstraße 5, 10969 Berlin" */
export const fullAddress = () =>
  join(
    ', ',
    caseField('address.street'),
    join(' ', caseField('address.postalCode'), caseField('address.city')),
  );

/** The person's phone, else the household's. */
export const phoneOf = (slot: PersonSlot) =>
  derived({ type: 'first-of', options: [person(slot, 'phone'), caseField('phone')] });

export const choice = (source: ChoiceSource, options: ChoiceTable): Mapping => ({
  kind: 'choice',
  source,
  options,
});

/** One checkbox of a group: ticked when the source yields one of `codes`. */
export const tickWhen = (source: ChoiceSource, ...codes: string[]): Mapping =>
  choice(source, Object.fromEntries(codes.map((code) => [code, true])));

export const split = (value: TextMapping, rule: SplitRule, part: number): Mapping => ({
  kind: 'split',
  value,
  rule,
  part,
});

/** The German tax ID in four boxes: 2, 3, 3 and 3 digits. */
export const taxIdPart = (slot: PersonSlot, part: number): Mapping =>
  split(person(slot, 'taxId'), { by: 'widths', widths: [2, 3, 3, 3] }, part);

export const fact = (name: HouseholdFact): ChoiceSource => ({ from: 'household', fact: name });

export const fixed = (value: string | boolean): Mapping => ({ kind: 'fixed', value });
