// The two fonts a filled form draws with: Noto Sans (Latin, Cyrillic, Greek, Vietnamese) and
// Noto Sans Arabic. Parsing a font and warming fontkit's shaping tables costs ~150 ms, so parsed
// fonts and shaped runs are cached per font file for the whole session; the subset that goes into
// a document is per document and holds only the glyphs its fields use.

import { PDFDict, PDFName } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, Glyph, GlyphPosition } from '@pdf-lib/fontkit';
import { SubsetFontEmbedder, attachToDocument } from './subset-font';

/** TTF bytes of Noto Sans and Noto Sans Arabic (regular). */
export type FontSet = { latin: Uint8Array; arabic: Uint8Array };

export type FontKey = 'latin' | 'arabic';

export type ShapedRun = {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  /** The characters each glyph stands for (for ToUnicode); [] for a dot or mark split off. */
  codePoints: number[][];
  /** Advance of the whole run in 1/1000 em. */
  advance: number;
};

/** A parsed font with its shaping cache; shared by every document in this session. */
export type ParsedFont = {
  key: FontKey;
  font: FontkitFont;
  /** Font units → 1/1000 em. */
  scale: number;
  /** Nominal line box in 1/1000 em, used to place the baseline. */
  ascent: number;
  descent: number;
  runs: Map<string, ShapedRun>;
  isCapturing: boolean;
  /** Code points per glyph of the last layout, in logical order (see captureCodePoints). */
  lastCodePoints: number[][] | null;
};

/** A font as used in one document: the subset embedder and its resource name. */
export type DocumentFont = {
  parsed: ParsedFont;
  /** Resource name in the AcroForm /DR and in the appearance streams. */
  name: string;
  ref: PDFRef;
  embedder: SubsetFontEmbedder;
  /** Listed in the AcroForm /DR. */
  inResources: boolean;
};

/** Fonts embedded in one document; pass it to the field setters. Opaque to callers. */
export type EmbeddedFonts = {
  readonly doc: PDFDocument;
  readonly latin: DocumentFont;
  readonly arabic: DocumentFont;
};

const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();
const documentFonts = new WeakMap<PDFDocument, { set: FontSet; fonts: EmbeddedFonts }>();

// fontkit's layout takes glyphs instead of a string, and script, language and direction after
// the features; its typings omit both.
type LayoutWithDirection = (
  glyphs: Glyph[],
  features: string[],
  script: string | undefined,
  language: string | undefined,
  direction: 'ltr' | 'rtl',
) => { glyphs: Glyph[]; positions: GlyphPosition[] };

const RUN_CACHE_LIMIT = 5000;

/**
 * One glyph per character, each carrying its own character. fontkit keeps one Glyph object per
 * glyph id, with the code points of whoever created it first — [] when it was created as a
 * component of an accented letter (the "u" in "ü"). Layout reads those code points to pick Arabic
 * joining forms and we read them for ToUnicode, so each character gets a fresh view of its glyph.
 */
const glyphsOf = (parsed: ParsedFont, text: string): Glyph[] =>
  Array.from(text, (char) => {
    const codePoint = char.codePointAt(0) ?? 0;
    const glyph = Object.create(parsed.font.glyphForCodePoint(codePoint)) as Glyph;
    Object.defineProperty(glyph, 'codePoints', { value: [codePoint] });
    return glyph;
  });

/** Shapes one run of one font in one direction; glyphs come back in visual order. */
export const shapeRun = (parsed: ParsedFont, text: string, rtl: boolean): ShapedRun => {
  const cacheKey = (rtl ? 'r' : 'l') + text;
  const cached = parsed.runs.get(cacheKey);
  if (cached) return cached;
  const layout = parsed.font.layout.bind(parsed.font) as unknown as LayoutWithDirection;
  const script = parsed.key === 'arabic' ? 'arab' : undefined;
  if (!parsed.isCapturing) captureCodePoints(parsed);
  parsed.lastCodePoints = null;
  const run = layout(glyphsOf(parsed, text), [], script, undefined, rtl ? 'rtl' : 'ltr');
  let advance = 0;
  for (const position of run.positions) advance += position.xAdvance * parsed.scale;
  // Set during layout() by the hook in captureCodePoints; TypeScript cannot see that.
  const captured = parsed.lastCodePoints as number[][] | null;
  const logical =
    captured && captured.length === run.glyphs.length
      ? captured
      : run.glyphs.map((g) => g.codePoints);
  const codePoints = rtl ? [...logical].reverse() : logical;
  const shaped = { glyphs: run.glyphs, positions: run.positions, advance, codePoints };
  if (parsed.runs.size >= RUN_CACHE_LIMIT) parsed.runs.clear();
  parsed.runs.set(cacheKey, shaped);
  return shaped;
};

// fontkit 1.1.1 internals used by captureCodePoints.
type LayoutInternals = {
  _layoutEngine?: {
    engine?: { cleanup?: () => void; glyphInfos?: Array<{ codePoints: number[] }> | null };
  };
};

/**
 * fontkit caches one Glyph object per glyph id, so `glyph.codePoints` tells which character
 * first produced the glyph, not this one. Noto Sans Arabic draws many letters from one shared
 * skeleton plus dots (ب ت ث ن ي in initial form), so ToUnicode built from Glyph objects would
 * turn "نور" into "بور". The shaper's own glyph infos carry the right code points; they are
 * dropped in cleanup(), so we copy them just before.
 */
const captureCodePoints = (parsed: ParsedFont): void => {
  parsed.isCapturing = true;
  const engine = (parsed.font as unknown as LayoutInternals)._layoutEngine?.engine;
  const cleanup = engine?.cleanup?.bind(engine);
  if (!engine || !cleanup) throw new Error('fontkit internals changed: no layout engine cleanup');
  engine.cleanup = () => {
    parsed.lastCodePoints = engine.glyphInfos?.map((info) => [...info.codePoints]) ?? null;
    cleanup();
  };
};

const parse = (key: FontKey, bytes: Uint8Array): ParsedFont => {
  const known = parsedFonts.get(bytes);
  if (known) return known;
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  // Noto Sans Arabic's ascent/descent (1374/-738) leave room for stacked marks; for placing the
  // baseline a box around letters and common marks centres better. The ink check in layout.ts
  // still moves or shrinks any text whose real glyph outlines would leave the field.
  const parsed: ParsedFont = {
    key,
    font,
    scale,
    ascent: key === 'arabic' ? 1000 : font.ascent * scale,
    descent: key === 'arabic' ? -450 : font.descent * scale,
    runs: new Map(),
    isCapturing: false,
    lastCodePoints: null,
  };
  // fontkit reads the shaping tables on the first layout (~100 ms per font), so a form filled
  // without Arabic never pays for the Arabic font's.
  parsedFonts.set(bytes, parsed);
  return parsed;
};

const RESOURCE_NAMES: Record<FontKey, string> = { latin: 'LotseSans', arabic: 'LotseArabic' };

/**
 * Prepares both fonts for this document. Nothing is written until a field uses a font; then
 * the font is added to the AcroForm /DR and embedded as a subset when the document is saved.
 */
export const embedFonts = async (doc: PDFDocument, fonts: FontSet): Promise<EmbeddedFonts> => {
  const known = documentFonts.get(doc);
  if (known && known.set.latin === fonts.latin && known.set.arabic === fonts.arabic) {
    return known.fonts;
  }
  doc.registerFontkit(fontkit);
  const forDocument = (key: FontKey, bytes: Uint8Array): DocumentFont => {
    const parsed = parse(key, bytes);
    return {
      parsed,
      name: RESOURCE_NAMES[key],
      ref: doc.context.nextRef(),
      embedder: new SubsetFontEmbedder(parsed.font, bytes),
      inResources: false,
    };
  };
  const embedded: EmbeddedFonts = {
    doc,
    latin: forDocument('latin', fonts.latin),
    arabic: forDocument('arabic', fonts.arabic),
  };
  documentFonts.set(doc, { set: fonts, fonts: embedded });
  return embedded;
};

/** Called after a field drew with a font: (re-)embed it on save and list it in /DR. */
export const useFont = (fonts: EmbeddedFonts, font: DocumentFont): void => {
  attachToDocument(fonts.doc, font.ref, font.embedder);
  if (font.inResources) return;
  font.inResources = true;
  const acroForm = fonts.doc.getForm().acroForm.dict;
  const context = fonts.doc.context;
  let dr = acroForm.lookupMaybe(PDFName.of('DR'), PDFDict);
  if (!dr) {
    dr = context.obj({});
    acroForm.set(PDFName.of('DR'), dr);
  }
  let fontDict = dr.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fontDict) {
    fontDict = context.obj({});
    dr.set(PDFName.of('Font'), fontDict);
  }
  fontDict.set(PDFName.of(font.name), font.ref);
};
