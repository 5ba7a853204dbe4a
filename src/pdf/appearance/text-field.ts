// Sets a text field's value and draws its appearance in every widget: single line, multiline
// (word-wrapped, lines from the top) or comb (one character per cell). Every check runs before
// anything is written, so a refused value leaves the field as it was.

import { PDFHexString, PDFName } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFField, PDFTextField, PDFWidgetAnnotation } from '@cantoo/pdf-lib';
import type { PdfResult } from '../types';
import { analyse, combCells, shapeLine } from './bidi-text';
import type { Paragraph } from './bidi-text';
import { writeAppearance } from './content-stream';
import { pdfFail as fail } from '../pdf-error';
import { useFont } from './fonts';
import type { DocumentFont, EmbeddedFonts } from './fonts';
import { layoutComb, layoutMultiline, layoutSingleLine } from './layout';
import type { TextLayout } from './layout';
import {
  readAlignment,
  readDefaultAppearance,
  readMaxLength,
  readWidgetBox,
  writeDefaultAppearance,
} from './widget';
import type { WidgetBox } from './widget';

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** The font named in /DA (and listed in /DR): Arabic when the value has Arabic letters. */
export const daFont = (fonts: EmbeddedFonts, paragraphs: Paragraph[]): DocumentFont => {
  const font = paragraphs.some((p) => p.fonts.some((f, i) => f === 'arabic' && !p.hidden[i]))
    ? fonts.arabic
    : fonts.latin;
  useFont(fonts, font);
  return font;
};

/** A widget's appearance, laid out before anything is written (a refusal changes nothing). */
export type PlannedAppearance = { box: WidgetBox; layout: TextLayout; color: string };

/**
 * Writes the planned appearance of every widget and the field's /DA, then marks the field clean:
 * the appearance is current, so pdf-lib must not redraw it with its WinAnsi default font on save.
 */
export const commitAppearances = (
  doc: PDFDocument,
  field: PDFField,
  widgets: PDFWidgetAnnotation[],
  planned: PlannedAppearance[],
  fonts: EmbeddedFonts,
  paragraphs: Paragraph[],
): void => {
  widgets.forEach((widget, i) => {
    const plan = planned[i];
    if (plan) writeAppearance(doc, widget, plan.box, plan.layout, fonts, plan.color);
  });
  writeDefaultAppearance(doc, field, daFont(fonts, paragraphs).name);
  doc.getForm().markFieldAsClean(field.ref);
};

export const assertSameDocument = (doc: PDFDocument, fonts: EmbeddedFonts): void => {
  if (fonts.doc !== doc) throw new Error('EmbeddedFonts belong to another PDFDocument');
};

export const setTextFieldValue = (
  doc: PDFDocument,
  field: PDFTextField,
  value: string,
  fonts: EmbeddedFonts,
  fieldKey: string,
): PdfResult<void> => {
  assertSameDocument(doc, fonts);
  const maxLength = readMaxLength(doc, field);
  const drawn = value.normalize('NFC');
  if (maxLength !== undefined && [...drawn].length > maxLength) {
    return fail('pdf-value-too-long', fieldKey, `${[...drawn].length}/${maxLength}`);
  }
  const isMultiline = field.isMultiline();
  const isComb = !isMultiline && !field.isPassword() && field.isCombed() && !!maxLength;
  const visible = field.isPassword() ? '*'.repeat([...drawn].length) : drawn;
  // Tabs and other control characters show as a space (no font draws them).
  const texts = (isMultiline ? visible.split(LINE_BREAK) : [visible]).map((text) =>
    text.replace(/[\p{Cc}\u2028\u2029]/gu, ' '),
  );
  const paragraphs: Paragraph[] = [];
  for (const text of texts) {
    const analysed = analyse(text, fonts);
    if ('missing' in analysed) return fail('pdf-glyph-missing', fieldKey, analysed.missing);
    paragraphs.push(analysed);
  }
  const first = paragraphs[0];
  if (!first) throw new Error('split() returned no paragraph');

  const planned: PlannedAppearance[] = [];
  const widgets = field.acroField.getWidgets();
  for (const widget of widgets) {
    const box = readWidgetBox(widget);
    const da = readDefaultAppearance(doc, field, widget);
    const alignment = readAlignment(doc, field, widget);
    const layout = isComb
      ? layoutComb(combCells(first, fonts), maxLength ?? 0, first.rtl, box, da.size)
      : isMultiline
        ? layoutMultiline(paragraphs, fonts, box, da.size, alignment)
        : layoutSingleLine(shapeLine(first, fonts), box, da.size, alignment);
    if ('tooLong' in layout) return fail('pdf-value-too-long', fieldKey);
    planned.push({ box, layout, color: da.color });
  }

  field.acroField.setValue(PDFHexString.fromText(value));
  // A stale rich-text value (/RV) would win over /V in viewers that support rich text.
  field.acroField.dict.delete(PDFName.of('RV'));
  commitAppearances(doc, field, widgets, planned, fonts, paragraphs);
  return { ok: true, value: undefined };
};
