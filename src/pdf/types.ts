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
  /**
   * Identifies the edition: a hash of the field structure (names, types, options, sizes), or for
   * a flat form of its pages' drawing (see fingerprint.ts).
   */
  fingerprint: string;
  fields: PdfField[];
};

/**
 * A text box drawn onto a flat page (overlay mode): `page` is 0-based, `rect` is
 * [x, y, width, height] in PDF points of that page's user space (origin bottom-left). Its value is
 * a string filled under `key`, like a text field's; `fontSize` 0 or absent means auto size.
 */
export type PdfOverlayBox = {
  key: string;
  page: number;
  rect: [number, number, number, number];
  fontSize?: number;
  multiline?: boolean;
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
