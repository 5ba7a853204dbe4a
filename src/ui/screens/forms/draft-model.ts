// Pure rules of the fill screen: which fields to show and in what order, which values are
// too long for their field (or, estimated, too wide for their overlay box), which came from
// the case, and what goes into the PDF.
import { overlayCapacity, overlayValueFits } from '../../../pdf/overlay-fit';
import type { PdfField, PdfFieldValues, PdfInspection, PdfOverlayBox } from '../../../pdf/types';

const FILLABLE = new Set<PdfField['type']>([
  'text',
  'multiline',
  'checkbox',
  'radio',
  'dropdown',
  'list',
]);

/**
 * Fields a volunteer can fill, in reading order: page, then top to bottom, then left to right.
 * `overlays`: a flat form's overlay boxes as text fields (forms/use-overlay-fields.ts).
 */
export function fillableFields(
  inspection: PdfInspection,
  overlays: readonly PdfField[] = [],
): PdfField[] {
  const page = (f: PdfField) => f.page ?? Number.MAX_SAFE_INTEGER;
  return [...inspection.fields, ...overlays]
    .filter((f) => FILLABLE.has(f.type) && !f.readOnly)
    .map((f, index) => ({ f, index }))
    .sort(
      (a, b) =>
        page(a.f) - page(b.f) ||
        // Rows: a few points of tolerance so fields on one line read left to right.
        Math.round(((b.f.rect?.y ?? 0) - (a.f.rect?.y ?? 0)) / 4) ||
        (a.f.rect?.x ?? 0) - (b.f.rect?.x ?? 0) ||
        a.index - b.index,
    )
    .map(({ f }) => f);
}

/**
 * A form overlay mode is for: nothing a volunteer can fill. Buttons and signature fields do
 * not count, so a scanned form with only a "Print" button still gets text boxes.
 */
export const needsOverlay = (inspection: PdfInspection): boolean =>
  fillableFields(inspection).length === 0;

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
export const charLength = (value: string): number => [...value].length;

/** `isBox`: too wide for its overlay box; `max` is then about how many characters fit. */
export type TooLong = { key: string; length: number; max: number; isBox?: true };

/**
 * Values longer than their field's maxLen, and values of overlay boxes (`boxes`, flat forms)
 * that will not fit their box even at the smallest size (pdf/overlay-fit.ts: an estimate; the
 * engine still refuses at output what it cannot draw).
 */
export function tooLongValues(
  fields: PdfField[],
  values: PdfFieldValues,
  boxes: readonly PdfOverlayBox[] = [],
): TooLong[] {
  const found: TooLong[] = [];
  for (const field of fields) {
    const value = values[field.key];
    if (field.maxLen === null || typeof value !== 'string') continue;
    const length = charLength(value);
    if (length > field.maxLen) found.push({ key: field.key, length, max: field.maxLen });
  }
  const shown = new Set(fields.map((f) => f.key));
  for (const box of boxes) {
    const value = values[box.key];
    if (!shown.has(box.key) || typeof value !== 'string' || overlayValueFits(box, value)) continue;
    const max = overlayCapacity(box, value);
    found.push({ key: box.key, length: charLength(value), max, isBox: true });
  }
  return found;
}

/**
 * Whether "Create PDF" waits: only for values longer than a field's maxLen. A box's fit is an
 * estimate, shown as a warning; the engine itself refuses at output what it cannot draw.
 */
export const blocksOutput = (tooLong: readonly TooLong[]): boolean =>
  tooLong.some((v) => v.isBox !== true);

/** True when the draft still holds the value the pack derived from the case. */
export function isFromCase(key: string, values: PdfFieldValues, fromCase: PdfFieldValues): boolean {
  return key in fromCase && fromCase[key] !== '' && values[key] === fromCase[key];
}

/** What goes into fillPdf: only fields of this edition, without empty choices. */
export function valuesForFill(fields: PdfField[], values: PdfFieldValues): PdfFieldValues {
  const out: PdfFieldValues = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    const isChoice = field.type === 'radio' || field.type === 'dropdown' || field.type === 'list';
    if (isChoice && value === '') continue;
    if (field.type === 'checkbox' && typeof value !== 'boolean') continue;
    out[field.key] = value;
  }
  return out;
}

/** A file name for the filled PDF: the form's name, marked as filled, safe on every system. */
export function outputFileName(formFileName: string, date: string): string {
  const base = formFileName.replace(/\.pdf$/i, '').replace(/[\\/:*?"<>|]+/g, '-');
  return `${base}-${date}.pdf`;
}
