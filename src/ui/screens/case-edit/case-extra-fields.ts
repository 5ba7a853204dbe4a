// The case fields added for the form packs (move-in date, previous address, landlord).
// Records written before they existed lack them: read them through these helpers, which
// treat a missing group as empty, and check them the way validateCase checks the address.
import { isValidIsoDate } from '../../../domain/dates';
import type { Case } from '../../../domain/types';

export type PreviousAddress = NonNullable<Case['previousAddress']>;
export type Landlord = NonNullable<Case['landlord']>;

const EMPTY_PREVIOUS: PreviousAddress = { street: '', postalCode: '', city: '', country: '' };
const EMPTY_LANDLORD: Landlord = { name: '', street: '', postalCode: '', city: '' };

export function previousAddressOf(c: Pick<Case, 'previousAddress'>): PreviousAddress {
  return { ...EMPTY_PREVIOUS, ...c.previousAddress };
}

export function landlordOf(c: Pick<Case, 'landlord'>): Landlord {
  return { ...EMPTY_LANDLORD, ...c.landlord };
}

/** Field path → error code, like validateCase. */
export type ExtraFieldErrors = Record<string, string>;

const GERMAN_POSTAL_CODE = /^[0-9]{5}$/;

/**
 * Checks the added fields. A move-in date must exist as a date; it may lie in the future
 * (the landlord confirmation is often signed before the move), but not by more than a year,
 * which is almost always a mistyped year. Postal codes are checked only where they are German.
 */
export function validateCaseExtras(
  c: Pick<Case, 'moveInDate' | 'previousAddress' | 'landlord'>,
  today: string,
): ExtraFieldErrors {
  const errors: ExtraFieldErrors = {};
  const moveIn = (c.moveInDate ?? '').trim();
  if (moveIn !== '') {
    if (!isValidIsoDate(moveIn)) errors.moveInDate = 'date-invalid';
    else if (moveIn > oneYearAfter(today)) errors.moveInDate = 'date-future';
  }
  const previous = previousAddressOf(c);
  const previousCode = previous.postalCode.trim();
  if (previous.country === '' && previousCode !== '' && !GERMAN_POSTAL_CODE.test(previousCode)) {
    errors['previousAddress.postalCode'] = 'postal-code-format';
  }
  const landlordCode = landlordOf(c).postalCode.trim();
  if (landlordCode !== '' && !GERMAN_POSTAL_CODE.test(landlordCode)) {
    errors['landlord.postalCode'] = 'postal-code-format';
  }
  return errors;
}

function oneYearAfter(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) + 1;
  return `${String(year).padStart(4, '0')}${isoDate.slice(4)}`;
}
