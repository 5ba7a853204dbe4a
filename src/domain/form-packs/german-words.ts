// What German forms expect as text for coded case values. These are the forms' language, not
// the interface's, so they are fixed German here and not i18n keys.
import type { MaritalStatus, Person, Relationship, Sex } from '../types';
import { NATIONALITY_STATELESS, NATIONALITY_UNCLEAR } from '../types';

export const SEX_WORDS: Record<Sex, { word: string; letter: string }> = {
  female: { word: 'weiblich', letter: 'w' },
  male: { word: 'männlich', letter: 'm' },
  diverse: { word: 'divers', letter: 'd' },
  unspecified: { word: 'ohne Angabe', letter: 'x' },
};

/** `code`: the Meldewesen abbreviations the Anmeldung asks for (DSMeld). */
export const MARITAL_WORDS: Record<MaritalStatus, { word: string; code: string }> = {
  single: { word: 'ledig', code: 'LD' },
  married: { word: 'verheiratet', code: 'VH' },
  separated: { word: 'dauernd getrennt lebend', code: 'VH' },
  divorced: { word: 'geschieden', code: 'GS' },
  widowed: { word: 'verwitwet', code: 'VW' },
  'civil-partnership': { word: 'eingetragene Lebenspartnerschaft', code: 'LP' },
  'civil-partnership-dissolved': { word: 'Lebenspartnerschaft aufgehoben', code: 'LA' },
};

// [neutral, male, female]
const RELATIONSHIP_WORDS: Record<Relationship, [string, string, string]> = {
  head: ['Haushaltsvorstand', 'Haushaltsvorstand', 'Haushaltsvorstand'],
  spouse: ['Ehegatte', 'Ehemann', 'Ehefrau'],
  partner: ['Partner/in', 'Partner', 'Partnerin'],
  child: ['Kind', 'Sohn', 'Tochter'],
  stepchild: ['Stiefkind', 'Stiefsohn', 'Stieftochter'],
  parent: ['Elternteil', 'Vater', 'Mutter'],
  sibling: ['Geschwister', 'Bruder', 'Schwester'],
  grandchild: ['Enkelkind', 'Enkel', 'Enkelin'],
  'other-relative': ['Verwandte/r', 'Verwandter', 'Verwandte'],
  other: ['sonstige Person', 'sonstige Person', 'sonstige Person'],
};

export function relationshipWord(relationship: Relationship, person: Person): string {
  const words = RELATIONSHIP_WORDS[relationship];
  if (person.sex === 'male') return words[1];
  if (person.sex === 'female') return words[2];
  return words[0];
}

let regionNames: Intl.DisplayNames | null = null;

/**
 * German name of an ISO 3166-1 code ("SY" → "Syrien"); "staatenlos" and "ungeklärt" for the
 * special nationalities. Anything else (a name typed by hand) is returned unchanged.
 */
export function countryName(code: string): string {
  if (code === NATIONALITY_STATELESS) return 'staatenlos';
  if (code === NATIONALITY_UNCLEAR) return 'ungeklärt';
  if (!/^[A-Z]{2}$/.test(code)) return code;
  regionNames ??= new Intl.DisplayNames(['de'], { type: 'region', fallback: 'code' });
  return regionNames.of(code) ?? code;
}

/** The 27 EU member states (ISO 3166-1), for the "nationality-group" choice source. */
// prettier-ignore
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);
