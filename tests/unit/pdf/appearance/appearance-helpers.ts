// Helpers for the appearance tests: small forms built with pdf-lib, and a reader that turns a
// widget's appearance stream back into glyphs with their text (via the font's ToUnicode map),
// x position and size — so tests can check cell positions and visual order in the real output.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from '@cantoo/pdf-lib';
import type { PDFField, PDFPage, PDFTextField, PDFNumber } from '@cantoo/pdf-lib';

export type Rect = { x: number; y: number; width: number; height: number };

export const newForm = async (): Promise<{ doc: PDFDocument; page: PDFPage }> => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([500, 500]);
  return { doc, page };
};

export const addTextField = (
  doc: PDFDocument,
  page: PDFPage,
  name: string,
  rect: Rect,
  options: { multiline?: boolean; comb?: number; alignment?: 0 | 1 | 2; fontSize?: number } = {},
): PDFTextField => {
  const field = doc.getForm().createTextField(name);
  if (options.multiline) field.enableMultiline();
  if (options.comb !== undefined) {
    field.setMaxLength(options.comb);
    field.enableCombing();
  }
  field.addToPage(page, { ...rect, borderWidth: 1 });
  // addToPage writes a /DA with Helvetica; give it the size a form designer would (0 = auto).
  const da = `/Helv ${options.fontSize ?? 0} Tf 0 g`;
  field.acroField.setDefaultAppearance(da);
  for (const widget of field.acroField.getWidgets()) widget.setDefaultAppearance(da);
  if (options.alignment !== undefined) field.acroField.setQuadding(options.alignment);
  return field;
};

const rawStream = (dict: PDFDict, key: string): PDFRawStream => {
  const stream = dict.lookup(PDFName.of(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`/${key} is not a stream`);
  return stream;
};

const bytesOf = (stream: PDFRawStream): Uint8Array => decodePDFRawStream(stream).decode();

const streamText = (stream: PDFRawStream): string =>
  Buffer.from(bytesOf(stream)).toString('latin1');

export const appearanceStream = (field: PDFField, widgetIndex = 0): PDFRawStream => {
  const widget = field.acroField.getWidgets()[widgetIndex];
  if (!widget) throw new Error(`no widget ${widgetIndex}`);
  const normal = widget.getNormalAppearance();
  const stream = normal instanceof PDFRef ? field.doc.context.lookup(normal) : normal;
  if (!(stream instanceof PDFRawStream)) throw new Error('appearance is not a stream');
  return stream;
};

export const appearanceText = (field: PDFField, widgetIndex = 0): string =>
  streamText(appearanceStream(field, widgetIndex));

type FontInfo = { toUnicode: Map<number, string>; widths: Map<number, number> };

const fontInfo = (doc: PDFDocument, fontDict: PDFDict): FontInfo => {
  const toUnicode = new Map<number, string>();
  const cmap = rawStream(fontDict, 'ToUnicode');
  for (const m of streamText(cmap).matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/gi)) {
    const units = (m[2] ?? '').match(/.{4}/g) ?? [];
    toUnicode.set(
      parseInt(m[1] ?? '0', 16),
      String.fromCharCode(...units.map((u) => parseInt(u, 16))),
    );
  }
  const widths = new Map<number, number>();
  const descendant = fontDict.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const w = descendant.lookup(PDFName.of('W'), PDFArray).asArray();
  for (let i = 0; i < w.length; i += 2) {
    const first = (doc.context.lookup(w[i]) as PDFNumber).asNumber();
    const list = doc.context.lookup(w[i + 1]);
    if (list instanceof PDFArray) {
      list.asArray().forEach((n, k) => widths.set(first + k, (n as PDFNumber).asNumber()));
    }
  }
  return { toUnicode, widths };
};

export type DrawnGlyph = {
  cid: number;
  text: string;
  font: string;
  x: number;
  y: number;
  size: number;
};

/** The glyphs an appearance stream draws, in stream order, with their pen positions. */
export const drawnGlyphs = (field: PDFField, widgetIndex = 0): DrawnGlyph[] => {
  const doc = field.doc;
  const stream = appearanceStream(field, widgetIndex);
  const fonts = stream.dict
    .lookup(PDFName.of('Resources'), PDFDict)
    .lookup(PDFName.of('Font'), PDFDict);
  const glyphs: DrawnGlyph[] = [];
  let font = '';
  let size = 0;
  let info: FontInfo | null = null;
  let x = 0;
  let y = 0;
  for (const line of streamText(stream).split('\n')) {
    const tf = line.match(/^\/(\S+) ([\d.]+) Tf$/);
    const tm = line.match(/^1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm$/);
    if (tf) {
      font = tf[1] ?? '';
      size = Number(tf[2]);
      info = fontInfo(doc, fonts.lookup(PDFName.of(font), PDFDict));
    } else if (tm) {
      x = Number(tm[1]);
      y = Number(tm[2]);
    } else if (line.endsWith('TJ') && info) {
      for (const part of line.slice(1, -4).matchAll(/<([0-9A-F]*)>|(-?[\d.]+)/gi)) {
        if (part[2] !== undefined) {
          x -= (Number(part[2]) * size) / 1000;
          continue;
        }
        for (const id of (part[1] ?? '').match(/.{4}/g) ?? []) {
          const cid = parseInt(id, 16);
          glyphs.push({ cid, text: info.toUnicode.get(cid) ?? '', font, x, y, size });
          x += ((info.widths.get(cid) ?? 0) * size) / 1000;
        }
      }
    }
  }
  return glyphs;
};

/** The embedded TrueType subset behind a font resource of a widget's appearance. */
export const embeddedFont = (field: PDFField, fontName: string): Uint8Array => {
  const font = appearanceStream(field)
    .dict.lookup(PDFName.of('Resources'), PDFDict)
    .lookup(PDFName.of('Font'), PDFDict)
    .lookup(PDFName.of(fontName), PDFDict);
  const descriptor = font
    .lookup(PDFName.of('DescendantFonts'), PDFArray)
    .lookup(0, PDFDict)
    .lookup(PDFName.of('FontDescriptor'), PDFDict);
  return bytesOf(rawStream(descriptor, 'FontFile2'));
};

/** Text of the glyphs sorted left to right (visual order), marks without text left out. */
export const visualText = (glyphs: DrawnGlyph[]): string =>
  [...glyphs]
    .filter((g) => g.text !== '' && !/\p{M}/u.test(g.text))
    .sort((a, b) => a.x - b.x)
    .map((g) => g.text)
    .join('');

/** pdftotext output without the bidi marks poppler puts around right-to-left text. */
export const extractText = (dir: string, bytes: Uint8Array, name: string): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-q', file, '-'])
    .toString('utf8')
    .normalize('NFKC')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
};

/** Renders one page with pdftoppm (throws if poppler fails) and returns the PNG path. */
export const renderPng = (dir: string, bytes: Uint8Array, name: string, dpi = 72): string => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, join(dir, name)], {
    stdio: 'pipe',
  });
  return join(dir, `${name}.png`);
};

/** `pdffonts` rows: name, embedded, subset, has ToUnicode. */
export const fontTable = (dir: string, bytes: Uint8Array, name: string): string[] => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2);
};
