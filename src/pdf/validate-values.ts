// Checking values against the fields before anything is written, so a refused fill leaves the
// document untouched: unknown keys, wrong types, unknown options and too long values.
import { PDFDropdown } from '@cantoo/pdf-lib';
import type { KeyedField } from './field-keys';
import { fieldOptions, fieldType, maxLenOf } from './inspect-fields';
import { pdfFail, type PdfFailure } from './pdf-error';
import type { PdfFieldValues } from './types';

export type FillStep = { keyed: KeyedField; value: string | boolean };

/** Length as a user counts it: code points, so "Łukasz" is 6 and an emoji is 1. */
export const visibleLength = (value: string): number => [...value].length;

export const validateValues = (
  fields: readonly KeyedField[],
  values: PdfFieldValues,
): { ok: true; value: FillStep[] } | PdfFailure => {
  // Values may come from JSON files and other untyped sources.
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return pdfFail('pdf-value-type', undefined, 'values must be an object');
  }
  const byKey = new Map(fields.map((keyed) => [keyed.key, keyed]));
  const steps: FillStep[] = [];
  for (const [key, value] of Object.entries(values)) {
    const keyed = byKey.get(key);
    if (!keyed) return pdfFail('pdf-field-unknown', key);
    const problem = checkValue(keyed, value);
    if (problem) return problem;
    steps.push({ keyed, value });
  }
  return { ok: true, value: steps };
};

const checkValue = ({ key, field }: KeyedField, value: unknown): PdfFailure | null => {
  if (field.isReadOnly()) return pdfFail('pdf-field-read-only', key);
  const type = fieldType(field);
  switch (type) {
    case 'checkbox':
      return typeof value === 'boolean' ? null : pdfFail('pdf-value-type', key, 'boolean');
    case 'text':
    case 'multiline': {
      if (typeof value !== 'string') return pdfFail('pdf-value-type', key, 'string');
      const maxLen = maxLenOf(field);
      if (maxLen !== null && visibleLength(value) > maxLen) {
        return pdfFail('pdf-value-too-long', key, `${visibleLength(value)} > ${maxLen}`);
      }
      return null;
    }
    case 'radio':
    case 'dropdown':
    case 'list': {
      if (typeof value !== 'string') return pdfFail('pdf-value-type', key, 'string');
      if (value === '') return null; // clears the choice
      const isFree = field instanceof PDFDropdown && field.isEditable();
      return isFree || fieldOptions(field).includes(value)
        ? null
        : pdfFail('pdf-option-unknown', key, value);
    }
    case 'signature':
    case 'button':
      return pdfFail('pdf-value-type', key, type);
  }
};
