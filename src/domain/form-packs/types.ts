// The form pack format: how the fields of one edition of an official form are filled from a
// case. Packs are data shared between volunteers (exported and imported as JSON files), so every
// type here is plain JSON: no functions, no undefined-only fields, no Maps. parse-pack.ts checks
// untrusted files against these types; the vocabularies below are the single source for both.
import type { PdfFieldType, PdfOverlayBox } from '../../pdf/types';
import type { Authority } from '../types';

export const FORM_PACK_FORMAT = 'lotse-form-pack';
export const FORM_PACK_VERSION = 1;

/**
 * Which person of the household a value comes from. `subject` is the person the draft is for;
 * `head` the person recorded as head of household; `partner` the subject's spouse or partner;
 * `child` the n-th child of the head (oldest first); `member` the n-th person in household
 * order (the subject first, then head, partner, children oldest first, everyone else).
 */
export type PersonSlot =
  | { role: 'subject' }
  | { role: 'head' }
  | { role: 'partner' }
  | { role: 'child'; index: number }
  | { role: 'member'; index: number };

export const PERSON_TEXT_FIELDS = [
  'familyName',
  'givenNames',
  'familyNameNative',
  'givenNamesNative',
  'birthName',
  'placeOfBirth',
  'countryOfBirth',
  'nationality',
  'residence.paragraph',
  'residence.documentNumber',
  'bamfFileNumber',
  'azrNumber',
  'taxId',
  'pensionInsuranceNumber',
  'healthInsurance',
  'healthInsuranceNumber',
  'iban',
  'phone',
  'email',
] as const;
export type PersonTextField = (typeof PERSON_TEXT_FIELDS)[number];

export const CASE_TEXT_FIELDS = [
  'label',
  'address.street',
  'address.postalCode',
  'address.city',
  'phone',
  'previousAddress.street',
  'previousAddress.postalCode',
  'previousAddress.city',
  'previousAddress.country',
  'landlord.name',
  'landlord.street',
  'landlord.postalCode',
  'landlord.city',
] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];

/** Dates a form may ask for. Partial dates of birth follow the mapping's `unknown` style. */
export type DateSource =
  | { from: 'date-of-birth'; person: PersonSlot }
  | { from: 'residence-expiry'; person: PersonSlot }
  | { from: 'move-in' }
  | { from: 'today' };

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export const DATE_FORMATS = ['dotted', 'digits'] as const;
/** How a partial date's unknown day and month are written: "00.00.1990" or "01.01.1990". */
export const UNKNOWN_DATE_STYLES = ['zeros', 'first'] as const;
export const NAME_STYLES = ['family-given', 'given-family', 'given-with-other-family'] as const;
export const SEX_STYLES = ['word', 'letter'] as const;
export const MARITAL_STYLES = ['word', 'code'] as const;
export const ADDRESS_KINDS = ['current', 'previous', 'landlord'] as const;
export const ADDRESS_PARTS = ['street-name', 'house-number'] as const;
export const COUNTS = ['members', 'others', 'children'] as const;
export const CONTEXT_FIELDS = ['place', 'volunteer-name'] as const;

export type Derivation =
  | {
      type: 'date';
      date: DateSource;
      unknown: (typeof UNKNOWN_DATE_STYLES)[number];
      /** One part only ("17", "05", "1990"), for forms with day/month/year boxes. */
      part?: (typeof DATE_PARTS)[number];
      /** "17.05.1990" (default) or "17051990" for comb fields. */
      format?: (typeof DATE_FORMATS)[number];
    }
  /** "Öztürk, Ayşe", "Ayşe Öztürk", or "Ayşe" plus the family name when it differs from the subject's. */
  | { type: 'name'; person: PersonSlot; style: (typeof NAME_STYLES)[number] }
  | { type: 'sex'; person: PersonSlot; style: (typeof SEX_STYLES)[number] }
  /** "verheiratet", or the Meldewesen code ("VH") the Anmeldung asks for. */
  | { type: 'marital-status'; person: PersonSlot; style: (typeof MARITAL_STYLES)[number] }
  /** The person's relationship to the subject in German ("Kind", "Ehegatte"). */
  | { type: 'relationship'; person: PersonSlot }
  /** A country code (nationality, country of birth, previous country) as its German name. */
  | { type: 'country-name'; of: TextMapping }
  | { type: 'age'; person: PersonSlot }
  | {
      type: 'address-part';
      address: (typeof ADDRESS_KINDS)[number];
      part: (typeof ADDRESS_PARTS)[number];
    }
  | { type: 'count'; of: (typeof COUNTS)[number] }
  | { type: 'context'; field: (typeof CONTEXT_FIELDS)[number] }
  /** "Berlin, 22.11.2026": the volunteer's place and today's date. */
  | { type: 'place-date' }
  /** The non-empty parts joined by `separator`; empty when every part is empty. */
  | { type: 'join'; parts: TextMapping[]; separator: string }
  /** `prefix + value + suffix`, or empty when the value is empty ("geb. Yılmaz"). */
  | { type: 'affix'; value: TextMapping; prefix: string; suffix: string }
  /** The first non-empty option: the person's phone, else the household's. */
  | { type: 'first-of'; options: TextMapping[] }
  /**
   * `value` only when `test` is not empty: the account holder only when there is an IBAN. An
   * empty `test` means "does not apply", so an empty result is not reported as missing.
   */
  | { type: 'if-filled'; test: TextMapping; value: TextMapping };

export type PersonMapping = { kind: 'person'; person: PersonSlot; field: PersonTextField };
export type CaseMapping = { kind: 'case'; field: CaseTextField };
export type DerivedMapping = { kind: 'derived'; derive: Derivation };
/** The mappings that produce text (and can be parts of joins and splits). */
export type TextMapping = PersonMapping | CaseMapping | DerivedMapping;

export const HOUSEHOLD_FACTS = [
  'lives-alone',
  'has-partner',
  'has-children',
  'has-child-under-15',
  'has-child-15-to-24',
  'has-parent',
  'has-other-relative',
  'has-non-relative',
] as const;
export type HouseholdFact = (typeof HOUSEHOLD_FACTS)[number];

/** German / other EU / other country / stateless / unclear. */
export const NATIONALITY_GROUPS = ['german', 'eu', 'other', 'stateless', 'unclear'] as const;
export const YES_NO = ['yes', 'no'] as const;

/** A case value that decides a checkbox or radio choice; each yields a code from a vocabulary. */
export type ChoiceSource =
  | { from: 'sex'; person: PersonSlot }
  | { from: 'marital-status'; person: PersonSlot }
  | { from: 'residence-document'; person: PersonSlot }
  | { from: 'relationship'; person: PersonSlot }
  /** ISO 3166-1 code, "stateless" or "unclear". */
  | { from: 'nationality'; person: PersonSlot }
  | { from: 'nationality-group'; person: PersonSlot }
  /** "yes" when the value is not empty. */
  | { from: 'filled'; value: TextMapping }
  | { from: 'person-exists'; person: PersonSlot }
  /** "yes" when the person is certainly younger than `years` (partial dates count the minimum age). */
  | { from: 'age-below'; person: PersonSlot; years: number }
  | { from: 'household'; fact: HouseholdFact };

/** Case code → radio/dropdown export value, or `true` to tick a checkbox. */
export type ChoiceTable = Record<string, string | boolean>;

export type ChoiceMapping = {
  kind: 'choice';
  source: ChoiceSource;
  options: ChoiceTable;
  /** The value for a known code the table does not list; without it a checkbox is unticked. */
  otherwise?: string | boolean;
};

/** Splits a value (whitespace removed) across several fields: IBAN groups, tax ID boxes. */
export type SplitRule = { by: 'groups'; size: number } | { by: 'widths'; widths: number[] };

export type SplitMapping = {
  kind: 'split';
  value: TextMapping;
  rule: SplitRule;
  /** 1-based part this field receives. */
  part: number;
};

export type FixedMapping = { kind: 'fixed'; value: string | boolean };

export type Mapping = TextMapping | FixedMapping | ChoiceMapping | SplitMapping;

/** One field of the form and how it is filled. `key` is the field's key in the inspection. */
export type FieldMapping = { key: string } & Mapping;

export type EditionField = { key: string; type: PdfFieldType };

/**
 * Overlay mode (flat forms): a text box placed on a page, filled like a text field through the
 * mapping whose `key` is the box key ("overlay-1"). page 0-based, rect [x, y, width, height] in
 * PDF points, origin bottom-left; fontSize absent = auto size.
 */
export type OverlayBox = PdfOverlayBox;

export type FormPack = {
  format: typeof FORM_PACK_FORMAT;
  version: typeof FORM_PACK_VERSION;
  /** Stable id, e.g. "de-jobcenter-hauptantrag"; editions of one form share it. */
  id: string;
  /** Titles are data (packs travel between volunteers), not i18n keys. */
  title: { de: string; en: string };
  authority: Authority;
  edition: {
    /** As printed on the form, e.g. "04/2025". */
    label: string;
    /** PdfInspection.fingerprint of the edition the pack was made for. */
    fingerprint: string;
    /** Every field of that edition, for recognising and comparing other editions. */
    fields: EditionField[];
  };
  mappings: FieldMapping[];
  /** Text boxes for a flat edition, in the order they were placed; absent for AcroForms. */
  overlays?: OverlayBox[];
};
