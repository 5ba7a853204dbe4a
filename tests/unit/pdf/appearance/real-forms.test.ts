// Real official forms from ../shared/forms: every text field filled with multi-script values
// through the appearance module, saved, and checked with qpdf, pdftotext and pdftoppm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFDropdown, PDFOptionList, PDFTextField } from '@cantoo/pdf-lib';
import { embedFonts, setChoiceFieldValue, setTextFieldValue } from '../../../../src/pdf/appearance';
import type { FontSet } from '../../../../src/pdf/appearance';
import { loadNodeFonts } from '../../../../src/pdf/appearance/node-fonts';
import type { PdfResult } from '../../../../src/pdf/types';
import { makeTempDir, qpdfCheck, readForm } from '../../../helpers/pdf-forms';
import { extractText, renderPng } from './appearance-helpers';

let fontSet: FontSet;
const temp = makeTempDir();
beforeAll(async () => {
  fontSet = await loadNodeFonts();
});
afterAll(() => temp.remove());

const VALUES = ['Öztürk', 'محمد Öztürk 2024', 'Łukasz Шевченко', '12345', 'Berlin, 01.02.2024'];

type Filled = { doc: PDFDocument; written: Map<string, string>; failures: PdfResult<void>[] };

/** Fills every text field (value cut to /MaxLen) and picks the first option of every choice. */
const fillAll = async (bytes: Uint8Array): Promise<Filled> => {
  const doc = await PDFDocument.load(bytes, { password: '', updateMetadata: false });
  const fields = doc.getForm().getFields();
  const fonts = await embedFonts(doc, fontSet);
  const written = new Map<string, string>();
  const failures: PdfResult<void>[] = [];
  fields.forEach((field, i) => {
    if (field.acroField.getWidgets().length === 0) return;
    let result: PdfResult<void> | null = null;
    let value = '';
    if (field instanceof PDFTextField) {
      value = [...(VALUES[i % VALUES.length] ?? '')].slice(0, field.getMaxLength()).join('');
      result = setTextFieldValue(doc, field, value, fonts, field.getName());
    } else if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
      value = field.acroField.getOptions()[0]?.value.decodeText() ?? '';
      if (value) result = setChoiceFieldValue(doc, field, value, fonts, field.getName());
    }
    if (result?.ok) written.set(field.getName(), value);
    else if (result) failures.push(result);
  });
  return { doc, written, failures };
};

describe('Jobcenter Hauptantrag 04/2025', () => {
  it('fills every text field in Latin, Polish, Cyrillic and Arabic', async () => {
    const form = readForm('de_jc_hauptantrag_ha_2025-04.pdf');
    const { doc, written, failures } = await fillAll(form);
    expect(failures).toEqual([]);
    expect(written.size).toBeGreaterThan(50);
    const bytes = await doc.save();

    const reread = (await PDFDocument.load(bytes)).getForm();
    for (const [name, value] of written) expect(reread.getTextField(name).getText()).toBe(value);
    expect(qpdfCheck(temp.dir, bytes, 'ha-check.pdf')).toBeNull();
    const text = extractText(temp.dir, bytes, 'ha.pdf');
    for (const word of ['Öztürk', 'Łukasz', 'Шевченко', 'محمد', 'Berlin, 01.02.2024']) {
      expect(text).toContain(word);
    }
    renderPng(temp.dir, bytes, 'ha');
  }, 30_000);

  it('fills a second copy with the fonts already embedded once', async () => {
    // Speed is measured by `npm run bench` (tests/bench/pdf-bench.ts), not here.
    const form = readForm('de_jc_hauptantrag_ha_2025-04.pdf');
    await fillAll(form);
    const { written, failures } = await fillAll(form);
    expect(written.size).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 30_000);
});

describe('Elterngeld (733 fields, AES-256)', () => {
  it('fills every text field that can hold the value and stays valid', async () => {
    const form = readForm('de_berlin_elterngeld_antrag_aes256.pdf');
    const { doc, written, failures } = await fillAll(form);
    expect(written.size).toBeGreaterThan(200); // most of the 733 fields are checkboxes
    // Some boxes hold one or two digits: a name there is refused, not squeezed below 4 pt.
    for (const failure of failures) {
      expect(failure).toMatchObject({ ok: false, code: 'pdf-value-too-long' });
    }
    expect(failures.length).toBeLessThan(30);
    const bytes = await doc.save();
    expect(qpdfCheck(temp.dir, bytes, 'eg-check.pdf')).toBeNull();
    expect(extractText(temp.dir, bytes, 'eg.pdf')).toContain('Шевченко');
  }, 30_000);
});
