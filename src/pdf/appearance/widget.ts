// What a widget and its field say about how text should look: box, rotation, border and
// background (/MK, /BS), alignment (/Q) and the default appearance (/DA: font size and colour).
// /DA, /Q and /MaxLen may sit on the widget, on the field or any ancestor, or on the AcroForm.

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFObject, PDFWidgetAnnotation } from '@cantoo/pdf-lib';
import type { PDFField } from '@cantoo/pdf-lib';

export type Alignment = 'left' | 'center' | 'right';

export type WidgetBox = {
  /** Size of the text frame (rotated 90/270 → the rectangle's sides swapped). */
  width: number;
  height: number;
  rectWidth: number;
  rectHeight: number;
  rotation: 0 | 90 | 180 | 270;
  borderWidth: number;
  /** Colour operands with operator, e.g. "0 0 1 RG"; null when transparent. */
  borderColor: string | null;
  background: string | null;
  borderStyle: 'solid' | 'dashed' | 'underline';
  dash: number[];
};

export type DefaultAppearance = {
  /** 0 means auto size. */
  size: number;
  /** Fill colour operator, e.g. "0 g". */
  color: string;
};

const num = (o: PDFObject | undefined): number | undefined =>
  o instanceof PDFNumber ? o.asNumber() : undefined;

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

const colour = (components: number[] | undefined, stroke: boolean): string | null => {
  if (!components || components.length === 0) return null;
  const values = components.map((c) => round(c)).join(' ');
  if (components.length === 1) return `${values} ${stroke ? 'G' : 'g'}`;
  if (components.length === 3) return `${values} ${stroke ? 'RG' : 'rg'}`;
  if (components.length === 4) return `${values} ${stroke ? 'K' : 'k'}`;
  return null;
};

export const round = (n: number): string => {
  const fixed = n.toFixed(3);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') || '0' : fixed;
};

const normaliseRotation = (r: number | undefined): 0 | 90 | 180 | 270 => {
  const turned = ((((r ?? 0) % 360) + 360) % 360) as number;
  return turned === 90 || turned === 180 || turned === 270 ? turned : 0;
};

export const readWidgetBox = (widget: PDFWidgetAnnotation): WidgetBox => {
  const rect = widget.getRectangle();
  const rectWidth = Math.abs(rect.width);
  const rectHeight = Math.abs(rect.height);
  const mk = widget.getAppearanceCharacteristics();
  const rotation = normaliseRotation(mk?.getRotation());
  const bs = widget.dict.lookupMaybe(PDFName.of('BS'), PDFDict);
  const borderColor = colour(mk?.getBorderColor(), true);
  const background = colour(mk?.getBackgroundColor(), false);
  const style = bs?.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
  const declaredWidth = num(bs?.lookup(PDFName.of('W')));
  // Without /BS the border is 1 pt wide (PDF 32000 §12.5.4); it is only drawn with a colour.
  const borderWidth = Math.max(0, declaredWidth ?? (borderColor ? 1 : 0));
  const dashArray = bs?.lookupMaybe(PDFName.of('D'), PDFArray);
  const dash = dashArray
    ? dashArray.asArray().flatMap((o) => (o instanceof PDFNumber ? [o.asNumber()] : []))
    : [3];
  const swapped = rotation === 90 || rotation === 270;
  return {
    width: swapped ? rectHeight : rectWidth,
    height: swapped ? rectWidth : rectHeight,
    rectWidth,
    rectHeight,
    rotation,
    borderWidth,
    borderColor,
    background,
    borderStyle: style === 'D' ? 'dashed' : style === 'U' ? 'underline' : 'solid',
    dash,
  };
};

/** An attribute from the widget, else the field or its ancestors, else the AcroForm. */
const inherited = (
  doc: PDFDocument,
  field: PDFField,
  widget: PDFWidgetAnnotation,
  key: string,
): PDFObject | undefined => {
  const name = PDFName.of(key);
  const own = widget.dict.lookup(name);
  if (own !== undefined) return own;
  const fromField = field.acroField.getInheritableAttribute(name);
  if (fromField !== undefined) return doc.context.lookup(fromField);
  return doc.getForm().acroForm.dict.lookup(name);
};

export const readAlignment = (
  doc: PDFDocument,
  field: PDFField,
  widget: PDFWidgetAnnotation,
): Alignment => {
  const q = num(inherited(doc, field, widget, 'Q'));
  return q === 1 ? 'center' : q === 2 ? 'right' : 'left';
};

export const readMaxLength = (doc: PDFDocument, field: PDFField): number | undefined => {
  const value = field.acroField.getInheritableAttribute(PDFName.of('MaxLen'));
  return num(value === undefined ? undefined : doc.context.lookup(value));
};

/** Parses /DA ("/Helv 0 Tf 0 g", "0 0 1 rg /TiRo 9 Tf", ...). */
const parseDefaultAppearance = (da: string): DefaultAppearance => {
  let size = 0;
  let color = '0 g';
  const operands: string[] = [];
  for (const token of da.trim().split(/\s+/)) {
    if (token === 'Tf') {
      const value = Number(operands[operands.length - 1]);
      size = Number.isFinite(value) && value > 0 ? value : 0;
    } else if (token === 'g' || token === 'rg' || token === 'k') {
      const count = token === 'g' ? 1 : token === 'rg' ? 3 : 4;
      const values = operands.slice(-count).map(Number);
      if (values.length === count && values.every(Number.isFinite)) {
        color = `${values.map(round).join(' ')} ${token}`;
      }
    }
    if (/^[a-zA-Z'"*]+$/.test(token)) operands.length = 0;
    else operands.push(token);
  }
  return { size, color };
};

export const readDefaultAppearance = (
  doc: PDFDocument,
  field: PDFField,
  widget: PDFWidgetAnnotation,
): DefaultAppearance => parseDefaultAppearance(text(inherited(doc, field, widget, 'DA')) ?? '');

/**
 * Points /DA at the font the appearance was drawn with (keeping size and colour), on the field
 * and on every widget that has its own /DA, so a viewer that regenerates finds the font in /DR.
 */
export const writeDefaultAppearance = (
  doc: PDFDocument,
  field: PDFField,
  fontName: string,
): void => {
  const name = PDFName.of('DA');
  const fromField = field.acroField.getInheritableAttribute(name);
  const fieldDa = parseDefaultAppearance(
    text(
      fromField !== undefined
        ? doc.context.lookup(fromField)
        : doc.getForm().acroForm.dict.lookup(name),
    ) ?? '',
  );
  const widgetDas = field.acroField
    .getWidgets()
    .filter((widget) => widget.dict !== field.acroField.dict && widget.dict.has(name))
    .map(
      (widget) => [widget, parseDefaultAppearance(text(widget.dict.lookup(name)) ?? '')] as const,
    );
  field.acroField.setDefaultAppearance(`/${fontName} ${round(fieldDa.size)} Tf ${fieldDa.color}`);
  for (const [widget, da] of widgetDas) {
    widget.setDefaultAppearance(`/${fontName} ${round(da.size)} Tf ${da.color}`);
  }
};
