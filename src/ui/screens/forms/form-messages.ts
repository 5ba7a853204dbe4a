// Sentences for what the form engine reports: every message comes from a code.
import type { TFunction } from 'i18next';
import type { PdfError, PdfInspection } from '../../../pdf/types';
import type { EngineFailureCode } from '../../../worker/pdf-protocol';

type FormErrorCode = PdfError['code'] | EngineFailureCode | 'form-flat' | 'form-missing';

export function formErrorMessage(t: TFunction, code: FormErrorCode, detail?: string): string {
  return t(`forms.errors.${code}`, { detail: detail ?? '' });
}

/** A failure, naming the field (by its label where it has one) when there is one. */
export function pdfErrorMessage(
  t: TFunction,
  error: PdfError,
  inspection: PdfInspection | null,
): string {
  const message = formErrorMessage(t, error.code, error.detail);
  if (!error.field) return message;
  const field = inspection?.fields.find((f) => f.key === error.field || f.name === error.field);
  return t('forms.output.fieldError', { field: field?.label ?? error.field, message });
}

/** What the file is, in plain words: fillable with N fields, encrypted, XFA, flat. */
export function describeInspection(t: TFunction, inspection: PdfInspection): string[] {
  const lines: string[] = [];
  const fillable = inspection.fields.filter((f) => f.type !== 'button').length;
  if (inspection.kind === 'flat' || fillable === 0) lines.push(t('forms.kind.flat'));
  else lines.push(t('forms.kind.acroform', { count: fillable }));
  if (inspection.encrypted) lines.push(t('forms.kind.encrypted'));
  if (inspection.kind === 'xfa-hybrid') lines.push(t('forms.kind.xfa'));
  return lines;
}
