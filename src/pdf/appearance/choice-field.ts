// Sets a dropdown's or list box's value and draws its appearance. The value is an option's
// export value (or its display text); /V gets the export value, the widget shows the display
// text. An editable dropdown also takes free text. A list box shows its options from the top
// with the chosen one highlighted, as viewers draw them.

import { PDFDropdown, PDFHexString, PDFName } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFOptionList } from '@cantoo/pdf-lib';
import type { PdfResult } from '../types';
import { analyse, shapeLine } from './bidi-text';
import type { Paragraph } from './bidi-text';
import { pdfFail as fail } from '../pdf-error';
import type { EmbeddedFonts } from './fonts';
import { layoutList, layoutSingleLine } from './layout';
import { assertSameDocument, commitAppearances, type PlannedAppearance } from './text-field';
import { readAlignment, readDefaultAppearance, readWidgetBox } from './widget';

type Option = { value: string; display: string };

const optionsOf = (field: PDFDropdown | PDFOptionList): Option[] =>
  field.acroField.getOptions().map(({ value, display }) => ({
    value: value.decodeText(),
    display: (display ?? value).decodeText(),
  }));

const singleLine = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');

export const setChoiceFieldValue = (
  doc: PDFDocument,
  field: PDFDropdown | PDFOptionList,
  value: string,
  fonts: EmbeddedFonts,
  fieldKey: string,
): PdfResult<void> => {
  assertSameDocument(doc, fonts);
  const options = optionsOf(field);
  let index = options.findIndex((o) => o.value === value);
  if (index < 0) index = options.findIndex((o) => o.display === value);
  const isDropdown = field instanceof PDFDropdown;
  if (index < 0 && value !== '' && !(isDropdown && field.isEditable())) {
    return fail('pdf-option-unknown', fieldKey, value);
  }
  const chosen = options[index];

  // A dropdown shows the chosen text; a list box shows every option.
  const shown = isDropdown ? [chosen?.display ?? value] : options.map((o) => o.display);
  const paragraphs: Paragraph[] = [];
  for (const text of shown) {
    const analysed = analyse(singleLine(text.normalize('NFC')), fonts);
    if ('missing' in analysed) return fail('pdf-glyph-missing', fieldKey, analysed.missing);
    paragraphs.push(analysed);
  }

  const planned: PlannedAppearance[] = [];
  const widgets = field.acroField.getWidgets();
  for (const widget of widgets) {
    const box = readWidgetBox(widget);
    const da = readDefaultAppearance(doc, field, widget);
    const alignment = readAlignment(doc, field, widget);
    const lines = paragraphs.map((p) => shapeLine(p, fonts));
    const first = lines[0];
    const layout = isDropdown
      ? first
        ? layoutSingleLine(first, box, da.size, alignment)
        : { size: da.size, placements: [], highlights: [] }
      : layoutList(lines, index, box, da.size, alignment);
    if ('tooLong' in layout) return fail('pdf-value-too-long', fieldKey);
    planned.push({ box, layout, color: da.color });
  }

  const dict = field.acroField.dict;
  if (value === '') dict.delete(PDFName.of('V'));
  else dict.set(PDFName.of('V'), PDFHexString.fromText(chosen?.value ?? value));
  if (!isDropdown && index >= 0) dict.set(PDFName.of('I'), doc.context.obj([index]));
  else dict.delete(PDFName.of('I'));
  commitAppearances(doc, field, widgets, planned, fonts, paragraphs);
  return { ok: true, value: undefined };
};
