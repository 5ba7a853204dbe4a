// What each field is: type, place, size limits, label, choices — the PdfField of types.ts.
import {
  PDFButton,
  PDFCheckBox,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFSignature,
  PDFTextField,
  PDFName,
  type PDFField,
  type PDFWidgetAnnotation,
} from '@cantoo/pdf-lib';
import type { KeyedField } from './field-keys';
import { inherited, numberOf, textOf } from './pdf-objects';
import type { PdfField, PdfFieldType, PdfRect } from './types';
import type { WidgetPages } from './widget-pages';

export const fieldType = (field: PDFField): PdfFieldType => {
  if (field instanceof PDFTextField) return field.isMultiline() ? 'multiline' : 'text';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFRadioGroup) return 'radio';
  if (field instanceof PDFDropdown) return 'dropdown';
  if (field instanceof PDFOptionList) return 'list';
  if (field instanceof PDFSignature) return 'signature';
  if (field instanceof PDFButton) return 'button';
  // pdf-lib converts every terminal field to one of the classes above.
  throw new Error(`unexpected field class ${field.constructor.name}`);
};

/** Export values: what /V holds when the option is chosen. */
export const fieldOptions = (field: PDFField): string[] => {
  if (field instanceof PDFRadioGroup) return field.getOptions();
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
    return field.acroField.getOptions().map((option) => option.value.decodeText());
  }
  return [];
};

export const checkBoxOnValue = (field: PDFCheckBox): string =>
  field.acroField.getOnValue()?.decodeText() ?? 'Yes';

export const maxLenOf = (field: PDFField): number | null =>
  field instanceof PDFTextField ? numberOf(inherited(field.acroField.dict, 'MaxLen')) : null;

const rectOf = (widget: PDFWidgetAnnotation): PdfRect => {
  const { x, y, width, height } = widget.getRectangle();
  // Some producers write /Rect with the corners swapped; normalise to a positive size.
  return {
    x: width < 0 ? x + width : x,
    y: height < 0 ? y + height : y,
    width: Math.abs(width),
    height: Math.abs(height),
  };
};

export const describeField = ({ key, name, field }: KeyedField, pages: WidgetPages): PdfField => {
  const widgets = field.acroField.getWidgets();
  const placed = widgets.find((widget) => pages.has(widget.dict));
  const page = placed ? pages.get(placed.dict) : undefined;
  const type = fieldType(field);
  return {
    name,
    key,
    type,
    label: textOf(field.acroField.dict.lookup(PDFName.of('TU'))),
    page: page === undefined ? null : page + 1,
    rect: placed ? rectOf(placed) : null,
    maxLen: maxLenOf(field),
    comb: field instanceof PDFTextField && field.isCombed(),
    options: fieldOptions(field),
    onValue: field instanceof PDFCheckBox ? checkBoxOnValue(field) : null,
    readOnly: field.isReadOnly(),
  };
};
