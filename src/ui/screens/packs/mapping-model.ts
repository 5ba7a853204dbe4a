// The mapping editor's model: which kinds of mapping a field offers, a fresh mapping of a kind,
// person slots as select values, the common derived values as presets, and choice tables from
// the field's real on-value or options. Pure; the components only render what this says.
// Mappings the editor cannot show (joins, splits, household facts from shipped packs) are kind
// 'other': kept as they are until the user picks something else.
import { CASE_TEXT_FIELDS, PERSON_TEXT_FIELDS } from '../../../domain/form-packs/types';
import {
  type ChoiceMapping,
  type ChoiceSource,
  type Derivation,
  type FieldMapping,
  type FormPack,
  type Mapping,
  type PersonSlot,
} from '../../../domain/form-packs';
import { MARITAL_STATUSES, RELATIONSHIPS, RESIDENCE_DOCUMENTS, SEXES } from '../../../domain/types';
import type { PdfField } from '../../../pdf/types';

export type EditorKind = 'none' | 'person' | 'case' | 'fixed' | 'derived' | 'choice' | 'other';

export const DERIVED_PRESETS = [
  'birth-date',
  'birth-day',
  'birth-month',
  'birth-year',
  'name-family-given',
  'age',
  'place-date',
  'today',
] as const;
export type DerivedPreset = (typeof DERIVED_PRESETS)[number];

/** Presets that read one person of the household. */
export const PERSON_PRESETS: ReadonlySet<DerivedPreset> = new Set([
  'birth-date',
  'birth-day',
  'birth-month',
  'birth-year',
  'name-family-given',
  'age',
]);

export const CHOICE_SOURCES = [
  'sex',
  'marital-status',
  'residence-document',
  'relationship',
  'nationality-group',
  'person-exists',
] as const;
export type EditorChoiceSource = (typeof CHOICE_SOURCES)[number];

const NATIONALITY_GROUP_CODES = ['german', 'eu', 'other', 'stateless', 'unclear'] as const;
const YES_NO_CODES = ['yes', 'no'] as const;

export const SLOT_VALUES = [
  'subject',
  'head',
  'partner',
  ...[1, 2, 3, 4, 5, 6].map((n) => `child-${n}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `member-${n}`),
] as const;

export const isChoiceField = (field: Pick<PdfField, 'type'>): boolean =>
  field.type === 'checkbox' ||
  field.type === 'radio' ||
  field.type === 'dropdown' ||
  field.type === 'list';

/** The kinds a field offers; 'other' only while its current mapping is one. */
export function kindsFor(field: Pick<PdfField, 'type'>, current: EditorKind): EditorKind[] {
  const kinds: EditorKind[] = isChoiceField(field)
    ? ['none', 'choice', 'fixed']
    : ['none', 'person', 'case', 'derived', 'fixed'];
  return current === 'other' ? [...kinds, 'other'] : kinds;
}

export function slotValue(slot: PersonSlot): string {
  return slot.role === 'child' || slot.role === 'member' ? `${slot.role}-${slot.index}` : slot.role;
}

export function parseSlot(value: string): PersonSlot {
  const [role, index] = value.split('-');
  if ((role === 'child' || role === 'member') && index) return { role, index: Number(index) };
  if (role === 'head' || role === 'partner') return { role };
  return { role: 'subject' };
}

export function derivedPresetOf(derive: Derivation): DerivedPreset | null {
  switch (derive.type) {
    case 'date': {
      if (derive.unknown !== 'zeros' || derive.format === 'digits') return null;
      if (derive.date.from === 'today') return derive.part ? null : 'today';
      if (derive.date.from !== 'date-of-birth') return null;
      return derive.part ? `birth-${derive.part}` : 'birth-date';
    }
    case 'name':
      return derive.style === 'family-given' ? 'name-family-given' : null;
    case 'age':
      return 'age';
    case 'place-date':
      return 'place-date';
    default:
      return null;
  }
}

export function presetDerivation(preset: DerivedPreset, person: PersonSlot): Derivation {
  switch (preset) {
    case 'birth-date':
      return { type: 'date', date: { from: 'date-of-birth', person }, unknown: 'zeros' };
    case 'birth-day':
    case 'birth-month':
    case 'birth-year': {
      const part = preset === 'birth-day' ? 'day' : preset === 'birth-month' ? 'month' : 'year';
      return { type: 'date', date: { from: 'date-of-birth', person }, unknown: 'zeros', part };
    }
    case 'name-family-given':
      return { type: 'name', person, style: 'family-given' };
    case 'age':
      return { type: 'age', person };
    case 'place-date':
      return { type: 'place-date' };
    case 'today':
      return { type: 'date', date: { from: 'today' }, unknown: 'zeros' };
  }
}

export function editorKindOf(mapping: Mapping | undefined): EditorKind {
  if (!mapping) return 'none';
  switch (mapping.kind) {
    case 'person':
    case 'case':
    case 'fixed':
      return mapping.kind;
    case 'derived':
      return derivedPresetOf(mapping.derive) ? 'derived' : 'other';
    case 'choice':
      return editorChoiceSource(mapping.source) ? 'choice' : 'other';
    case 'split':
      return 'other';
  }
}

function editorChoiceSource(source: ChoiceSource): EditorChoiceSource | null {
  return (CHOICE_SOURCES as readonly string[]).includes(source.from)
    ? (source.from as EditorChoiceSource)
    : null;
}

/** The person a mapping reads, where it reads one the editor lets the user choose. */
export function slotOf(mapping: Mapping): PersonSlot | null {
  if (mapping.kind === 'person') return mapping.person;
  if (mapping.kind === 'choice' && 'person' in mapping.source) return mapping.source.person;
  if (mapping.kind === 'derived') {
    const d = mapping.derive;
    if ('person' in d) return d.person;
    if (d.type === 'date' && 'person' in d.date) return d.date.person;
  }
  return null;
}

export function choiceSource(from: EditorChoiceSource, person: PersonSlot): ChoiceSource {
  return { from, person };
}

/** The codes a choice source yields: the rows of its table. */
export function choiceCodes(from: EditorChoiceSource): readonly string[] {
  switch (from) {
    case 'sex':
      return SEXES;
    case 'marital-status':
      return MARITAL_STATUSES;
    case 'residence-document':
      return RESIDENCE_DOCUMENTS;
    case 'relationship':
      return RELATIONSHIPS;
    case 'nationality-group':
      return NATIONALITY_GROUP_CODES;
    case 'person-exists':
      return YES_NO_CODES;
  }
}

/** What one code can yield in this field: ticked for a checkbox, else the field's options. */
export function choiceValuesFor(field: Pick<PdfField, 'type' | 'options'>): (string | true)[] {
  return field.type === 'checkbox' ? [true] : field.options;
}

/** A fresh mapping of a kind for a field; null for 'none' (and 'other', which is only kept). */
export function defaultMapping(kind: EditorKind, field: PdfField): Mapping | null {
  const subject: PersonSlot = { role: 'subject' };
  switch (kind) {
    case 'person':
      return { kind: 'person', person: subject, field: PERSON_TEXT_FIELDS[0] };
    case 'case':
      return { kind: 'case', field: CASE_TEXT_FIELDS[0] };
    case 'derived':
      return { kind: 'derived', derive: presetDerivation('birth-date', subject) };
    case 'fixed':
      return {
        kind: 'fixed',
        value:
          field.type === 'checkbox' ? true : isChoiceField(field) ? (field.options[0] ?? '') : '',
      };
    case 'choice':
      return { kind: 'choice', source: choiceSource('sex', subject), options: {} };
    case 'none':
    case 'other':
      return null;
  }
}

/** The same mapping reading another person. */
export function withSlot(mapping: Mapping, person: PersonSlot): Mapping {
  if (mapping.kind === 'person') return { ...mapping, person };
  if (mapping.kind === 'choice' && 'person' in mapping.source) {
    return { ...mapping, source: { ...mapping.source, person } as ChoiceSource };
  }
  if (mapping.kind === 'derived') {
    const preset = derivedPresetOf(mapping.derive);
    if (preset) return { kind: 'derived', derive: presetDerivation(preset, person) };
  }
  return mapping;
}

/** One row of a choice table: what `code` yields, or null to drop the row. */
export function setChoiceRow(
  mapping: ChoiceMapping,
  code: string,
  value: string | boolean | null,
): ChoiceMapping {
  const options = { ...mapping.options };
  if (value === null) delete options[code];
  else options[code] = value;
  return { ...mapping, options };
}

/** The pack with `key` mapped to `mapping` (null: not filled). Mappings stay in edition order. */
export function setMapping(pack: FormPack, key: string, mapping: Mapping | null): FormPack {
  const rest = pack.mappings.filter((m) => m.key !== key);
  const next: FieldMapping[] = mapping ? [...rest, { key, ...mapping }] : rest;
  const order = new Map(pack.edition.fields.map((f, i) => [f.key, i]));
  next.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  return { ...pack, mappings: next };
}

/** The field's mapping (a FieldMapping is a Mapping with its key; the key goes along). */
export function mappingOf(pack: FormPack, key: string): Mapping | undefined {
  return pack.mappings.find((m) => m.key === key);
}
