// Whether a mapping can fill a given form field: text into text fields, booleans into
// checkboxes, strings into radio groups and dropdowns only when the option exists. Used when
// evaluating a pack against an inspection and when comparing a pack with another edition.
import type { PdfField, PdfFieldType } from '../../pdf/types';
import type { Mapping } from './types';

export type MappingOutput =
  | { kind: 'text' }
  | { kind: 'boolean' }
  /** Fixed strings: the only values the mapping can write. */
  | { kind: 'strings'; values: string[] };

export function mappingOutput(mapping: Mapping): MappingOutput {
  switch (mapping.kind) {
    case 'fixed':
      return typeof mapping.value === 'boolean'
        ? { kind: 'boolean' }
        : { kind: 'strings', values: [mapping.value] };
    case 'choice': {
      const values = Object.values(mapping.options);
      if (mapping.otherwise !== undefined) values.push(mapping.otherwise);
      if (values.every((v) => typeof v === 'boolean')) return { kind: 'boolean' };
      return { kind: 'strings', values: values.filter((v): v is string => typeof v === 'string') };
    }
    default:
      return { kind: 'text' };
  }
}

const TEXT_TYPES: readonly PdfFieldType[] = ['text', 'multiline'];
const OPTION_TYPES: readonly PdfFieldType[] = ['radio', 'dropdown', 'list'];

export type FieldMismatch = 'field-type' | 'option-unknown';

/** null when the mapping suits the field; otherwise why not. */
export function checkMappingAgainstField(mapping: Mapping, field: PdfField): FieldMismatch | null {
  const output = mappingOutput(mapping);
  if (output.kind === 'boolean') return field.type === 'checkbox' ? null : 'field-type';
  if (TEXT_TYPES.includes(field.type)) return null;
  if (output.kind === 'text' || !OPTION_TYPES.includes(field.type)) return 'field-type';
  return output.values.every((v) => v === '' || field.options.includes(v))
    ? null
    : 'option-unknown';
}
