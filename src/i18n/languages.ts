// The interface languages. "Complete" ones must have every key (tests/unit/i18n).

export const COMPLETE_LANGUAGES = ['de', 'en', 'ar'] as const;
export type UiLanguage = (typeof COMPLETE_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'de';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb', 'he', 'yi']);

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (COMPLETE_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that Lotse speaks, else German. */
export function pickLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
