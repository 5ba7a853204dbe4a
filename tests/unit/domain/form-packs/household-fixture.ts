// A household for form pack tests: a Syrian couple with two children, partial dates of birth
// (a year only, a year and month), names in Arabic script, and a deleted child that must never
// appear on a form. Built from the shared sample records.
import { sampleCase, samplePerson } from '../../../fixtures/records';
import type { PackContext } from '../../../../src/domain/form-packs';
import type { Case, Person } from '../../../../src/domain/types';

export const household: Case = {
  ...sampleCase,
  label: 'Familie Haidari',
  address: { street: 'Straße des 17. Juni 110', postalCode: '10623', city: 'Berlin' },
  phone: '+49 30 1234567',
  moveInDate: '2026-10-01',
  previousAddress: {
    street: 'Am Sandberg 3a',
    postalCode: '15234',
    city: 'Frankfurt (Oder)',
    country: '',
  },
  landlord: {
    name: 'Wohnbau Nord GmbH',
    street: 'Hafenweg 2',
    postalCode: '10115',
    city: 'Berlin',
  },
};

const base = { ...samplePerson, caseId: household.id };
const id = (n: number) => `0194a0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

export const head: Person = {
  ...base,
  id: id(1),
  familyName: 'Haidari',
  givenNames: 'Ahmad',
  familyNameNative: 'حيدري',
  givenNamesNative: 'أحمد',
  birthName: '',
  dateOfBirth: '1990',
  placeOfBirth: 'Aleppo',
  countryOfBirth: 'SY',
  nationality: 'SY',
  sex: 'male',
  relationship: 'head',
  maritalStatus: 'married',
  taxId: '86095742719',
  iban: 'DE89 3704 0044 0532 0130 00',
  phone: '',
  email: 'ahmad@example.org',
};

export const spouse: Person = {
  ...base,
  id: id(2),
  familyName: 'Haidari',
  givenNames: 'Fatima',
  familyNameNative: 'حيدري',
  givenNamesNative: 'فاطمة',
  birthName: 'Al-Hassan',
  dateOfBirth: '1992-05',
  placeOfBirth: 'Homs',
  countryOfBirth: 'SY',
  nationality: 'SY',
  sex: 'female',
  relationship: 'spouse',
  maritalStatus: 'married',
  taxId: '47036892816',
  iban: '',
  phone: '+49 170 5550101',
};

/** 11 years old on TODAY. */
export const daughter: Person = {
  ...base,
  id: id(3),
  familyName: 'Haidari',
  givenNames: 'Sara',
  familyNameNative: 'حيدري',
  givenNamesNative: 'سارة',
  birthName: '',
  dateOfBirth: '2015-03-17',
  placeOfBirth: 'Gaziantep',
  countryOfBirth: 'TR',
  nationality: 'SY',
  sex: 'female',
  relationship: 'child',
  maritalStatus: 'single',
  taxId: '',
  iban: '',
};

/** 17 years old on TODAY; created after his sister, listed before her (older). */
export const son: Person = {
  ...daughter,
  id: id(4),
  familyName: 'Al-Hassan',
  givenNames: 'Omar',
  givenNamesNative: 'عمر',
  dateOfBirth: '2009-01-10',
  sex: 'male',
  relationship: 'stepchild',
};

export const deletedChild: Person = {
  ...daughter,
  id: id(5),
  givenNames: 'Deleted',
  dateOfBirth: '2020-01-01',
  deleted: true,
};

export const TODAY = '2026-11-22';

export const context = (subject: Person = head, persons: Person[] = []): PackContext => ({
  household,
  persons: persons.length > 0 ? persons : [deletedChild, son, daughter, spouse, head],
  subjectPersonId: subject.id,
  today: TODAY,
  place: 'Berlin',
  volunteerName: 'Anna Schmidt',
});
