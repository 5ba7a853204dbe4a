// Overlay mode for flat forms: text boxes drawn into the page content at positions a volunteer
// chose (the form pack stores them per edition). A box's value is laid out exactly like a text
// field's (appearance/: embedded subset Noto fonts, bidi, Arabic shaping, auto size, multiline)
// and refused the same way — 'pdf-value-too-long' when it does not fit even at 4 pt,
// 'pdf-glyph-missing' for a character no font has — naming the box key. Everything is planned
// before anything is written. The text is part of the page (a flat form has nothing to fill),
// wrapped in q … Q so the page's own graphics state cannot leak into it. Boxes are in the page's
// user space; a rotated page (/Rotate) gets its text in user space too, which the placement
// screen does not offer (it supports rotation 0 only).
import { PDFName, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { analyse, shapeLine, type Paragraph } from './appearance/bidi-text';
import { textOperators } from './appearance/content-stream';
import type { DocumentFont, EmbeddedFonts } from './appearance/fonts';
import { layoutMultiline, layoutSingleLine, type TextLayout } from './appearance/layout';
import { attachToDocument } from './appearance/subset-font';
import { round, type WidgetBox } from './appearance/widget';
import { appendContent } from './flatten';
import { pdfFail, type PdfFailure } from './pdf-error';
import type { PdfOverlayBox } from './types';

export type OverlayPlan = { box: PdfOverlayBox; layout: TextLayout };

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const MAX_SIDE = 14_400; // the largest page side PDF allows (200 inches)

/** A box that can exist on this document: a real page, a finite rectangle with an area. */
export const checkOverlayBoxes = (
  doc: PDFDocument,
  boxes: readonly PdfOverlayBox[],
): PdfFailure | null => {
  const seen = new Set<string>();
  for (const box of boxes) {
    const [x, y, width, height] = box.rect;
    const inRange = (n: number, min: number) => Number.isFinite(n) && n >= min && n <= MAX_SIDE;
    const isValid =
      Number.isInteger(box.page) &&
      box.page >= 0 &&
      box.page < doc.getPageCount() &&
      inRange(x, -MAX_SIDE) &&
      inRange(y, -MAX_SIDE) &&
      inRange(width, 0.5) &&
      inRange(height, 0.5) &&
      (box.fontSize === undefined || inRange(box.fontSize, 0)) &&
      !seen.has(box.key);
    if (!isValid) return pdfFail('pdf-field-unknown', box.key, 'invalid overlay box');
    seen.add(box.key);
  }
  return null;
};

const frameOf = (box: PdfOverlayBox): WidgetBox => {
  const [, , width, height] = box.rect;
  return {
    width,
    height,
    rectWidth: width,
    rectHeight: height,
    rotation: 0,
    borderWidth: 0,
    borderColor: null,
    background: null,
    borderStyle: 'solid',
    dash: [],
  };
};

/** Lays out every non-empty value; the first failure is returned and nothing is drawn. */
export const planOverlays = (
  boxes: readonly PdfOverlayBox[],
  values: ReadonlyMap<string, string>,
  fonts: EmbeddedFonts,
): { ok: true; value: OverlayPlan[] } | PdfFailure => {
  const plans: OverlayPlan[] = [];
  for (const box of boxes) {
    const value = values.get(box.key);
    if (value === undefined || value.trim() === '') continue;
    const drawn = value.normalize('NFC');
    const texts = (box.multiline ? drawn.split(LINE_BREAK) : [drawn]).map((text) =>
      text.replace(/[\p{Cc}\u2028\u2029]/gu, ' '),
    );
    const paragraphs: Paragraph[] = [];
    for (const text of texts) {
      const analysed = analyse(text, fonts);
      if ('missing' in analysed) return pdfFail('pdf-glyph-missing', box.key, analysed.missing);
      paragraphs.push(analysed);
    }
    const first = paragraphs[0];
    if (!first) continue;
    const frame = frameOf(box);
    const size = box.fontSize ?? 0;
    const layout = box.multiline
      ? layoutMultiline(paragraphs, fonts, frame, size, 'left')
      : layoutSingleLine(shapeLine(first, fonts), frame, size, 'left');
    if ('tooLong' in layout) return pdfFail('pdf-value-too-long', box.key);
    plans.push({ box, layout });
  }
  return { ok: true, value: plans };
};

/** The font's name in this page's /Resources /Font, added there (a name the page does not use). */
const fontNameOn = (page: PDFPage, font: DocumentFont): string => {
  const { Font } = page.node.normalizedEntries();
  for (let n = 1; ; n++) {
    const name = n === 1 ? font.name : `${font.name}${n}`;
    const existing = Font.get(PDFName.of(name));
    if (existing === undefined || existing === font.ref) {
      Font.set(PDFName.of(name), font.ref);
      return name;
    }
  }
};

/** Draws planned boxes into their pages' content and embeds the fonts they use. */
export const drawOverlays = (
  doc: PDFDocument,
  plans: readonly OverlayPlan[],
  fonts: EmbeddedFonts,
): void => {
  const pages = doc.getPages();
  const used = new Set<DocumentFont>();
  const byPage = new Map<number, OverlayPlan[]>();
  for (const plan of plans) byPage.set(plan.box.page, [...(byPage.get(plan.box.page) ?? []), plan]);
  for (const [index, pagePlans] of byPage) {
    const page = pages[index];
    if (!page) continue;
    const names = new Map<DocumentFont, string>();
    const nameOf = (font: DocumentFont): string => {
      let name = names.get(font);
      if (name === undefined) {
        name = fontNameOn(page, font);
        names.set(font, name);
      }
      return name;
    };
    const ops: string[] = [];
    for (const { box, layout } of pagePlans) {
      const [x, y, width, height] = box.rect;
      ops.push(
        'q',
        `1 0 0 1 ${round(x)} ${round(y)} cm`,
        `0 0 ${round(width)} ${round(height)} re W n`,
      );
      ops.push(...textOperators(layout, fonts, '0 g', used, nameOf), 'Q');
    }
    appendContent(doc, page, ops.join('\n'));
  }
  for (const font of used) attachToDocument(doc, font.ref, font.embedder);
};
