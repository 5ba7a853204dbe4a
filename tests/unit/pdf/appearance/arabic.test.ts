// Arabic script in filled fields: joined letter forms, right-to-left order with the Unicode
// Bidirectional Algorithm for digits and Latin inside, text that pdftotext gives back, and the
// decision that a right-to-left value starts at the right edge of a left-aligned field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { PDFTextField } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { embedFonts, setTextFieldValue } from '../../../../src/pdf/appearance';
import type { FontSet } from '../../../../src/pdf/appearance';
import { loadNodeFonts } from '../../../../src/pdf/appearance/node-fonts';
import { makeTempDir, qpdfCheck } from '../../../helpers/pdf-forms';
import {
  addTextField,
  drawnGlyphs,
  embeddedFont,
  extractText,
  newForm,
  renderPng,
  visualText,
} from './appearance-helpers';

let fontSet: FontSet;
const temp = makeTempDir();
beforeAll(async () => {
  fontSet = await loadNodeFonts();
});
afterAll(() => temp.remove());

/** Fills one field in a fresh form, saves, and returns the saved bytes and field. */
const filled = async (
  value: string,
  options: Parameters<typeof addTextField>[4] = { fontSize: 12 },
  rect = { x: 40, y: 400, width: 400, height: 30 },
): Promise<{ bytes: Uint8Array; field: PDFTextField }> => {
  const { doc, page } = await newForm();
  const field = addTextField(doc, page, 'f', rect, options);
  const fonts = await embedFonts(doc, fontSet);
  expect(setTextFieldValue(doc, field, value, fonts, 'f')).toEqual({ ok: true, value: undefined });
  const bytes = await doc.save();
  return { bytes, field: (await PDFDocument.load(bytes)).getForm().getTextField('f') };
};

const outlines = (font: fontkit.Font, ids: number[]): string[] =>
  ids.map((id) => font.getGlyph(id).path.toSVG());

describe('Arabic shaping', () => {
  it('draws "محمد" with the joined forms fontkit chooses, in visual (reversed) order', async () => {
    const { bytes, field } = await filled('محمد');
    const drawn = drawnGlyphs(field);
    const subset = fontkit.create(embeddedFont(field, 'LotseArabic'));
    const arabic = fontkit.create(fontSet.arabic);
    const expected = arabic.layout('محمد').glyphs; // fontkit returns RTL runs reversed
    expect(
      outlines(
        subset,
        drawn.map((g) => g.cid),
      ),
    ).toEqual(
      outlines(
        arabic,
        expected.map((g) => g.id),
      ),
    );
    // Joined forms differ from the isolated letters: initial, medial and final meem differ.
    const isolated = [...'محمد'].map((c) => arabic.glyphForCodePoint(c.codePointAt(0) ?? 0).id);
    expect(expected.map((g) => g.id)).not.toEqual([...isolated].reverse());
    // Visually the word reads right to left: the first letter is the rightmost glyph.
    expect(visualText(drawn)).toBe('دمحم');
    expect(extractText(temp.dir, bytes, 'mhmd.pdf')).toContain('محمد');
  });

  it('keeps letters that share one outline apart in the extracted text', async () => {
    // Noto Sans Arabic draws ب ت ث ن ي (initial/medial) from one skeleton plus dots.
    const value = 'نور بيت ثابت شيرين';
    const { bytes } = await filled(value);
    expect(extractText(temp.dir, bytes, 'skeleton.pdf')).toContain(value);
  });

  it('draws Persian, Urdu and Pashto letters', async () => {
    // With a zero-width non-joiner (U+200C), as Persian writes "می‌خواهم".
    const value = 'پژوهش گل چای ټول ښار ړوند ے می\u200Cخواهم';
    const { bytes, field } = await filled(value);
    expect(drawnGlyphs(field).length).toBeGreaterThan(15);
    expect(extractText(temp.dir, bytes, 'fa-ur-ps.pdf')).toContain('پژوهش گل چای');
    expect(qpdfCheck(temp.dir, bytes, 'fa-ur-ps-check.pdf')).toBeNull();
  });

  it('places vowel marks above their letters', async () => {
    const { field } = await filled('مُحَمَّد');
    const drawn = drawnGlyphs(field);
    const letters = drawn.filter((g) => !/\p{M}/u.test(g.text));
    const marks = drawn.filter((g) => /\p{M}/u.test(g.text));
    expect(marks).toHaveLength(4);
    // GPOS moves marks off the baseline: each starts its own text position.
    for (const mark of marks) expect(mark.y).not.toBe(letters[0]?.y);
  });
});

describe('bidirectional text', () => {
  it('keeps digits left to right inside Arabic: "محمد 2024"', async () => {
    const { bytes, field } = await filled('محمد 2024');
    expect(visualText(drawnGlyphs(field))).toBe('2024 دمحم');
    expect(extractText(temp.dir, bytes, 'digits.pdf')).toContain('2024');
  });

  it('orders a mixed value by the bidi algorithm: "محمد Öztürk 2024"', async () => {
    const { bytes, field } = await filled('محمد Öztürk 2024');
    // Base direction RTL (first strong letter is Arabic): the Latin part stands to the left.
    expect(visualText(drawnGlyphs(field))).toBe('Öztürk 2024 دمحم');
    const text = extractText(temp.dir, bytes, 'mixed.pdf');
    expect(text).toContain('Öztürk');
    expect(text).toContain('محمد');
  });

  it('keeps an Arabic name inside a German sentence in place: "Herr محمد علي kommt"', async () => {
    const { field } = await filled('Herr محمد علي kommt');
    expect(visualText(drawnGlyphs(field))).toBe('Herr يلع دمحم kommt');
  });

  it('mirrors brackets in right-to-left text and keeps Arabic-Indic digits in order', async () => {
    const { field } = await filled('علي (٢٠٢٤)');
    // Visual order left to right: "(", the digits ٢٠٢٤ as written, ")", then "يلع".
    expect(visualText(drawnGlyphs(field))).toBe('(٢٠٢٤) يلع');
  });
});

describe('alignment of right-to-left values', () => {
  it('starts an Arabic value at the right edge of a left-aligned field', async () => {
    const { field } = await filled('محمد', { fontSize: 12 });
    const width = field.acroField.getWidgets()[0]?.getRectangle().width ?? 0;
    const drawn = drawnGlyphs(field);
    const rightmost = drawn.reduce((a, b) => (b.x > a.x ? b : a));
    const arabic = fontkit.create(fontSet.arabic);
    const lastAdvance = arabic.layout('م').glyphs[0]?.advanceWidth ?? 0;
    // The initial meem is wider than the isolated one; allow a few points.
    expect(rightmost.x + (lastAdvance * 12) / 1000).toBeGreaterThan(width - 3 - 4);
    expect(Math.min(...drawn.map((g) => g.x))).toBeGreaterThan(width / 2);
  });

  it('still starts a Latin value at the left', async () => {
    const { field } = await filled('Öztürk محمد');
    expect(Math.min(...drawnGlyphs(field).map((g) => g.x))).toBeCloseTo(3, 0);
  });

  it('honours /Q center for Arabic', async () => {
    const { field } = await filled('محمد', { fontSize: 12, alignment: 1 });
    const width = field.acroField.getWidgets()[0]?.getRectangle().width ?? 0;
    const xs = drawnGlyphs(field).map((g) => g.x);
    expect(Math.min(...xs)).toBeGreaterThan(width / 2 - 30);
    expect(Math.max(...xs)).toBeLessThan(width / 2 + 30);
  });
});

describe('a multi-script line, rendered', () => {
  it('renders "محمد Öztürk Шевченко Łukasz 2024" with poppler', async () => {
    const value = 'محمد Öztürk Шевченко Łukasz 2024';
    const { bytes, field } = await filled(
      value,
      { fontSize: 14 },
      {
        x: 40,
        y: 420,
        width: 420,
        height: 36,
      },
    );
    expect(visualText(drawnGlyphs(field))).toBe('Öztürk Шевченко Łukasz 2024 دمحم');
    const text = extractText(temp.dir, bytes, 'render.pdf');
    for (const word of ['محمد', 'Öztürk', 'Шевченко', 'Łukasz', '2024']) {
      expect(text).toContain(word);
    }
    expect(qpdfCheck(temp.dir, bytes, 'render-check.pdf')).toBeNull();
    // Rendered into the system temp folder on purpose, so a person can look at it.
    const png = renderPng(tmpdir(), bytes, 'lotse-appearance-mixed', 144);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});
