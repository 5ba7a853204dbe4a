// Blank records for repositories and forms: every field present, bookkeeping fields
// (id, timestamps, tombstone) left to the repository. Each call returns fresh objects
// and arrays, so callers may mutate the result.

import type { Appointment, Case, IsoDate, Person, RecordBase, VisitNote } from './types';

export function emptyCase(): Omit<Case, keyof RecordBase> {
  return {
    label: '',
    address: { street: '', postalCode: '', city: '' },
    phone: '',
    languages: [],
    interpreterNeeded: false,
    interpreterLanguage: '',
    bundesland: '',
    responsibleVolunteer: '',
    status: 'open',
    notes: '',
    moveInDate: '',
    previousAddress: { street: '', postalCode: '', city: '', country: '' },
    landlord: { name: '', street: '', postalCode: '', city: '' },
  };
}

export function emptyPerson(caseId: string): Omit<Person, keyof RecordBase> {
  return {
    caseId,
    familyName: '',
    givenNames: '',
    familyNameNative: '',
    givenNamesNative: '',
    birthName: '',
    dateOfBirth: '',
    placeOfBirth: '',
    countryOfBirth: '',
    nationality: '',
    sex: '',
    relationship: '',
    maritalStatus: '',
    residence: { document: '', paragraph: '', documentNumber: '', expiresOn: '' },
    bamfFileNumber: '',
    azrNumber: '',
    taxId: '',
    pensionInsuranceNumber: '',
    healthInsurance: '',
    healthInsuranceNumber: '',
    iban: '',
    phone: '',
    email: '',
    languages: [],
  };
}

export function emptyAppointment(
  caseId: string,
  startsAt: string,
): Omit<Appointment, keyof RecordBase> {
  return {
    caseId,
    startsAt,
    place: '',
    authority: '',
    purpose: '',
    bring: [],
    interpreterNeeded: false,
    accompaniedBy: '',
    status: 'planned',
    outcome: '',
  };
}

export function emptyNote(
  caseId: string,
  date: IsoDate,
  author: string,
): Omit<VisitNote, keyof RecordBase> {
  return { caseId, date, author, text: '' };
}
