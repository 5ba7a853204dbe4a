// fillPdf: validate every value first, then write them (text through the appearance module,
// which embeds a Unicode font and draws the widgets), drop the XFA part of hybrids so viewers
// show the filled AcroForm layer, optionally flatten, and save. Any failure returns a code and
// no bytes — there is never a half-filled output.
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
import { pdfFail } from './pdf-error';
import { savePdf } from './save-pdf';
import type { PdfFieldValues, PdfResult } from './types';
import { validateValues, type FillStep } from './validate-values';

export type FillOptions = { password?: string; flatten?: boolean; fonts: FontSet };

export const fillPdf = async (
  bytes: Uint8Array,
  values: PdfFieldValues,
  options: FillOptions,
): Promise<PdfResult<Uint8Array>> => {
  const opened = await openPdf(bytes, options.password);
  if (!opened.ok) return opened;
  const { doc } = opened.value;
  try {
    const steps = validateValues(keyedFields(doc), values);
    if (!steps.ok) return steps;
    const needsFont = steps.value.some(({ keyed }) => usesFont(keyed.field));
    const fonts = needsFont ? await embedFonts(doc, options.fonts) : null;
    for (const step of steps.value) {
      const written = writeValue(doc, step, fonts);
      if (!written.ok) return written;
    }
    dropXfa(doc);
    if (needsFont) acroFormOf(doc)?.set(PDFName.of('NeedAppearances'), doc.context.obj(false));
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
