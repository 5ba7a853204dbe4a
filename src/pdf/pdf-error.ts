// Building the failure values of the form engine (see types.ts).
import type { PdfError, PdfErrorCode, PdfResult } from './types';

export type PdfFailure = Extract<PdfResult<never>, { ok: false }>;

export const pdfFail = (code: PdfErrorCode, field?: string, detail?: string): PdfFailure => {
  const error: PdfError = { code };
  if (field !== undefined) error.field = field;
  if (detail !== undefined) error.detail = detail;
  return { ok: false, code, error };
};
