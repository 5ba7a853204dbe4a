// Choice lists for select fields, labelled in the UI language.
import type { TFunction } from 'i18next';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../domain/countries';
import { compareText, languageName, regionName } from '../../i18n/format';
import type { Option } from './Field';

const cache = new Map<string, Option[]>();

export function countryOptions(language: string): Option[] {
  const key = `c:${language}`;
  let options = cache.get(key);
  if (!options) {
    const compare = compareText(language);
    options = COUNTRY_CODES.map((code) => ({
      value: code,
      label: regionName(code, language),
    })).sort((a, b) => compare(a.label, b.label));
    cache.set(key, options);
  }
  return options;
}

export function nationalityOptions(t: TFunction, language: string): Option[] {
  return [
    { value: 'stateless', label: t('nationality.stateless') },
    { value: 'unclear', label: t('nationality.unclear') },
    ...countryOptions(language),
  ];
}

export function languageOptions(language: string): Option[] {
  const compare = compareText(language);
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, language) })).sort(
    (a, b) => compare(a.label, b.label),
  );
}

/** Options from a list of codes whose labels live under one locale prefix. */
export function codeOptions(codes: readonly string[], label: (code: string) => string): Option[] {
  return codes.map((code) => ({ value: code, label: label(code) }));
}
