// Text field appearances in small forms built here, checked with the real tools: pdftotext must
// find the value, qpdf --check must pass, poppler must render it; positions are read back from
// the saved appearance streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { PDFTextField, PDFNumber } from '@cantoo/pdf-lib';
import { embedFonts, setTextFieldValue } from '../../../../src/pdf/appearance';
import type { FontSet } from '../../../../src/pdf/appearance';
import { loadNodeFonts } from '../../../../src/pdf/appearance/node-fonts';
import { darkPixels, makeTempDir, qpdfCheck } from '../../../helpers/pdf-forms';
import {
  addTextField,
  appearanceStream,
  appearanceText,
  drawnGlyphs,
  extractText,
  fontTable,
  newForm,
  renderPng,
} from './appearance-helpers';

let fontSet: FontSet;
const temp = makeTempDir();
beforeAll(async () => {
  fontSet = await loadNodeFonts();
});
afterAll(() => temp.remove());

/** Saves with pdf-lib's defaults (which redraw dirty fields) and loads the result again. */
const roundTrip = async (doc: PDFDocument): Promise<{ bytes: Uint8Array; doc: PDFDocument }> => {
  const bytes = await doc.save();
  return { bytes, doc: await PDFDocument.load(bytes) };
};

/** The field after saving and loading again (fonts are only written on save). */
const saved = async (doc: PDFDocument, name: string): Promise<PDFTextField> =>
  (await roundTrip(doc)).doc.getForm().getTextField(name);

/** Width and height of the first widget (pdf-lib adds the border width to the rectangle). */
const size = (field: PDFTextField): { width: number; height: number } => {
  const rect = field.acroField.getWidgets()[0]?.getRectangle();
  return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
};

const fill = async (
  field: PDFTextField,
  value: string,
): Promise<ReturnType<typeof setTextFieldValue>> => {
  const fonts = await embedFonts(field.doc, fontSet);
  return setTextFieldValue(field.doc, field, value, fonts, `key:${field.getName()}`);
};

// First in this file on purpose: fontkit creates the glyph of "w" without text when it first
// meets it as a part of "ŵ"; the letter must still extract as "w" afterwards.
describe('a letter first met inside an accented letter', () => {
  it('still extracts as itself', async () => {
    const { doc, page } = await newForm();
    const first = addTextField(doc, page, 'a', { x: 50, y: 400, width: 200, height: 24 });
    const second = addTextField(doc, page, 'b', { x: 50, y: 300, width: 200, height: 24 });
    await fill(first, 'Ŵŵ');
    await fill(second, 'Wawa');
    expect(drawnGlyphs(await saved(doc, 'b')).map((g) => g.text)).toEqual(['W', 'a', 'w', 'a']);
  });
});

describe('a plain text field', () => {
  it('shows Latin, Polish and Cyrillic text that pdftotext finds and poppler draws', async () => {
    const { doc, page } = await newForm();
    const rect = { x: 50, y: 400, width: 300, height: 24 };
    const field = addTextField(doc, page, 'name', rect, { fontSize: 11 });
    expect(await fill(field, 'Öztürk Łukasz Шевченко Ελένη Nguyễn')).toEqual({
      ok: true,
      value: undefined,
    });
    const { bytes, doc: saved } = await roundTrip(doc);
    expect(saved.getForm().getTextField('name').getText()).toBe(
      'Öztürk Łukasz Шевченко Ελένη Nguyễn',
    );
    const text = extractText(temp.dir, bytes, 'plain.pdf');
    for (const word of ['Öztürk', 'Łukasz', 'Шевченко', 'Ελένη', 'Nguyễn']) {
      expect(text).toContain(word);
    }
    expect(qpdfCheck(temp.dir, bytes, 'plain-check.pdf')).toBeNull();
    renderPng(temp.dir, bytes, 'plain');
    expect(darkPixels(temp.dir, bytes, 1, rect, 500)).toBeGreaterThan(100);
  });

  it('embeds only a subset of Noto Sans, with a ToUnicode map', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'name', { x: 50, y: 400, width: 300, height: 24 });
    const empty = await doc.save();
    await fill(field, 'Öztürk');
    const { bytes } = await roundTrip(doc);
    const rows = fontTable(temp.dir, bytes, 'fonts.pdf');
    expect(rows).toHaveLength(1);
    // name, type ("CID TrueType"), encoding, then emb sub uni.
    expect(rows[0]).toMatch(
      /^[A-Z]{6}\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );
    // The full font is 629 KB; six glyphs are a few KB.
    expect(bytes.length - empty.length).toBeLessThan(15_000);
  });

  it('names the drawn font in /DA, keeps the size, and lists the font in the AcroForm /DR', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(
      doc,
      page,
      'name',
      { x: 50, y: 400, width: 300, height: 24 },
      {
        fontSize: 9,
      },
    );
    await fill(field, 'Öztürk');
    const { doc: saved } = await roundTrip(doc);
    const reloaded = saved.getForm().getTextField('name');
    expect(reloaded.acroField.getDefaultAppearance()).toBe('/LotseSans 9 Tf 0 g');
    const dr = saved.getForm().acroForm.dict.lookup(PDFName.of('DR'), PDFDict);
    const font = dr.lookup(PDFName.of('Font'), PDFDict).lookup(PDFName.of('LotseSans'), PDFDict);
    expect(font.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe('Type0');
    // pdf-lib's save did not redraw the field with Helvetica.
    expect(appearanceText(reloaded)).toContain('/LotseSans 9 Tf');
    expect(appearanceText(reloaded)).not.toContain('Helv');
  });

  it('starts a left-aligned value at the left inset', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'name', { x: 50, y: 400, width: 300, height: 24 });
    await fill(field, 'Öztürk');
    const glyphs = drawnGlyphs(await saved(doc, 'name'));
    expect(glyphs.map((g) => g.text).join('')).toBe('Öztürk');
    expect(glyphs[0]?.x).toBeCloseTo(3, 1); // 1 pt border + 2 pt padding
  });

  it('ends a right-aligned (/Q 2) value at the right inset', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(
      doc,
      page,
      'amount',
      { x: 50, y: 400, width: 200, height: 24 },
      {
        alignment: 2,
        fontSize: 10,
      },
    );
    await fill(field, '1.234,56 €');
    const glyphs = drawnGlyphs(await saved(doc, 'amount'));
    const last = glyphs[glyphs.length - 1];
    const euroWidth = 572; // Noto Sans advance of "€" in 1/1000 em
    expect((last?.x ?? 0) + (euroWidth * 10) / 1000).toBeCloseTo(size(field).width - 3, 1);
  });

  it('auto size (/DA 0) shrinks a long value to the width instead of clipping it', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'place', { x: 50, y: 400, width: 80, height: 20 });
    await fill(field, 'Berlin-Charlottenburg-Wilmersdorf');
    const glyphs = drawnGlyphs(await saved(doc, 'place'));
    const fontSize = glyphs[0]?.size ?? 0;
    expect(fontSize).toBeLessThan(8);
    expect(fontSize).toBeGreaterThanOrEqual(4);
    const last = glyphs[glyphs.length - 1]; // "f", 342/1000 em wide
    expect((last?.x ?? 0) + (342 * fontSize) / 1000).toBeCloseTo(size(field).width - 3, 1);
  });

  it('shrinks a fixed size too when the value would overflow', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(
      doc,
      page,
      'place',
      { x: 50, y: 400, width: 120, height: 20 },
      {
        fontSize: 12,
      },
    );
    await fill(field, 'Schöneberg-Friedenau 12');
    expect(drawnGlyphs(await saved(doc, 'place'))[0]?.size).toBeLessThan(12);
  });

  it('refuses a value that would need less than 4 pt, leaving the field untouched', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'day', { x: 50, y: 400, width: 12, height: 14 });
    const result = await fill(field, 'Öztürk Mehmet');
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-value-too-long',
      error: { code: 'pdf-value-too-long', field: 'key:day' },
    });
    expect(field.getText()).toBeUndefined();
  });

  it('refuses a value longer than /MaxLen', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'zip', { x: 50, y: 400, width: 120, height: 20 });
    field.setMaxLength(5);
    expect(await fill(field, '123456')).toMatchObject({
      ok: false,
      error: { code: 'pdf-value-too-long', field: 'key:zip', detail: '6/5' },
    });
  });
});

describe('saving more than once', () => {
  it('writes glyphs added after a save into the same font on the next save', async () => {
    const { doc, page } = await newForm();
    const a = addTextField(doc, page, 'a', { x: 50, y: 400, width: 300, height: 24 });
    const b = addTextField(doc, page, 'b', { x: 50, y: 300, width: 300, height: 24 });
    await fill(a, 'Öztürk');
    await doc.save();
    await fill(b, 'Шевченко Łukasz');
    const bytes = await doc.save();
    const text = extractText(temp.dir, bytes, 'twice.pdf');
    expect(text).toContain('Öztürk');
    expect(text).toContain('Шевченко Łukasz');
    expect(fontTable(temp.dir, bytes, 'twice-fonts.pdf')).toHaveLength(1);
    expect(qpdfCheck(temp.dir, bytes, 'twice-check.pdf')).toBeNull();
    // The font file was replaced, not copied: one descriptor in the whole file.
    const reloaded = await PDFDocument.load(bytes);
    const descriptors = reloaded.context
      .enumerateIndirectObjects()
      .filter(
        ([, o]) =>
          o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'),
      );
    expect(descriptors).toHaveLength(1);
  });
});

describe('flattening with pdf-lib', () => {
  it('keeps the drawn appearance (no redraw in WinAnsi Helvetica)', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'name', { x: 50, y: 400, width: 300, height: 24 });
    await fill(field, 'محمد Łukasz');
    doc.getForm().flatten();
    const bytes = await doc.save();
    expect((await PDFDocument.load(bytes)).getForm().getFields()).toHaveLength(0);
    const text = extractText(temp.dir, bytes, 'flat.pdf');
    expect(text).toContain('Łukasz');
    expect(text).toContain('محمد');
  });
});

describe('characters no font can draw', () => {
  it.each([
    ['an emoji', 'Ali 😀', 'U+1F600 😀'],
    ['Ethiopic', 'ሰላም', 'U+1230 ሰ'],
    ['CJK', 'Wang 王', 'U+738B 王'],
  ])('refuses %s, naming the field and the character', async (_, value, detail) => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'name', { x: 50, y: 400, width: 300, height: 24 });
    field.setText('vorher');
    const result = await fill(field, value);
    expect(result).toEqual({
      ok: false,
      code: 'pdf-glyph-missing',
      error: { code: 'pdf-glyph-missing', field: 'key:name', detail },
    });
    expect(field.getText()).toBe('vorher');
  });
});

describe('a comb field', () => {
  it('puts each character centred in its own cell (maxLen 11)', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(
      doc,
      page,
      'taxId',
      { x: 50, y: 400, width: 220, height: 20 },
      {
        comb: 11,
        fontSize: 10,
      },
    );
    await fill(field, '12345678901');
    const { bytes, doc: reloaded } = await roundTrip(doc);
    const glyphs = drawnGlyphs(reloaded.getForm().getTextField('taxId'));
    expect(glyphs.map((g) => g.text).join('')).toBe('12345678901');
    const cell = (size(field).width - 2) / 11; // 1 pt border on each side
    const digit = (572 * 10) / 1000; // Noto Sans digits are 572/1000 em wide
    glyphs.forEach((glyph, i) => {
      expect(glyph.x).toBeCloseTo(1 + i * cell + (cell - digit) / 2, 2);
    });
    expect(extractText(temp.dir, bytes, 'comb.pdf').replace(/\s/g, '')).toContain('12345678901');
    expect(qpdfCheck(temp.dir, bytes, 'comb-check.pdf')).toBeNull();
  });

  it('leaves the remaining cells empty for a shorter value', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(
      doc,
      page,
      'zip',
      { x: 50, y: 400, width: 100, height: 20 },
      {
        comb: 5,
        fontSize: 10,
      },
    );
    await fill(field, '107');
    const xs = drawnGlyphs(await saved(doc, 'zip')).map((g) => g.x);
    expect(xs).toHaveLength(3);
    const cell = (size(field).width - 2) / 5;
    xs.forEach((x, i) => expect(x).toBeCloseTo(1 + i * cell + (cell - 5.72) / 2, 2));
  });
});

describe('a multiline field', () => {
  it('wraps by words and writes lines from the top', async () => {
    const { doc, page } = await newForm();
    const rect = { x: 50, y: 300, width: 160, height: 90 };
    const field = addTextField(doc, page, 'notes', rect, { multiline: true, fontSize: 10 });
    const value =
      'Familie Öztürk wohnt seit März in der Gemeinschaftsunterkunft Schöneberg.\nTermin: Jobcenter';
    await fill(field, value);
    const glyphs = drawnGlyphs(await saved(doc, 'notes'));
    const { width, height } = size(field);
    const baselines = [...new Set(glyphs.map((g) => g.y))].sort((a, b) => b - a);
    expect(baselines.length).toBeGreaterThanOrEqual(4);
    // First baseline one ascent (1.069 em) below the top inset; lines 1.362 em apart.
    expect(baselines[0]).toBeCloseTo(height - 3 - 10.69, 1);
    expect((baselines[0] ?? 0) - (baselines[1] ?? 0)).toBeCloseTo(13.62, 1);
    for (const glyph of glyphs) expect(glyph.x).toBeLessThan(width - 3);
    // No word is split: every line starts with the beginning of a word.
    const lines = baselines.map((y) =>
      glyphs
        .filter((g) => g.y === y)
        .map((g) => g.text)
        .join(''),
    );
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(value.replace(/\s+/g, ' '));
    const { bytes } = await roundTrip(doc);
    expect(extractText(temp.dir, bytes, 'multi.pdf')).toContain('Gemeinschaftsunterkunft');
    expect(qpdfCheck(temp.dir, bytes, 'multi-check.pdf')).toBeNull();
  });

  it('shows a tab as a space and never breaks at a no-break space', async () => {
    const { doc, page } = await newForm();
    // 45 pt inside: "Herr Dr. Öztürk" (72 pt at 10 pt) fits only when made smaller.
    const rect = { x: 50, y: 300, width: 50, height: 90 };
    const field = addTextField(doc, page, 'notes', rect, { multiline: true, fontSize: 10 });
    expect((await fill(field, 'Tel.\t030 1234\nHerr\u00A0Dr.\u00A0Öztürk')).ok).toBe(true);
    const glyphs = drawnGlyphs(await saved(doc, 'notes'));
    const lines = [...new Set(glyphs.map((g) => g.y))].sort((a, b) => b - a);
    const lineText = (y: number | undefined): string =>
      glyphs
        .filter((g) => g.y === y)
        .map((g) => g.text)
        .join('');
    expect(lineText(lines[0])).toBe('Tel. 030 1234');
    expect(lineText(lines[1])).toBe('Herr\u00A0Dr.\u00A0Öztürk');
  });
});

describe('a word longer than a multiline field is wide', () => {
  it('is broken between letters when no size down to 4 pt fits it whole', async () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwe';
    const { doc, page } = await newForm();
    const rect = { x: 50, y: 300, width: 40, height: 120 };
    const field = addTextField(doc, page, 'notes', rect, { multiline: true, fontSize: 10 });
    expect((await fill(field, word)).ok).toBe(true);
    const glyphs = drawnGlyphs(await saved(doc, 'notes'));
    expect(new Set(glyphs.map((g) => g.y)).size).toBeGreaterThan(3);
    expect(glyphs.map((g) => g.text).join('')).toBe(word);
    expect(glyphs[0]?.size).toBe(10);
  });
});

describe('a rotated widget (/MK /R 90)', () => {
  it('draws the text turned with the widget', async () => {
    const { doc, page } = await newForm();
    const field = addTextField(doc, page, 'side', { x: 50, y: 100, width: 24, height: 200 });
    const widget = field.acroField.getWidgets()[0];
    widget?.getOrCreateAppearanceCharacteristics().setRotation(90);
    await fill(field, 'Öztürk');
    const { width, height } = size(field);
    expect(appearanceText(field)).toContain(`0 1 -1 0 ${width} 0 cm`);
    const bbox = appearanceStream(field).dict.lookup(PDFName.of('BBox'), PDFArray).asArray();
    expect(bbox.map((n) => (n as PDFNumber).asNumber())).toEqual([0, 0, width, height]);
    const { bytes } = await roundTrip(doc);
    expect(extractText(temp.dir, bytes, 'rotated.pdf')).toContain('Öztürk');
    expect(qpdfCheck(temp.dir, bytes, 'rotated-check.pdf')).toBeNull();
  });
});
