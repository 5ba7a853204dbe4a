// Field validation for records. Each validator returns a map from field path to a
// kebab-case error code; an empty map means valid. Empty optional fields are valid —
// whether a field is required is decided by the screen, not here.

import { COUNTRY_CODES } from './countries';
import { isValidIsoDate, isValidLocalDateTime } from './dates';
import { validateIban, type IbanError } from './iban';
import { validatePartialDate, type PartialDateError } from './partial-date';
import { validatePensionNumber, type PensionNumberError } from './pension-number';
import { validateTaxId, type TaxIdError } from './tax-id';
import { NATIONALITY_STATELESS, NATIONALITY_UNCLEAR } from './types';
import type { Appointment, Case, IsoDate, Person } from './types';

/** Field path (e.g. "residence.expiresOn") → error code. */
export type FieldErrors = Record<string, string>;

export type DomainErrorCode =
  | IbanError
  | TaxIdError
  | PensionNumberError
  | PartialDateError
  | 'email-format'
  | 'nationality-unknown'
  | 'postal-code-format'
  | 'datetime-invalid';

// A Record, so the compiler insists every code of the union is listed exactly once.
const CODES: Record<DomainErrorCode, true> = {
  'iban-format': true,
  'iban-country': true,
  'iban-length': true,
  'iban-checksum': true,
  'tax-id-format': true,
  'tax-id-digits': true,
  'tax-id-checksum': true,
  'pension-number-format': true,
  'pension-number-checksum': true,
  'date-format': true,
  'date-invalid': true,
  'date-future': true,
  'email-format': true,
  'nationality-unknown': true,
  'postal-code-format': true,
  'datetime-invalid': true,
};

/** Every code a domain validator can return; each needs a translation in every locale. */
export const ERROR_CODES: readonly DomainErrorCode[] = Object.freeze(
  Object.keys(CODES) as DomainErrorCode[],
);

const COUNTRY_SET = new Set(COUNTRY_CODES);

// Loose on purpose: one "@", something before it, a dot in the domain, no spaces.
// Mail servers accept far more than any regex can describe exactly.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function collect(checks: [path: string, error: string | null][]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, error] of checks) if (error !== null) errors[path] = error;
  return errors;
}

export function validatePerson(p: Person, today: IsoDate): FieldErrors {
  const email = p.email.trim();
  const expiresOn = p.residence.expiresOn.trim();
  const nationality = p.nationality;
  const isKnownNationality =
    nationality === '' ||
    nationality === NATIONALITY_STATELESS ||
    nationality === NATIONALITY_UNCLEAR ||
    COUNTRY_SET.has(nationality);
  return collect([
    ['dateOfBirth', validatePartialDate(p.dateOfBirth, today)],
    ['iban', validateIban(p.iban)],
    ['taxId', validateTaxId(p.taxId)],
    ['pensionInsuranceNumber', validatePensionNumber(p.pensionInsuranceNumber)],
    ['email', email === '' || EMAIL.test(email) ? null : 'email-format'],
    ['residence.expiresOn', expiresOn === '' || isValidIsoDate(expiresOn) ? null : 'date-invalid'],
    ['nationality', isKnownNationality ? null : 'nationality-unknown'],
  ]);
}

export function validateCase(c: Case): FieldErrors {
  const postalCode = c.address.postalCode.trim();
  return collect([
    [
      'address.postalCode',
      postalCode === '' || /^[0-9]{5}$/.test(postalCode) ? null : 'postal-code-format',
    ],
  ]);
}

/** startsAt is required: an appointment without a valid time cannot be placed in the agenda. */
export function validateAppointment(a: Appointment): FieldErrors {
  return collect([['startsAt', isValidLocalDateTime(a.startsAt) ? null : 'datetime-invalid']]);
}
