// From a value to lines of positioned glyphs. Each character gets a font (Arabic script → Noto
// Sans Arabic, other letters → Noto Sans, digits/spaces/punctuation/marks follow their
// neighbour), the Unicode Bidirectional Algorithm (bidi-js) gives each character its level, and
// a line is cut into runs of one font and one level. fontkit shapes each run (joining Arabic
// letters) in the run's direction — it reverses an RTL run itself — and the runs are put in
// visual order by rule L2 of UAX #9. fontkit alone does no bidi: digits inside Arabic text would
// come out reversed.

import bidiFactory from 'bidi-js';
import type { Glyph } from '@pdf-lib/fontkit';
import { shapeRun } from './fonts';
import type { EmbeddedFonts, FontKey, ParsedFont } from './fonts';

const bidi = bidiFactory();

/** A value prepared for layout: one paragraph, characters in logical order. */
export type Paragraph = {
  /** Code points as strings, already mirrored where the level is RTL. */
  chars: string[];
  levels: number[];
  fonts: FontKey[];
  /** Bidi formatting characters: they steer the algorithm but are not drawn. */
  hidden: boolean[];
  rtl: boolean;
};

export type PlacedGlyph = {
  font: FontKey;
  glyph: Glyph;
  /** The characters this glyph stands for, for text extraction. */
  codePoints: number[];
  x: number;
  y: number;
};

/** A line in visual order; all lengths in 1/1000 em (multiply by size / 1000). */
export type ShapedLine = {
  glyphs: PlacedGlyph[];
  width: number;
  rtl: boolean;
  /** Nominal line box of the fonts on the line. */
  ascent: number;
  descent: number;
  /** Real outline extent, to make sure nothing is clipped. */
  inkTop: number;
  inkBottom: number;
};

export type MissingGlyph = { missing: string };

const ARABIC_SCRIPT =
  /[\u0600-\u06FF\u0750-\u077F\u0870-\u089F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const NEUTRAL = /[\p{Z}\p{N}\p{P}\p{S}\p{M}\p{Cf}\p{Cc}]/u;
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** Joiners and variation selectors steer shaping; fontkit hides them when a font lacks them. */
const isIgnorable = (codePoint: number): boolean =>
  codePoint === 0x200c || codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f);

export const describeChar = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} ${char}`;

const fontOf = (fonts: EmbeddedFonts, key: FontKey): ParsedFont => fonts[key].parsed;

const other = (key: FontKey): FontKey => (key === 'latin' ? 'arabic' : 'latin');

/** Analyses one paragraph (no line breaks inside); fails on a character neither font has. */
export const analyse = (text: string, fonts: EmbeddedFonts): Paragraph | MissingGlyph => {
  const units = bidi.getEmbeddingLevels(text, 'auto');
  const chars: string[] = [];
  const originals: string[] = [];
  const levels: number[] = [];
  const strong: (FontKey | null)[] = [];
  const hidden: boolean[] = [];
  let unit = 0;
  for (const char of text) {
    const level = units.levels[unit] ?? 0;
    unit += char.length;
    const isHidden = BIDI_CONTROL.test(char);
    const mirrored = level % 2 === 1 ? bidi.getMirroredCharacter(char) : null;
    chars.push(mirrored ?? char);
    originals.push(char);
    levels.push(level);
    hidden.push(isHidden);
    strong.push(ARABIC_SCRIPT.test(char) ? 'arabic' : NEUTRAL.test(char) ? null : 'latin');
  }
  // Neutral characters take the font of the preceding strong character (else the next one), so
  // "محمد 2024" keeps its space and digits in the Arabic font's style.
  const assigned: FontKey[] = new Array<FontKey>(chars.length);
  let previous: FontKey | null = null;
  for (let i = 0; i < chars.length; i++) {
    previous = strong[i] ?? previous;
    assigned[i] = previous ?? 'latin';
  }
  const firstStrong = strong.findIndex((s) => s !== null);
  for (let i = 0; i < firstStrong; i++) assigned[i] = strong[firstStrong] ?? 'latin';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (hidden[i]) continue;
    const codePoint = char.codePointAt(0) ?? 0;
    const preferred = assigned[i] ?? 'latin';
    if (fontOf(fonts, preferred).font.hasGlyphForCodePoint(codePoint)) continue;
    if (fontOf(fonts, other(preferred)).font.hasGlyphForCodePoint(codePoint)) {
      assigned[i] = other(preferred);
      continue;
    }
    if (isIgnorable(codePoint)) continue;
    return { missing: describeChar(originals[i] ?? char) };
  }
  const rtl = (units.paragraphs[0]?.level ?? 0) % 2 === 1;
  return { chars, levels, fonts: assigned, hidden, rtl };
};

type Run = { text: string; level: number; font: FontKey };

/** Runs of one font and one level in [start, end), in logical order. */
const runsOf = (p: Paragraph, start: number, end: number): Run[] => {
  const runs: Run[] = [];
  for (let i = start; i < end; i++) {
    if (p.hidden[i]) continue;
    const level = p.levels[i] ?? 0;
    const font = p.fonts[i] ?? 'latin';
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.font === font) last.text += p.chars[i] ?? '';
    else runs.push({ text: p.chars[i] ?? '', level, font });
  }
  return runs;
};

/** Advance width of [start, end) in 1/1000 em. */
export const measure = (p: Paragraph, fonts: EmbeddedFonts, start: number, end: number): number => {
  let width = 0;
  for (const run of runsOf(p, start, end)) {
    width += shapeRun(fontOf(fonts, run.font), run.text, run.level % 2 === 1).advance;
  }
  return width;
};

/** Rule L2: reverse every maximal sequence at or above each odd level, highest first. */
const visualOrder = <T extends { level: number }>(items: T[]): T[] => {
  const order = [...items];
  const levels = order.map((r) => r.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < order.length) {
      if ((order[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (order[j]?.level ?? 0) >= level) j++;
      const reversed = order.slice(i, j).reverse();
      order.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return order;
};

const inkCache = new WeakMap<ParsedFont, Map<number, [number, number]>>();

const inkOf = (parsed: ParsedFont, glyph: Glyph): [number, number] => {
  let cache = inkCache.get(parsed);
  if (!cache) {
    cache = new Map();
    inkCache.set(parsed, cache);
  }
  const known = cache.get(glyph.id);
  if (known) return known;
  const { minY, maxY } = glyph.bbox;
  const ink: [number, number] =
    Number.isFinite(minY) && Number.isFinite(maxY) && maxY > minY
      ? [minY * parsed.scale, maxY * parsed.scale]
      : [0, 0];
  cache.set(glyph.id, ink);
  return ink;
};

/** Spaces a line may break at (not the no-break or figure spaces). */
const BREAKING_SPACE = /[ \u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]/u;

const isSpace = (char: string | undefined): boolean =>
  char !== undefined && BREAKING_SPACE.test(char);

/** Shapes [start, end) of a paragraph into one visual line (outer spaces dropped). */
export const shapeLine = (
  p: Paragraph,
  fonts: EmbeddedFonts,
  start = 0,
  end = p.chars.length,
): ShapedLine => {
  while (start < end && isSpace(p.chars[start])) start++;
  while (end > start && isSpace(p.chars[end - 1])) end--;
  return shapeLineRaw(p, fonts, start, end);
};

const shapeLineRaw = (
  p: Paragraph,
  fonts: EmbeddedFonts,
  start: number,
  end: number,
): ShapedLine => {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  let ascent = 0;
  let descent = 0;
  let inkTop = 0;
  let inkBottom = 0;
  for (const run of visualOrder(runsOf(p, start, end))) {
    const parsed = fontOf(fonts, run.font);
    ascent = Math.max(ascent, parsed.ascent);
    descent = Math.min(descent, parsed.descent);
    const shaped = shapeRun(parsed, run.text, run.level % 2 === 1);
    shaped.glyphs.forEach((glyph, i) => {
      const position = shaped.positions[i];
      if (!position) return;
      const y = position.yOffset * parsed.scale;
      glyphs.push({
        font: run.font,
        glyph,
        codePoints: shaped.codePoints[i] ?? [],
        x: pen + position.xOffset * parsed.scale,
        y,
      });
      const [bottom, top] = inkOf(parsed, glyph);
      if (top > bottom) {
        inkTop = Math.max(inkTop, top + y);
        inkBottom = Math.min(inkBottom, bottom + y);
      }
      pen += position.xAdvance * parsed.scale;
    });
  }
  if (glyphs.length === 0) {
    const latin = fontOf(fonts, 'latin');
    ascent = latin.ascent;
    descent = latin.descent;
  }
  return { glyphs, width: pen, rtl: p.rtl, ascent, descent, inkTop, inkBottom };
};

/**
 * Word wrap, greedy by spaces. A word longer than the line is broken between characters when
 * `breakWords`, else left whole (the line is then too wide and the caller tries a smaller size).
 */
export const wrap = (
  p: Paragraph,
  fonts: EmbeddedFonts,
  maxWidth: number,
  breakWords: boolean,
): Array<[number, number]> => {
  const lines: Array<[number, number]> = [];
  const n = p.chars.length;
  let lineStart = 0;
  let lineWidth = 0;
  let i = 0;
  while (i < n) {
    let wordEnd = i;
    while (wordEnd < n && !isSpace(p.chars[wordEnd])) wordEnd++;
    let spaceEnd = wordEnd;
    while (spaceEnd < n && isSpace(p.chars[spaceEnd])) spaceEnd++;
    const wordWidth = measure(p, fonts, i, wordEnd);
    if (lineWidth > 0 && lineWidth + wordWidth > maxWidth) {
      lines.push([lineStart, i]);
      lineStart = i;
      lineWidth = 0;
    }
    if (breakWords && lineWidth === 0 && wordWidth > maxWidth) {
      // Break the word itself, character by character.
      let pieceStart = i;
      for (let k = i + 1; k <= wordEnd; k++) {
        if (k > pieceStart + 1 && measure(p, fonts, pieceStart, k) > maxWidth) {
          lines.push([pieceStart, k - 1]);
          pieceStart = k - 1;
        }
      }
      lineStart = pieceStart;
      lineWidth = measure(p, fonts, pieceStart, wordEnd);
    } else {
      lineWidth += wordWidth;
    }
    lineWidth += measure(p, fonts, wordEnd, spaceEnd);
    i = spaceEnd;
  }
  if (lineStart < n || lines.length === 0) lines.push([lineStart, n]);
  return lines;
};

const MARK = /\p{M}/u;

/**
 * Characters for comb cells, in visual order: a base character with its combining marks is one
 * cell; each is shaped on its own (Arabic letters in their isolated form).
 */
export const combCells = (p: Paragraph, fonts: EmbeddedFonts): ShapedLine[] => {
  const clusters: Array<{ start: number; end: number; level: number }> = [];
  for (let i = 0; i < p.chars.length; i++) {
    if (p.hidden[i]) continue;
    const last = clusters[clusters.length - 1];
    if (last && last.end === i && MARK.test(p.chars[i] ?? '')) last.end = i + 1;
    else clusters.push({ start: i, end: i + 1, level: p.levels[i] ?? 0 });
  }
  return visualOrder(clusters).map((c) => shapeLineRaw(p, fonts, c.start, c.end));
};
