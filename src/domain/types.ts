// The data model of Lotse. Pure types: no Dexie, no DOM.
// Every record carries bookkeeping fields (id, timestamps, tombstone) so that the
// sync issue can push the outbox without a schema change.

/** Sortable, client-generated id (UUIDv7 string). */
export type Id = string;

/** ISO 8601 timestamp in UTC, e.g. "2026-11-22T09:15:00.000Z". */
export type Timestamp = string;

/** Calendar date "YYYY-MM-DD". */
export type IsoDate = string;

/**
 * A date of which only the year, or year and month, may be known:
 * "1990", "1990-05" or "1990-05-17". Common for refugees' dates of birth.
 */
export type PartialDate = string;

export type RecordBase = {
  id: Id;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Tombstone: records are never hard-deleted, so a deletion can be synced. */
  deleted: boolean;
};

export type RecordKind = 'case' | 'person' | 'appointment' | 'note';

export const BUNDESLAENDER = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A household the volunteer accompanies. */
export type Case = RecordBase & {
  /** Label or file reference, e.g. "Familie Haidari". */
  label: string;
  address: {
    street: string;
    postalCode: string;
    city: string;
  };
  phone: string;
  /** ISO 639 language codes, e.g. ["fa", "ps"]. */
  languages: string[];
  interpreterNeeded: boolean;
  /** ISO 639 code of the language an interpreter is needed for, or "". */
  interpreterLanguage: string;
  bundesland: Bundesland | '';
  responsibleVolunteer: string;
  status: CaseStatus;
  notes: string;
  /** Day of moving into `address` (Anmeldung, Wohnungsgeberbestätigung). Optional: added later. */
  moveInDate?: IsoDate | '';
  /** The address before `address`; `country` is an ISO 3166-1 code, "" for Germany. */
  previousAddress?: { street: string; postalCode: string; city: string; country: string };
  /** Landlord (Wohnungsgeber) of the flat at `address`. */
  landlord?: { name: string; street: string; postalCode: string; city: string };
};

/** Sex as official German forms ask it (PStG: männlich, weiblich, divers, ohne Angabe). */
export const SEXES = ['female', 'male', 'diverse', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

export const RELATIONSHIPS = [
  'head',
  'spouse',
  'partner',
  'child',
  'stepchild',
  'parent',
  'sibling',
  'grandchild',
  'other-relative',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Marital status (Familienstand) as German forms ask it; "separated" is "dauernd getrennt lebend". */
export const MARITAL_STATUSES = [
  'single',
  'married',
  'separated',
  'divorced',
  'widowed',
  'civil-partnership',
  'civil-partnership-dissolved',
] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** Residence documents as German authorities issue them. */
export const RESIDENCE_DOCUMENTS = [
  'none',
  'ankunftsnachweis',
  'aufenthaltsgestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'fiktionsbescheinigung',
  'niederlassungserlaubnis',
  'erlaubnis-daueraufenthalt-eu',
  'blaue-karte-eu',
  'temporary-protection-24',
  'eu-citizen',
  'german-citizen',
  'other',
] as const;
export type ResidenceDocument = (typeof RESIDENCE_DOCUMENTS)[number];

/** Nationality: ISO 3166-1 alpha-2 code, or one of the two special values. */
export type Nationality = string;
export const NATIONALITY_STATELESS = 'stateless';
export const NATIONALITY_UNCLEAR = 'unclear';

export type Person = RecordBase & {
  caseId: Id;
  /** As in the passport, Latin letters. */
  familyName: string;
  givenNames: string;
  /** In the person's own script (Arabic, Cyrillic, ...). */
  familyNameNative: string;
  givenNamesNative: string;
  birthName: string;
  dateOfBirth: PartialDate;
  placeOfBirth: string;
  /** ISO 3166-1 alpha-2. */
  countryOfBirth: string;
  nationality: Nationality;
  sex: Sex | '';
  relationship: Relationship | '';
  /** Optional: added after the first release, so older records lack it. */
  maritalStatus?: MaritalStatus | '';
  residence: {
    document: ResidenceDocument | '';
    /** Legal basis, e.g. "§ 25 Abs. 2 AufenthG" for an Aufenthaltserlaubnis. */
    paragraph: string;
    documentNumber: string;
    expiresOn: IsoDate | '';
  };
  bamfFileNumber: string;
  azrNumber: string;
  taxId: string;
  pensionInsuranceNumber: string;
  healthInsurance: string;
  healthInsuranceNumber: string;
  iban: string;
  phone: string;
  email: string;
  languages: string[];
  /**
   * Persons the team said are someone else ("Keep both" on a duplicate offer), so the
   * duplicate finder does not offer the pair again. Synced like every field; merges as a set.
   * Optional: added after the first release.
   */
  notDuplicateOf?: Id[];
};

export const AUTHORITIES = [
  'auslaenderbehoerde',
  'jobcenter',
  'familienkasse',
  'bamf',
  'sozialamt',
  'buergeramt',
  'agentur-fuer-arbeit',
  'wohngeldstelle',
  'jugendamt',
  'school',
  'kita',
  'doctor',
  'hospital',
  'court',
  'counselling',
  'other',
] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const APPOINTMENT_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export type ChecklistItem = { id: Id; text: string; done: boolean };

export type Appointment = RecordBase & {
  caseId: Id;
  /** Local date and time "YYYY-MM-DDTHH:mm" (appointments are wall-clock times in Germany). */
  startsAt: string;
  place: string;
  authority: Authority | '';
  purpose: string;
  bring: ChecklistItem[];
  interpreterNeeded: boolean;
  accompaniedBy: string;
  status: AppointmentStatus;
  outcome: string;
};

export type VisitNote = RecordBase & {
  caseId: Id;
  date: IsoDate;
  author: string;
  text: string;
};

export type RecordOf<K extends RecordKind> = K extends 'case'
  ? Case
  : K extends 'person'
    ? Person
    : K extends 'appointment'
      ? Appointment
      : VisitNote;
