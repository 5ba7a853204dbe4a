// Where the shaped lines go inside a widget, and at what size. The /DA size is the largest we
// use; 0 means auto (at most 12 pt, as large as the box allows). Text that does not fit is made
// smaller, never clipped: the real glyph outlines must stay inside the border. Below 4 pt the
// value is refused ('pdf-value-too-long') instead of printing something nobody can read.
// Alignment follows /Q; a value whose base direction is right-to-left starts at the right edge
// when /Q says left (the default), because for Arabic "start" is the right side.

import { shapeLine, wrap } from './bidi-text';
import type { Paragraph, ShapedLine } from './bidi-text';
import type { EmbeddedFonts } from './fonts';
import type { Alignment, WidgetBox } from './widget';

export const MIN_FONT_SIZE = 4;
export const AUTO_MAX_FONT_SIZE = 12;
/** Inset of the text from the border (as Acrobat does). */
const PADDING = 2;

/** A line drawn with its baseline origin at (x, y) in the text frame. */
export type Placement = { line: ShapedLine; x: number; y: number };

export type TextLayout = {
  size: number;
  placements: Placement[];
  /** Rectangles to fill behind the text (the selected row of a list box). */
  highlights: Array<{ x: number; y: number; width: number; height: number }>;
};

export type TooLong = { tooLong: true };

const TOO_LONG: TooLong = { tooLong: true };

const em = (units: number, size: number): number => (units * size) / 1000;

const alignedX = (
  width: number,
  box: WidgetBox,
  alignment: Alignment,
  rtl: boolean,
  inset: number,
): number => {
  const effective = alignment === 'left' && rtl ? 'right' : alignment;
  if (effective === 'center') return (box.width - width) / 2;
  if (effective === 'right') return box.width - inset - width;
  return inset;
};

/** Baseline that centres the nominal line box, moved so the ink stays inside the border. */
const centredBaseline = (lines: ShapedLine[], box: WidgetBox, size: number): number => {
  const ascent = Math.max(...lines.map((l) => l.ascent));
  const descent = Math.min(...lines.map((l) => l.descent));
  const inkTop = Math.max(...lines.map((l) => l.inkTop));
  const inkBottom = Math.min(...lines.map((l) => l.inkBottom));
  const bw = box.borderWidth;
  let y = bw + (box.height - 2 * bw - em(ascent - descent, size)) / 2 - em(descent, size);
  const over = y + em(inkTop, size) - (box.height - bw);
  if (over > 0) y -= over;
  const under = bw - (y + em(inkBottom, size));
  if (under > 0) y += under;
  return y;
};

/** Largest size ≤ wanted at which the ink of these lines fits between the borders. */
const fitInkHeight = (lines: ShapedLine[], box: WidgetBox, wanted: number): number => {
  const ink =
    Math.max(0, ...lines.map((l) => l.inkTop)) - Math.min(0, ...lines.map((l) => l.inkBottom));
  const available = box.height - 2 * box.borderWidth;
  return ink > 0 ? Math.min(wanted, (available * 1000) / ink) : wanted;
};

const autoSize = (lines: ShapedLine[], box: WidgetBox): number => {
  const nominal =
    Math.max(...lines.map((l) => l.ascent)) - Math.min(...lines.map((l) => l.descent));
  const available = box.height - 2 * box.borderWidth - 2;
  return Math.min(AUTO_MAX_FONT_SIZE, (available * 1000) / nominal);
};

const hasText = (lines: ShapedLine[]): boolean => lines.some((l) => l.glyphs.length > 0);

/** A widget without area (a hidden copy of a field) shows nothing; that is no failure. */
const nothingToShow = (box: WidgetBox, size: number): TextLayout | null =>
  box.width > 0 && box.height > 0 ? null : { size, placements: [], highlights: [] };

export const layoutSingleLine = (
  line: ShapedLine,
  box: WidgetBox,
  daSize: number,
  alignment: Alignment,
): TextLayout | TooLong => {
  const empty = nothingToShow(box, daSize);
  if (empty) return empty;
  const inset = box.borderWidth + PADDING;
  const innerWidth = box.width - 2 * inset;
  let size = daSize > 0 ? daSize : autoSize([line], box);
  if (line.width > 0) size = Math.min(size, (innerWidth * 1000) / line.width);
  size = fitInkHeight([line], box, size);
  if (hasText([line]) && !(size >= MIN_FONT_SIZE)) return TOO_LONG;
  const x = alignedX(em(line.width, size), box, alignment, line.rtl, inset);
  return { size, placements: [{ line, x, y: centredBaseline([line], box, size) }], highlights: [] };
};

export const layoutMultiline = (
  paragraphs: Paragraph[],
  fonts: EmbeddedFonts,
  box: WidgetBox,
  daSize: number,
  alignment: Alignment,
): TextLayout | TooLong => {
  const empty = nothingToShow(box, daSize);
  if (empty) return empty;
  const inset = box.borderWidth + PADDING;
  const innerWidth = box.width - 2 * inset;
  const innerHeight = box.height - 2 * inset;
  if (innerWidth <= 0 || innerHeight <= 0) {
    const isEmpty = paragraphs.every((p) => p.chars.length === 0);
    return isEmpty ? { size: daSize, placements: [], highlights: [] } : TOO_LONG;
  }
  // Words stay whole while a smaller size can fit them; only then are long words broken.
  for (const breakWords of [false, true]) {
    let size = daSize > 0 ? daSize : AUTO_MAX_FONT_SIZE;
    for (; size >= MIN_FONT_SIZE; size = size > 6 ? size - 0.5 : size - 0.25) {
      const maxWidth = (innerWidth * 1000) / size;
      const lines = paragraphs.flatMap((p) =>
        wrap(p, fonts, maxWidth, breakWords).map(([start, end]) => shapeLine(p, fonts, start, end)),
      );
      if (!hasText(lines)) return { size, placements: [], highlights: [] };
      if (lines.some((l) => l.width > maxWidth + 0.01)) continue;
      const ascent = Math.max(...lines.map((l) => l.ascent));
      const descent = Math.min(...lines.map((l) => l.descent));
      const lineHeight = em(ascent - descent, size);
      if (lines.length * lineHeight > innerHeight) continue;
      const top = box.height - inset;
      const placements = lines.map((line, i) => ({
        line,
        x: alignedX(em(line.width, size), box, alignment, line.rtl, inset),
        y: top - em(ascent, size) - i * lineHeight,
      }));
      return { size, placements, highlights: [] };
    }
  }
  return TOO_LONG;
};

/** One character per cell, centred; an RTL value fills the cells from the right. */
export const layoutComb = (
  cells: ShapedLine[],
  cellCount: number,
  rtl: boolean,
  box: WidgetBox,
  daSize: number,
): TextLayout | TooLong => {
  const empty = nothingToShow(box, daSize);
  if (empty) return empty;
  if (cells.length > cellCount) return TOO_LONG;
  if (cells.length === 0) return { size: daSize, placements: [], highlights: [] };
  const cellWidth = (box.width - 2 * box.borderWidth) / cellCount;
  let size = daSize > 0 ? daSize : autoSize(cells, box);
  const widest = Math.max(...cells.map((c) => c.width));
  if (widest > 0) size = Math.min(size, (cellWidth * 1000) / widest);
  size = fitInkHeight(cells, box, size);
  if (!(size >= MIN_FONT_SIZE)) return TOO_LONG;
  const y = centredBaseline(cells, box, size);
  const first = rtl ? cellCount - cells.length : 0;
  const placements = cells.map((line, i) => ({
    line,
    x: box.borderWidth + (first + i) * cellWidth + (cellWidth - em(line.width, size)) / 2,
    y,
  }));
  return { size, placements, highlights: [] };
};

/** A list box: options from the top, the selected one highlighted and scrolled into view. */
export const layoutList = (
  options: ShapedLine[],
  selected: number,
  box: WidgetBox,
  daSize: number,
  alignment: Alignment,
): TextLayout | TooLong => {
  const empty = nothingToShow(box, daSize);
  if (empty) return empty;
  const inset = box.borderWidth + PADDING;
  const innerWidth = box.width - 2 * inset;
  const lines = options;
  if (lines.length === 0) return { size: daSize, placements: [], highlights: [] };
  let size = daSize > 0 ? daSize : AUTO_MAX_FONT_SIZE;
  const ascent = Math.max(...lines.map((l) => l.ascent));
  const descent = Math.min(...lines.map((l) => l.descent));
  const rowsAt = (s: number): number =>
    Math.max(1, Math.floor((box.height - 2 * box.borderWidth) / em(ascent - descent, s)));
  const firstAt = (s: number): number => Math.max(0, selected - rowsAt(s) + 1);
  const visibleAt = (s: number): ShapedLine[] => lines.slice(firstAt(s), firstAt(s) + rowsAt(s));
  const widest = Math.max(...lines.map((l) => l.width));
  if (widest > 0) size = Math.min(size, (innerWidth * 1000) / widest);
  size = Math.min(size, ((box.height - 2 * box.borderWidth) * 1000) / (ascent - descent));
  if (!(size >= MIN_FONT_SIZE)) return TOO_LONG;
  const rowHeight = em(ascent - descent, size);
  const top = box.height - box.borderWidth;
  const first = firstAt(size);
  const placements = visibleAt(size).map((line, i) => ({
    line,
    x: alignedX(em(line.width, size), box, alignment, line.rtl, inset),
    y: top - (i + 1) * rowHeight - em(descent, size),
  }));
  const row = selected - first;
  const highlights =
    selected >= 0 && row < placements.length
      ? [
          {
            x: box.borderWidth,
            y: top - (row + 1) * rowHeight,
            width: box.width - 2 * box.borderWidth,
            height: rowHeight,
          },
        ]
      : [];
  return { size, placements, highlights };
};
