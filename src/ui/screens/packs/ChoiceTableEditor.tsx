// The table of a choice: for each code the case value can have (female, married, …), what the
// field gets — ticked, or one of the field's real options (radio values, dropdown entries).
import type { ChoiceMapping, Mapping } from '../../../domain/form-packs';
import type { PdfField } from '../../../pdf/types';
import { SelectField } from '../../components/Field';
import { useT } from '../../hooks/use-t';
import {
  choiceCodes,
  choiceValuesFor,
  setChoiceRow,
  type EditorChoiceSource,
} from './mapping-model';

const TICKED = 'ticked';
const OPTION = 'option:';

/** Where the words for a source's codes are in the locales. */
const CODE_KEYS: Record<EditorChoiceSource, string> = {
  sex: 'options.sex',
  'marital-status': 'options.maritalStatus',
  'residence-document': 'options.residence',
  relationship: 'options.relationship',
  'nationality-group': 'packs.codes',
  'person-exists': 'packs.codes',
};

type Props = {
  field: PdfField;
  mapping: ChoiceMapping;
  onChange: (mapping: Mapping) => void;
};

export function ChoiceTableEditor({ field, mapping, onChange }: Props) {
  const { t } = useT();
  const from = mapping.source.from as EditorChoiceSource;
  const values = choiceValuesFor(field);
  const options = values.map((v) =>
    v === true
      ? { value: TICKED, label: t('packs.choice.tick') }
      : { value: `${OPTION}${v}`, label: v },
  );
  return (
    <div class="choice-table">
      <p class="field__hint">{t('packs.choice.hint')}</p>
      {choiceCodes(from).map((code) => {
        const current = mapping.options[code];
        const value =
          current === true ? TICKED : typeof current === 'string' ? `${OPTION}${current}` : '';
        return (
          <SelectField
            key={code}
            label={t('packs.choice.when', {
              code: t(`${CODE_KEYS[from]}.${code}` as 'packs.title'),
            })}
            value={value}
            emptyLabel={t('packs.choice.leave')}
            options={options}
            onChange={(v) =>
              onChange(
                setChoiceRow(
                  mapping,
                  code,
                  v === TICKED ? true : v.startsWith(OPTION) ? v.slice(OPTION.length) : null,
                ),
              )
            }
          />
        );
      })}
    </div>
  );
}
