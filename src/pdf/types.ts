// The contract of the form engine (src/pdf/): what inspecting a PDF tells, what filling it takes,
// and the reason codes of everything that can go wrong. Pure data — no pdf-lib types leak out, so
// the UI, the packs and the CLI can use these without loading the engine chunk.

import type { Err, Ok } from '../shared/result';

export type PdfKind = 'acroform' | 'xfa-hybrid' | 'flat';

export type PdfFieldType =
  'text' | 'multiline' | 'checkbox' | 'radio' | 'dropdown' | 'list' | 'signature' | 'button';

/** A rectangle in PDF user space of its page: origin bottom-left, points (1/72 inch). */
export type PdfRect = { x: number; y: number; width: number; height: number };

export type PdfField = {
  /** Fully qualified field name as in the file (may contain umlauts, sentences, `\.`). */
  name: string;
  /** Stable within one form edition: the name, made unique when a file repeats a name. */
  key: string;
  type: PdfFieldType;
  /** The tooltip (/TU) where present, otherwise null; the UI falls back to the name. */
  label: string | null;
  /** 1-based page of the first widget; null when the field has no widget on any page. */
  page: number | null;
  rect: PdfRect | null;
  /** /MaxLen of a text field, else null. */
  maxLen: number | null;
  /** True when the text field is a comb field (one character per cell, maxLen cells). */
  comb: boolean;
  /** Radio, dropdown and list options (export values); empty otherwise. */
  options: string[];
  /** The checkbox's real on-value (`Ja`, `selektiert`, `On`, `1`, ...); null for other types. */
  onValue: string | null;
  readOnly: boolean;
};

export type PdfInspection = {
  kind: PdfKind;
  encrypted: boolean;
  pages: number;
  /** Hash of the field structure (names, types, options, sizes), identifying the edition. */
  fingerprint: string;
  fields: PdfField[];
};

/** Values to fill: field key → text (text, radio, dropdown, list) or boolean (checkbox). */
export type PdfFieldValues = Record<string, string | boolean>;

export type PdfErrorCode =
  | 'pdf-damaged'
  | 'pdf-not-a-pdf'
  | 'pdf-password-required'
  | 'pdf-password-wrong'
  | 'pdf-encryption-unsupported'
  | 'pdf-field-unknown'
  | 'pdf-field-read-only'
  | 'pdf-value-too-long'
  | 'pdf-option-unknown'
  | 'pdf-glyph-missing'
  | 'pdf-value-type';

/** A failure, naming the field and the offending character or value where there is one. */
export type PdfError = {
  code: PdfErrorCode;
  field?: string;
  detail?: string;
};

export type PdfResult<T> = Ok<T> | (Err<PdfErrorCode> & { error: PdfError });
