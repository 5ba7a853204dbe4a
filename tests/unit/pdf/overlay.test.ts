// Overlay mode: the real flat Ausländerbehörde form filled through text boxes, read back with
// poppler (text and where it sits), qpdf --check, refusals naming the box, and the flat-form
// fingerprint (distinct per form, stable over a pdf-lib re-save, AcroForm fingerprints untouched).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPdf, inspectPdf } from '../../../src/pdf/index';
import type { PdfOverlayBox } from '../../../src/pdf/types';
import {
  loadNodeFonts,
  makeTempDir,
  pdfText,
  popplerErrors,
  qpdfCheck,
  readForm,
} from '../../helpers/pdf-forms';

const temp = makeTempDir();
afterAll(temp.remove);
const fonts = await loadNodeFonts();
const FLAT = 'de_berlin_lea_antrag_aufenthaltstitel_flat.pdf';
const PAGE_HEIGHT = 841.68;

const boxes: PdfOverlayBox[] = [
  { key: 'overlay-1', page: 0, rect: [240, 712, 300, 16] },
  { key: 'overlay-2', page: 0, rect: [240, 690, 300, 16], fontSize: 10 },
  { key: 'overlay-3', page: 1, rect: [100, 400, 200, 40], multiline: true },
  { key: 'overlay-4', page: 0, rect: [240, 668, 120, 16] },
];
const values = {
  'overlay-1': 'Öztürk',
  'overlay-2': 'Łukasz',
  'overlay-3': 'Шевченко\nTaras',
  'overlay-4': 'محمد',
};

type Word = { text: string; page: number; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word poppler finds, with its box (top-left origin, points). */
const words = (bytes: Uint8Array): Word[] => {
  const file = join(temp.dir, 'bbox.pdf');
  writeFileSync(file, bytes);
  const html = execFileSync('pdftotext', ['-q', '-bbox', file, '-']).toString('utf8');
  const found: Word[] = [];
  let page = -1;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (m) {
      const [, xMin, yMin, xMax, yMax, text] = m;
      found.push({
        text: text!.normalize('NFKC'),
        page,
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      });
    }
  }
  return found;
};

describe('filling the flat LEA form with overlay boxes', async () => {
  const result = await fillPdf(readForm(FLAT), values, { fonts, overlays: boxes });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const output = result.value;

  it('draws every script so that poppler extracts it', () => {
    const text = pdfText(temp.dir, output);
    for (const word of ['Öztürk', 'Łukasz', 'Шевченко', 'Taras']) expect(text).toContain(word);
    // Arabic comes out shaped; NFKC folds presentation forms back to the letters.
    expect(text.replace(/\s/g, '')).toContain('محمد');
  });

  it('puts the text inside its box on its page', () => {
    const found = words(output);
    const check = (text: string, box: PdfOverlayBox) => {
      const word = found.find((w) => w.text === text);
      expect(word, text).toBeDefined();
      const [x, y, width, height] = box.rect;
      expect(word!.page).toBe(box.page);
      expect(word!.xMin).toBeGreaterThanOrEqual(x - 0.5);
      expect(word!.xMax).toBeLessThanOrEqual(x + width + 0.5);
      expect(PAGE_HEIGHT - word!.yMax).toBeGreaterThanOrEqual(y - 3);
      expect(PAGE_HEIGHT - word!.yMin).toBeLessThanOrEqual(y + height + 3);
    };
    check('Öztürk', boxes[0]!);
    check('Łukasz', boxes[1]!);
    check('Шевченко', boxes[2]!);
  });

  it('passes qpdf --check and stays a flat form', async () => {
    expect(qpdfCheck(temp.dir, output)).toBeNull();
    expect(popplerErrors(temp.dir, output)).toEqual([]);
    const inspected = await inspectPdf(output);
    expect(inspected.ok && inspected.value.kind).toBe('flat');
  });

  it('fills fields and boxes apart: an unknown key is still refused', async () => {
    const refused = await fillPdf(readForm(FLAT), { nope: 'x' }, { fonts, overlays: boxes });
    expect(refused.ok || refused.error).toEqual({ code: 'pdf-field-unknown', field: 'nope' });
  });

  it('refuses a value that does not fit, naming the box', async () => {
    const refused = await fillPdf(
      readForm(FLAT),
      { 'overlay-4': 'Öztürk-Yılmaz von Hohenzollern-Sigmaringen und Schwarzburg-Rudolstadt' },
      { fonts, overlays: [{ key: 'overlay-4', page: 0, rect: [240, 668, 40, 16] }] },
    );
    expect(refused.ok || refused.error).toEqual({ code: 'pdf-value-too-long', field: 'overlay-4' });
  });

  it('refuses a character no font has, naming the box', async () => {
    const refused = await fillPdf(
      readForm(FLAT),
      { 'overlay-1': 'Öztürk 漢' },
      { fonts, overlays: boxes },
    );
    expect(refused.ok || refused.error).toMatchObject({
      code: 'pdf-glyph-missing',
      field: 'overlay-1',
      detail: expect.stringContaining('U+6F22'),
    });
  });

  it('refuses a box on a page the form does not have, and a non-text value', async () => {
    const offPage = await fillPdf(
      readForm(FLAT),
      { far: 'x' },
      {
        fonts,
        overlays: [{ key: 'far', page: 4, rect: [0, 0, 10, 10] }],
      },
    );
    expect(offPage.ok || offPage.code).toBe('pdf-field-unknown');
    const wrongType = await fillPdf(
      readForm(FLAT),
      { 'overlay-1': true },
      { fonts, overlays: boxes },
    );
    expect(wrongType.ok || wrongType.error).toEqual({
      code: 'pdf-value-type',
      field: 'overlay-1',
      detail: 'string',
    });
  });
});

describe('the flat-form fingerprint', () => {
  it('identifies the flat form, survives a re-save and differs from the empty-field hash', async () => {
    const original = await inspectPdf(readForm(FLAT));
    if (!original.ok) throw new Error(original.code);
    const doc = await PDFDocument.load(readForm(FLAT));
    const resaved = await inspectPdf(await doc.save({ useObjectStreams: true }));
    expect(resaved.ok && resaved.value.fingerprint).toBe(original.value.fingerprint);
    // The old fingerprint of every flat form: SHA-256 of an empty field list.
    expect(original.value.fingerprint).not.toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('changes when a page draws something else', async () => {
    const doc = await PDFDocument.load(readForm(FLAT));
    doc.getPage(0).drawRectangle({ x: 10, y: 10, width: 5, height: 5 });
    const changed = await inspectPdf(await doc.save());
    const original = await inspectPdf(readForm(FLAT));
    expect(changed.ok && original.ok).toBe(true);
    if (changed.ok && original.ok) {
      expect(changed.value.fingerprint).not.toBe(original.value.fingerprint);
    }
  });
});
