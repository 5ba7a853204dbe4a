// i18next setup. Locale files live in /locales and are loaded lazily (one chunk each,
// all precached by the service worker), so only the active language is parsed at start.
import i18next, { type TFunction } from 'i18next';
import type de from '../../locales/de.json';
import { DEFAULT_LANGUAGE, directionOf, type UiLanguage } from './languages';

// Translation keys are typed from the German source locale: a typo in a key fails typecheck.
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*.json');

async function loadResources(language: string): Promise<Record<string, unknown>> {
  const load = loaders[`../../locales/${language}.json`];
  if (!load) throw new Error(`No locale file for ${language}`);
  return (await load()).default;
}

export async function initI18n(language: UiLanguage): Promise<void> {
  const isDev = import.meta.env.DEV;
  await i18next.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: {},
    interpolation: { escapeValue: false }, // Preact escapes text content
    returnNull: false,
    saveMissing: isDev,
    missingKeyHandler: isDev
      ? (languages, _ns, key) => {
          throw new Error(`Missing translation key "${key}" for ${languages.join(', ')}`);
        }
      : false,
  });
  await setLanguage(language);
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  const bundles = new Set<string>([language, DEFAULT_LANGUAGE]);
  for (const lng of bundles) {
    if (!i18next.hasResourceBundle(lng, 'translation')) {
      i18next.addResourceBundle(lng, 'translation', await loadResources(lng));
    }
  }
  await i18next.changeLanguage(language);
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

export function onLanguageChanged(listener: (language: string) => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

export const t: TFunction = i18next.t.bind(i18next) as TFunction;

export function currentLanguage(): UiLanguage {
  return (i18next.language || DEFAULT_LANGUAGE) as UiLanguage;
}
