// Writes a widget's normal appearance: background and border from /MK and /BS, a clip inside the
// border, then the glyphs. Glyphs are written as subset glyph ids (Identity-H); a run is one TJ
// with kerning adjustments, and a glyph moved by shaping (an Arabic mark above its letter)
// starts a new text matrix, so the PDF shows exactly the positions fontkit computed.

import { PDFName } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFRef, PDFWidgetAnnotation } from '@cantoo/pdf-lib';
import { useFont } from './fonts';
import type { DocumentFont, EmbeddedFonts, FontKey } from './fonts';
import type { TextLayout } from './layout';
import { round } from './widget';
import type { WidgetBox } from './widget';

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

const rotationMatrix = (box: WidgetBox): string | null => {
  const w = round(box.rectWidth);
  const h = round(box.rectHeight);
  if (box.rotation === 90) return `0 1 -1 0 ${w} 0 cm`;
  if (box.rotation === 180) return `-1 0 0 -1 ${w} ${h} cm`;
  if (box.rotation === 270) return `0 -1 1 0 0 ${h} cm`;
  return null;
};

const frame = (box: WidgetBox): string[] => {
  const ops: string[] = [];
  const { width: w, height: h, borderWidth: bw } = box;
  if (box.background) ops.push(box.background, `0 0 ${round(w)} ${round(h)} re f`);
  if (box.borderColor && bw > 0) {
    ops.push(box.borderColor, `${round(bw)} w`);
    if (box.borderStyle === 'dashed') ops.push(`[${box.dash.map(round).join(' ')}] 0 d`);
    if (box.borderStyle === 'underline') {
      ops.push(`0 ${round(bw / 2)} m ${round(w)} ${round(bw / 2)} l S`);
    } else {
      ops.push(`${round(bw / 2)} ${round(bw / 2)} ${round(w - bw)} ${round(h - bw)} re S`);
    }
    if (box.borderStyle === 'dashed') ops.push('[] 0 d');
  }
  return ops;
};

/** BT … ET drawing a layout; `nameOf` gives a font's resource name where it is not the default. */
export const textOperators = (
  layout: TextLayout,
  fonts: EmbeddedFonts,
  color: string,
  used: Set<DocumentFont>,
  nameOf: (font: DocumentFont) => string = (font) => font.name,
): string[] => {
  const ops: string[] = ['BT', color];
  const size = layout.size;
  let currentFont: FontKey | null = null;
  for (const { line, x, y } of layout.placements) {
    let i = 0;
    while (i < line.glyphs.length) {
      const first = line.glyphs[i];
      if (!first) break;
      const font = fonts[first.font];
      if (first.font !== currentFont) {
        ops.push(`/${nameOf(font)} ${round(size)} Tf`);
        currentFont = first.font;
        used.add(font);
      }
      ops.push(
        `1 0 0 1 ${round(x + (first.x * size) / 1000)} ${round(y + (first.y * size) / 1000)} Tm`,
      );
      const parts: string[] = [];
      let hex = '';
      let previous = first;
      let j = i;
      while (j < line.glyphs.length) {
        const glyph = line.glyphs[j];
        if (!glyph || glyph.font !== first.font || glyph.y !== first.y) break;
        if (j > i) {
          // TJ moves the pen by the glyph's width; adjust to where shaping put the next glyph.
          const advance = previous.glyph.advanceWidth * font.parsed.scale;
          const adjust = advance - (glyph.x - previous.x);
          if (Math.abs(adjust) > 0.05) {
            parts.push(`<${hex}>`, round(adjust));
            hex = '';
          }
        }
        hex += hex4(font.embedder.include(glyph.glyph, glyph.codePoints));
        previous = glyph;
        j++;
      }
      parts.push(`<${hex}>`);
      ops.push(`[${parts.join(' ')}] TJ`);
      i = j;
    }
  }
  ops.push('ET');
  return ops;
};

/** Builds and sets the normal appearance of one widget. */
export const writeAppearance = (
  doc: PDFDocument,
  widget: PDFWidgetAnnotation,
  box: WidgetBox,
  layout: TextLayout,
  fonts: EmbeddedFonts,
  color: string,
): void => {
  const used = new Set<DocumentFont>();
  const bw = box.borderWidth;
  const rotation = rotationMatrix(box);
  const ops: string[] = ['/Tx BMC', 'q'];
  if (rotation) ops.push(rotation);
  ops.push(...frame(box));
  for (const h of layout.highlights) {
    ops.push(
      '0.6 0.757 0.855 rg',
      `${round(h.x)} ${round(h.y)} ${round(h.width)} ${round(h.height)} re f`,
    );
  }
  ops.push(
    `${round(bw)} ${round(bw)} ${round(box.width - 2 * bw)} ${round(box.height - 2 * bw)} re W n`,
  );
  if (layout.placements.some((p) => p.line.glyphs.length > 0)) {
    ops.push(...textOperators(layout, fonts, color, used));
  }
  ops.push('Q', 'EMC');
  const fontResources: Record<string, PDFRef> = {};
  for (const font of used) {
    useFont(fonts, font);
    fontResources[font.name] = font.ref;
  }
  const stream = doc.context.stream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, box.rectWidth, box.rectHeight],
    Resources: { Font: fontResources },
  });
  const ap = widget.ensureAP();
  ap.set(PDFName.of('N'), doc.context.register(stream));
  // A stale down or rollover appearance would show the old value while clicked or hovered.
  ap.delete(PDFName.of('D'));
  ap.delete(PDFName.of('R'));
};
