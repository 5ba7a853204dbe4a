// A subset font whose glyphs we choose ourselves. pdf-lib's own subset embedder shapes text on
// its own (no bidi, no forced direction) and offers no way to add an already shaped glyph, so
// this embedder takes fontkit glyphs from our layout, numbers them in the subset, and on save
// writes the TrueType subset, its widths and a ToUnicode map (so the text stays extractable).
// pdf-lib embeds fonts only from its private font list at save time, and only once per PDFFont;
// `attachToDocument` puts the font there and attaches it again when glyphs were added after a
// save, so a document can be saved, filled further and saved again.

import { CustomFontEmbedder, PDFFont, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { PDFContext, PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import type { Font as FontkitFont, Glyph, Subset } from '@pdf-lib/fontkit';

type EmbedderFont = CustomFontEmbedder['font'];

type Refs = { cidFont: PDFRef; descriptor: PDFRef; fontFile: PDFRef; toUnicode: PDFRef };

/** PDF 32000 Table 123: Symbolic — the right flag for a CID font with Identity encoding. */
const SYMBOLIC = 4;

export class SubsetFontEmbedder extends CustomFontEmbedder {
  private readonly fontkitFont: FontkitFont;
  private readonly subset: Subset;
  /** Subset glyph n (n ≥ 1) is entry n - 1: the font's glyph and the text it stands for. */
  private readonly included: Array<{ glyph: Glyph; codePoints: number[] }> = [];
  /** "glyph id:code points" → subset id. */
  private readonly subsetIds = new Map<string, number>();
  private readonly fontGlyphs = new Set<number>();
  private refs: Refs | null = null;
  /** Glyphs in the file as last embedded; -1 before the first save. */
  private embeddedCount = -1;
  /** Handed to pdf-lib and not yet written. */
  private isPending = false;

  constructor(fontkitFont: FontkitFont, fontData: Uint8Array) {
    // @pdf-lib/fontkit's Font is the structural Font pdf-lib expects; its typings differ only
    // in how loosely they describe optional tables.
    super(fontkitFont as unknown as EmbedderFont, fontData);
    this.fontkitFont = fontkitFont;
    this.subset = fontkitFont.createSubset();
    padGlyphsToEvenLength(this.subset);
  }

  /** Not yet handed to pdf-lib, or glyphs were added since the font was last written. */
  get needsAttaching(): boolean {
    return !this.isPending && this.embeddedCount !== this.subsetIds.size;
  }

  /**
   * Adds a glyph standing for these characters to the subset and returns its id there. One
   * outline used for different characters (a shared Arabic letter skeleton) gets one subset
   * glyph per meaning, because ToUnicode maps glyph ids, not occurrences.
   */
  include(glyph: Glyph, codePoints: number[]): number {
    const key = `${glyph.id}:${codePoints.join(',')}`;
    const known = this.subsetIds.get(key);
    if (known !== undefined) return known;
    let id: number;
    if (this.fontGlyphs.has(glyph.id)) {
      const internals = this.subset as unknown as { glyphs?: number[] };
      if (!internals.glyphs) throw new Error('fontkit internals changed: Subset.glyphs is missing');
      internals.glyphs.push(glyph.id);
      id = internals.glyphs.length - 1;
    } else {
      id = this.subset.includeGlyph(glyph);
      this.fontGlyphs.add(glyph.id);
      if (id === 0) return 0; // .notdef: never drawn, since coverage is checked first
    }
    this.included[id - 1] = { glyph, codePoints };
    this.subsetIds.set(key, id);
    return id;
  }

  markPending(): void {
    this.isPending = true;
  }

  override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
    const fontRef = ref ?? context.nextRef();
    const refs = (this.refs ??= {
      cidFont: context.nextRef(),
      descriptor: context.nextRef(),
      fontFile: context.nextRef(),
      toUnicode: context.nextRef(),
    });
    this.embeddedCount = this.subsetIds.size;
    this.isPending = false;
    // A subset font's name starts with a six-letter tag (PDF 32000 §9.6.4), here derived from
    // the glyph set so the same fill gives the same file.
    const name = PDFName.of(`${subsetTag(this.included)}+${this.fontName}`);
    const { scale } = this;
    const font = this.fontkitFont;
    const bbox = font.bbox;
    context.assign(refs.fontFile, context.flateStream(await this.encodeSubset()));
    context.assign(refs.toUnicode, context.flateStream(toUnicodeCmap(this.included)));
    context.assign(
      refs.descriptor,
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: SYMBOLIC,
        FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
        ItalicAngle: font.italicAngle,
        Ascent: font.ascent * scale,
        Descent: font.descent * scale,
        CapHeight: (font.capHeight || font.ascent) * scale,
        XHeight: (font.xHeight || 0) * scale,
        StemV: 0,
        FontFile2: refs.fontFile,
      }),
    );
    context.assign(
      refs.cidFont,
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: {
          Registry: PDFString.of('Adobe'),
          Ordering: PDFString.of('Identity'),
          Supplement: 0,
        },
        FontDescriptor: refs.descriptor,
        CIDToGIDMap: 'Identity',
        W: this.widths(),
      }),
    );
    context.assign(
      fontRef,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [refs.cidFont],
        ToUnicode: refs.toUnicode,
      }),
    );
    return fontRef;
  }

  /** /W: one entry per run of consecutive subset ids (glyph components leave gaps). */
  private widths(): Array<number | number[]> {
    const w: Array<number | number[]> = [];
    let run: number[] = [];
    this.included.forEach((entry, index) => {
      if (run.length > 0 && this.included[index - 1] === undefined) run = [];
      if (run.length === 0) w.push(index + 1, run);
      run.push(Math.round(entry.glyph.advanceWidth * this.scale * 1000) / 1000);
    });
    return w;
  }

  private encodeSubset(): Promise<Uint8Array> {
    return new Promise((resolve) => {
      const parts: Uint8Array[] = [];
      this.subset
        .encodeStream()
        .on('data', (bytes) => parts.push(bytes))
        .on('end', () => resolve(concat(parts)));
    });
  }
}

/**
 * Registers the font so pdf-lib writes it when the document is saved — again when glyphs were
 * added after a save, because a PDFFont embeds only once.
 */
export const attachToDocument = (
  doc: PDFDocument,
  ref: PDFRef,
  embedder: SubsetFontEmbedder,
): void => {
  if (!embedder.needsAttaching) return;
  // pdf-lib keeps embeddable fonts in a private array and flushes it in save(); there is no
  // public way to add a font with a custom embedder.
  const internals = doc as unknown as { fonts?: unknown };
  if (!Array.isArray(internals.fonts)) {
    throw new Error('pdf-lib internals changed: PDFDocument.fonts is not an array');
  }
  internals.fonts.push(PDFFont.of(ref, doc, embedder));
  embedder.markPending();
};

// The internals of fontkit 1.1.1's TrueType subsetter that the workaround below touches.
type TtfSubsetInternals = {
  _addGlyph?: (gid: number) => number;
  glyf: Uint8Array[];
  offset: number;
};

/**
 * fontkit 1.1.1 writes a subset with a short `loca` table whenever it is under 64 KB, which
 * stores offsets halved — but copies glyph data unpadded. Fonts with a long `loca` (Noto Sans)
 * have odd-length glyphs, so every glyph after the first odd one lands at a wrong offset and
 * renders as garbage. Padding each glyph to an even length keeps the offsets exact.
 */
const padGlyphsToEvenLength = (subset: Subset): void => {
  const internals = subset as unknown as TtfSubsetInternals;
  const addGlyph = internals._addGlyph?.bind(subset);
  if (!addGlyph) throw new Error('fontkit internals changed: TTFSubset._addGlyph is missing');
  internals._addGlyph = (gid: number): number => {
    const index = addGlyph(gid);
    const data = internals.glyf[index];
    if (data && data.length % 2 === 1) {
      // The encoder's stream accepts only its own Buffer class (a bundled polyfill).
      const BufferClass = data.constructor as { alloc?: (size: number) => Uint8Array };
      if (!BufferClass.alloc) throw new Error('fontkit internals changed: glyph data is no Buffer');
      const padded = BufferClass.alloc(data.length + 1);
      padded.set(data);
      internals.glyf[index] = padded;
      internals.offset += 1;
    }
    return index;
  };
};

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

const utf16Hex = (codePoints: number[]): string =>
  codePoints
    .map((cp) => {
      if (cp < 0x10000) return hex4(cp);
      const v = cp - 0x10000;
      return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
    })
    .join('');

/** Subset id → Unicode text of the glyph (ligatures map to several code points). */
const toUnicodeCmap = (glyphs: Array<{ codePoints: number[] }>): string => {
  const entries: string[] = [];
  glyphs.forEach(({ codePoints }, index) => {
    if (codePoints.length === 0) return;
    entries.push(`<${hex4(index + 1)}> <${utf16Hex(codePoints)}>`);
  });
  const blocks: string[] = [];
  // A bfchar block may hold at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
};

/** `glyphs` may have gaps (glyph components the subsetter added on an earlier save). */
const subsetTag = (glyphs: Array<{ glyph: Glyph }>): string => {
  let hash = 2166136261;
  glyphs.forEach(({ glyph }) => {
    hash ^= glyph.id;
    hash = Math.imul(hash, 16777619) >>> 0;
  });
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
};
