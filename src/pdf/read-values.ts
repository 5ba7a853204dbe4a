// readPdfValues: the values a form holds now, by field key — what a viewer would show. Used to
// check a filled output (read-back) and to take over values from a form filled elsewhere.
import {
  PDFCheckBox,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFField,
} from '@cantoo/pdf-lib';
import { keyedFields } from './field-keys';
import { openPdf } from './open-pdf';
import { pdfFail } from './pdf-error';
import { textOf } from './pdf-objects';
import type { PdfFieldValues, PdfResult } from './types';

export const readPdfValues = async (
  bytes: Uint8Array,
  options: { password?: string } = {},
): Promise<PdfResult<PdfFieldValues>> => {
  const opened = await openPdf(bytes, options.password);
  if (!opened.ok) return opened;
  try {
    const values: PdfFieldValues = {};
    for (const { key, field } of keyedFields(opened.value.doc)) {
      const value = valueOf(field);
      if (value !== null) values[key] = value;
    }
    return { ok: true, value: values };
  } catch {
    return pdfFail('pdf-damaged', undefined, 'field values');
  }
};

const valueOf = (field: PDFField): string | boolean | null => {
  if (field instanceof PDFTextField) {
    // getText() throws on rich text; /V is the plain value either way.
    return textOf(field.acroField.V()) ?? '';
  }
  if (field instanceof PDFCheckBox) return field.isChecked();
  if (field instanceof PDFRadioGroup) return field.getSelected() ?? '';
  if (field instanceof PDFDropdown || field instanceof PDFOptionList)
    return field.getSelected()[0] ?? '';
  return null;
};
