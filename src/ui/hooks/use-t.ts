// The UI language and its translate function. The App re-renders the tree when the
// language changes, so components read both from context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { t } from '../../i18n/i18n';
import { DEFAULT_LANGUAGE, type UiLanguage } from '../../i18n/languages';

export type LanguageContextValue = { language: UiLanguage; t: TFunction };

export const LanguageContext = createContext<LanguageContextValue>({
  language: DEFAULT_LANGUAGE,
  t,
});

export function useT(): LanguageContextValue {
  return useContext(LanguageContext);
}
