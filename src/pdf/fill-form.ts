// fillPdf: validate every value first, then write them (text through the appearance module,
// which embeds a Unicode font and draws the widgets), drop the XFA part of hybrids so viewers
// show the filled AcroForm layer, optionally flatten, and save. Any failure returns a code and
// no bytes — there is never a half-filled output.
// `overlays` (overlay mode for flat forms, overlay.ts): a value whose key names a box is drawn
// into that box on the page instead of going to a field; box keys take precedence over fields.
import {
  PDFCheckBox,
  PDFDropdown,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFDocument,
} from '@cantoo/pdf-lib';
import {
  embedFonts,
  setChoiceFieldValue,
  setTextFieldValue,
  type EmbeddedFonts,
  type FontSet,
} from './appearance';
import { keyedFields } from './field-keys';
import { flattenForm } from './flatten';
import { acroFormOf, openPdf } from './open-pdf';
import { checkOverlayBoxes, drawOverlays, planOverlays } from './overlay';
import { pdfFail, type PdfFailure } from './pdf-error';
import { savePdf } from './save-pdf';
import type { PdfFieldValues, PdfOverlayBox, PdfResult } from './types';
import { validateValues, type FillStep } from './validate-values';

export type FillOptions = {
  password?: string;
  flatten?: boolean;
  fonts: FontSet;
  /** Text boxes drawn onto the pages (flat forms); their keys are filled like fields. */
  overlays?: readonly PdfOverlayBox[];
};

type SplitValues = { fields: PdfFieldValues; overlays: Map<string, string> };

/** Values for overlay boxes apart from field values; an overlay takes text only. */
const splitValues = (
  values: PdfFieldValues,
  boxes: readonly PdfOverlayBox[],
): { ok: true; value: SplitValues } | PdfFailure => {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return pdfFail('pdf-value-type', undefined, 'values must be an object');
  }
  const boxKeys = new Set(boxes.map((box) => box.key));
  const fields: PdfFieldValues = {};
  const overlays = new Map<string, string>();
  for (const [key, value] of Object.entries(values)) {
    if (!boxKeys.has(key)) {
      // defineProperty: a field may be called "__proto__"; plain assignment would drop it.
      Object.defineProperty(fields, key, { value, enumerable: true, writable: true });
    } else if (typeof value === 'string') overlays.set(key, value);
    else return pdfFail('pdf-value-type', key, 'string');
  }
  return { ok: true, value: { fields, overlays } };
};

export const fillPdf = async (
  bytes: Uint8Array,
  values: PdfFieldValues,
  options: FillOptions,
): Promise<PdfResult<Uint8Array>> => {
  const opened = await openPdf(bytes, options.password);
  if (!opened.ok) return opened;
  const { doc } = opened.value;
  try {
    const boxes = options.overlays ?? [];
    const badBox = checkOverlayBoxes(doc, boxes);
    if (badBox) return badBox;
    const split = splitValues(values, boxes);
    if (!split.ok) return split;
    const steps = validateValues(keyedFields(doc), split.value.fields);
    if (!steps.ok) return steps;
    const fieldsNeedFont = steps.value.some(({ keyed }) => usesFont(keyed.field));
    const needsFont = fieldsNeedFont || split.value.overlays.size > 0;
    const fonts = needsFont ? await embedFonts(doc, options.fonts) : null;
    const plans = fonts ? planOverlays(boxes, split.value.overlays, fonts) : null;
    if (plans && !plans.ok) return plans;
    for (const step of steps.value) {
      const written = writeValue(doc, step, fonts);
      if (!written.ok) return written;
    }
    if (fonts && plans) drawOverlays(doc, plans.value, fonts);
    dropXfa(doc);
    if (fieldsNeedFont) {
      acroFormOf(doc)?.set(PDFName.of('NeedAppearances'), doc.context.obj(false));
    }
    if (options.flatten) flattenForm(doc);
    return { ok: true, value: await savePdf(doc) };
  } catch {
    // pdf-lib throws on structures it cannot handle in the input; refuse rather than guess.
    return pdfFail('pdf-damaged', undefined, 'fill');
  }
};

const usesFont = (field: unknown): boolean =>
  field instanceof PDFTextField || field instanceof PDFDropdown || field instanceof PDFOptionList;

const writeValue = (
  doc: PDFDocument,
  { keyed, value }: FillStep,
  fonts: EmbeddedFonts | null,
): PdfResult<void> => {
  const { field, key } = keyed;
  if (field instanceof PDFCheckBox) {
    if (value === true) field.check();
    else field.uncheck();
  } else if (field instanceof PDFRadioGroup) {
    if (value === '') field.clear();
    else field.select(String(value));
  } else if (fonts && field instanceof PDFTextField) {
    return setTextFieldValue(doc, field, String(value), fonts, key);
  } else if (fonts && (field instanceof PDFDropdown || field instanceof PDFOptionList)) {
    return setChoiceFieldValue(doc, field, String(value), fonts, key);
  }
  return { ok: true, value: undefined };
};

/** Viewers that know XFA would show the untouched XFA layer; the AcroForm is what we filled. */
const dropXfa = (doc: PDFDocument): void => {
  acroFormOf(doc)?.delete(PDFName.of('XFA'));
  doc.catalog.delete(PDFName.of('NeedsRendering'));
};
