// Several languages: chosen ones as removable chips, plus a picker for another one.
import { useId, useMemo } from 'preact/hooks';
import { LANGUAGE_CODES } from '../../domain/countries';
import { compareText, languageName } from '../../i18n/format';
import { useT } from '../hooks/use-t';

type LanguagesFieldProps = { label: string; value: string[]; onChange: (value: string[]) => void };

export function LanguagesField({ label, value, onChange }: LanguagesFieldProps) {
  const { t, language } = useT();
  const id = useId();
  const options = useMemo(() => {
    const compare = compareText(language);
    return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, language) })).sort(
      (a, b) => compare(a.name, b.name),
    );
  }, [language]);
  return (
    <fieldset class="field languages-field">
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul class="chips">
          {value.map((code) => (
            <li key={code} class="chip">
              <span>{languageName(code, language)}</span>
              <button
                type="button"
                class="chip__remove"
                aria-label={t('languagesField.remove', { language: languageName(code, language) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for={id} class="visually-hidden">
        {t('languagesField.add')}
      </label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const code = e.currentTarget.value;
          if (code && !value.includes(code)) onChange([...value, code]);
          e.currentTarget.value = '';
        }}
      >
        <option value="">{t('languagesField.add')}</option>
        {options
          .filter((o) => !value.includes(o.code))
          .map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
