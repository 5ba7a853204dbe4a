// i18next setup. Locale files live in /locales. German, the source and the fallback of
// every other language, is part of the main bundle: it is needed at every start. The others
// are loaded lazily (one chunk each, all precached by the service worker).
import i18next, { type TFunction } from 'i18next';
import de from '../../locales/de.json';
import { DEFAULT_LANGUAGE, directionOf, type UiLanguage } from './languages';

// Translation keys are typed from the German source locale: a typo in a key fails typecheck.
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}

const loaders = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*.json',
  '!../../locales/de.json',
]);

async function loadResources(language: string): Promise<Record<string, unknown>> {
  if (language === 'de') return de;
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

/** Starts fetching a language's chunk (e.g. while the saved language is still being read). */
export function preloadLanguage(language: UiLanguage): void {
  void loadResources(language).catch(() => undefined);
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  // The language and its fallback are fetched in parallel, not one after the other.
  const missing = [...new Set<string>([language, DEFAULT_LANGUAGE])].filter(
    (lng) => !i18next.hasResourceBundle(lng, 'translation'),
  );
  const loaded = await Promise.all(missing.map(loadResources));
  missing.forEach((lng, i) => i18next.addResourceBundle(lng, 'translation', loaded[i]));
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
