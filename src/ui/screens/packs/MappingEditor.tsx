// How one field is filled: not at all, from a person, from the case, a common derived value, a
// fixed value, or (checkbox, radio, dropdown) a choice from a case value with its table.
import { CASE_TEXT_FIELDS, PERSON_TEXT_FIELDS } from '../../../domain/form-packs/types';
import { type CaseTextField, type Mapping, type PersonTextField } from '../../../domain/form-packs';
import type { PdfField } from '../../../pdf/types';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../hooks/use-t';
import { ChoiceTableEditor } from './ChoiceTableEditor';
import {
  CHOICE_SOURCES,
  DERIVED_PRESETS,
  choiceSource,
  defaultMapping,
  derivedPresetOf,
  editorKindOf,
  kindsFor,
  presetDerivation,
  slotOf,
  withSlot,
  type DerivedPreset,
  type EditorChoiceSource,
  type EditorKind,
} from './mapping-model';
import { SlotSelect } from './SlotSelect';

type Props = {
  field: PdfField;
  mapping: Mapping | undefined;
  onChange: (mapping: Mapping | null) => void;
};

export function MappingEditor({ field, mapping, onChange }: Props) {
  const { t } = useT();
  const kind = editorKindOf(mapping);
  const slot = mapping ? slotOf(mapping) : null;

  return (
    <div class="mapping-editor">
      <SelectField
        label={t('packs.kind.label')}
        value={kind}
        options={kindsFor(field, kind).map((k) => ({ value: k, label: t(`packs.kind.${k}`) }))}
        onChange={(k) => onChange(defaultMapping(k as EditorKind, field))}
      />
      {mapping && slot && kind !== 'other' && (
        <SlotSelect value={slot} onChange={(s) => onChange(withSlot(mapping, s))} />
      )}
      {mapping?.kind === 'person' && (
        <SelectField
          label={t('packs.personField')}
          value={mapping.field}
          options={PERSON_TEXT_FIELDS.map((f) => ({ value: f, label: t(`packs.person.${f}`) }))}
          onChange={(f) => onChange({ ...mapping, field: f as PersonTextField })}
        />
      )}
      {mapping?.kind === 'case' && (
        <SelectField
          label={t('packs.caseField')}
          value={mapping.field}
          options={CASE_TEXT_FIELDS.map((f) => ({ value: f, label: t(`packs.case.${f}`) }))}
          onChange={(f) => onChange({ ...mapping, field: f as CaseTextField })}
        />
      )}
      {mapping?.kind === 'derived' && kind === 'derived' && (
        <DerivedSelect mapping={mapping} onChange={onChange} />
      )}
      {mapping?.kind === 'fixed' && (
        <FixedValue field={field} mapping={mapping} onChange={onChange} />
      )}
      {mapping?.kind === 'choice' && kind === 'choice' && 'person' in mapping.source && (
        <>
          <SelectField
            label={t('packs.choice.source')}
            value={mapping.source.from}
            options={CHOICE_SOURCES.map((s) => ({ value: s, label: t(`packs.choice.from.${s}`) }))}
            onChange={(from) =>
              onChange({
                kind: 'choice',
                source: choiceSource(from as EditorChoiceSource, slot ?? { role: 'subject' }),
                options: {},
              })
            }
          />
          <ChoiceTableEditor field={field} mapping={mapping} onChange={onChange} />
        </>
      )}
      {kind === 'other' && <p class="field__hint">{t('packs.kind.otherHint')}</p>}
    </div>
  );
}

function DerivedSelect(props: {
  mapping: Extract<Mapping, { kind: 'derived' }>;
  onChange: (mapping: Mapping) => void;
}) {
  const { t } = useT();
  const preset = derivedPresetOf(props.mapping.derive) ?? 'birth-date';
  const slot = slotOf(props.mapping) ?? { role: 'subject' as const };
  return (
    <SelectField
      label={t('packs.derived.label')}
      value={preset}
      options={DERIVED_PRESETS.map((p) => ({ value: p, label: t(`packs.derived.${p}`) }))}
      onChange={(p) =>
        props.onChange({
          kind: 'derived',
          derive: presetDerivation(p as DerivedPreset, slot),
        })
      }
    />
  );
}

function FixedValue(props: {
  field: PdfField;
  mapping: Extract<Mapping, { kind: 'fixed' }>;
  onChange: (mapping: Mapping) => void;
}) {
  const { t } = useT();
  const { field, mapping } = props;
  if (field.type === 'checkbox') return <p class="field__hint">{t('packs.fixed.ticked')}</p>;
  if (field.options.length > 0) {
    return (
      <SelectField
        label={t('packs.fixed.label')}
        value={String(mapping.value)}
        options={field.options.map((o) => ({ value: o, label: o }))}
        onChange={(value) => props.onChange({ kind: 'fixed', value })}
      />
    );
  }
  return (
    <TextField
      label={t('packs.fixed.label')}
      value={String(mapping.value)}
      onInput={(value) => props.onChange({ kind: 'fixed', value })}
    />
  );
}
