// Dropdown and list box appearances: the chosen option's display text drawn in the embedded
// fonts, the export value in /V, unknown options refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { PDFDropdown, PDFOptionList, PDFPage, PDFNumber } from '@cantoo/pdf-lib';
import { embedFonts, setChoiceFieldValue } from '../../../../src/pdf/appearance';
import type { FontSet } from '../../../../src/pdf/appearance';
import { loadNodeFonts } from '../../../../src/pdf/appearance/node-fonts';
import { makeTempDir, qpdfCheck } from '../../../helpers/pdf-forms';
import {
  appearanceText,
  drawnGlyphs,
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

const COUNTRIES = ['Deutschland', 'Türkiye', 'Україна', 'سوريا'];

const dropdownIn = (doc: PDFDocument, page: PDFPage): PDFDropdown => {
  const field = doc.getForm().createDropdown('country');
  field.addOptions(COUNTRIES);
  field.addToPage(page, { x: 50, y: 400, width: 200, height: 22 });
  field.acroField.setDefaultAppearance('/Helv 10 Tf 0 g');
  return field;
};

const listIn = (doc: PDFDocument, page: PDFPage): PDFOptionList => {
  const field = doc.getForm().createOptionList('language');
  field.addOptions(['Deutsch', 'العربية', 'Українська', 'فارسی', 'Kurmancî']);
  field.addToPage(page, { x: 50, y: 200, width: 150, height: 90 });
  field.acroField.setDefaultAppearance('/Helv 10 Tf 0 g');
  return field;
};

describe('a dropdown', () => {
  it('shows the chosen option and stores it in /V', async () => {
    const { doc, page } = await newForm();
    const field = dropdownIn(doc, page);
    const fonts = await embedFonts(doc, fontSet);
    expect(setChoiceFieldValue(doc, field, 'Україна', fonts, 'k')).toEqual({
      ok: true,
      value: undefined,
    });
    const bytes = await doc.save();
    const saved = (await PDFDocument.load(bytes)).getForm().getDropdown('country');
    expect(saved.getSelected()).toEqual(['Україна']);
    expect(visualText(drawnGlyphs(saved))).toBe('Україна');
    expect(extractText(temp.dir, bytes, 'dropdown.pdf')).toContain('Україна');
    expect(qpdfCheck(temp.dir, bytes, 'dropdown-check.pdf')).toBeNull();
    renderPng(temp.dir, bytes, 'dropdown');
  });

  it('right-aligns an Arabic option', async () => {
    const { doc, page } = await newForm();
    const field = dropdownIn(doc, page);
    const fonts = await embedFonts(doc, fontSet);
    setChoiceFieldValue(doc, field, 'سوريا', fonts, 'k');
    const saved = (await PDFDocument.load(await doc.save())).getForm().getDropdown('country');
    const glyphs = drawnGlyphs(saved);
    expect(visualText(glyphs)).toBe('ايروس');
    const width = saved.acroField.getWidgets()[0]?.getRectangle().width ?? 0;
    expect(Math.min(...glyphs.map((g) => g.x))).toBeGreaterThan(width / 2);
  });

  it('stores the export value and shows the display text of an [export display] option', async () => {
    const { doc, page } = await newForm();
    const field = dropdownIn(doc, page);
    field.acroField.dict.set(
      PDFName.of('Opt'),
      doc.context.obj([
        [PDFString.of('DE'), PDFString.of('Deutschland')],
        [PDFString.of('SY'), PDFHexString.fromText('سوريا')],
      ]),
    );
    const fonts = await embedFonts(doc, fontSet);
    expect(setChoiceFieldValue(doc, field, 'SY', fonts, 'k').ok).toBe(true);
    const saved = (await PDFDocument.load(await doc.save())).getForm().getDropdown('country');
    expect(saved.acroField.getValues().map((v) => v.decodeText())).toEqual(['SY']);
    expect(visualText(drawnGlyphs(saved))).toBe('ايروس');
  });

  it('refuses a value that is not an option, naming the field', async () => {
    const { doc, page } = await newForm();
    const field = dropdownIn(doc, page);
    const fonts = await embedFonts(doc, fontSet);
    expect(setChoiceFieldValue(doc, field, 'Atlantis', fonts, 'k')).toEqual({
      ok: false,
      code: 'pdf-option-unknown',
      error: { code: 'pdf-option-unknown', field: 'k', detail: 'Atlantis' },
    });
  });

  it('takes free text when the dropdown is editable', async () => {
    const { doc, page } = await newForm();
    const field = dropdownIn(doc, page);
    field.enableEditing();
    const fonts = await embedFonts(doc, fontSet);
    expect(setChoiceFieldValue(doc, field, 'Eritrea ኤርትራ', fonts, 'k')).toMatchObject({
      ok: false,
      error: { code: 'pdf-glyph-missing', field: 'k', detail: 'U+12A4 ኤ' },
    });
    expect(setChoiceFieldValue(doc, field, 'Éire', fonts, 'k').ok).toBe(true);
    expect(field.getSelected()).toEqual(['Éire']);
  });
});

describe('a list box', () => {
  it('lists the options from the top and highlights the chosen one', async () => {
    const { doc, page } = await newForm();
    const field = listIn(doc, page);
    const fonts = await embedFonts(doc, fontSet);
    expect(setChoiceFieldValue(doc, field, 'فارسی', fonts, 'k').ok).toBe(true);
    const bytes = await doc.save();
    const saved = (await PDFDocument.load(bytes)).getForm().getOptionList('language');
    expect(saved.getSelected()).toEqual(['فارسی']);
    const indices = saved.acroField.dict.lookup(PDFName.of('I'), PDFArray).asArray();
    expect(indices.map((n) => (n as PDFNumber).asNumber())).toEqual([3]);
    // Rows top down in option order: Deutsch, العربية, Українська, فارسی, Kurmancî.
    const glyphs = drawnGlyphs(saved);
    const rowOf = (letter: string): number => glyphs.find((g) => g.text === letter)?.y ?? NaN;
    expect(rowOf('D')).toBeGreaterThan(rowOf('У'));
    expect(rowOf('У')).toBeGreaterThan(rowOf('K'));
    // The chosen row is filled behind its text: the fill spans the baseline of "فارسی".
    const fill = appearanceText(saved).match(/0\.6 0\.757 0\.855 rg\n(\S+) (\S+) (\S+) (\S+) re f/);
    const [fillY, fillHeight] = [Number(fill?.[2]), Number(fill?.[4])];
    const farsi = rowOf('ف');
    expect(farsi).toBeGreaterThan(fillY);
    expect(farsi).toBeLessThan(fillY + fillHeight);
    const text = extractText(temp.dir, bytes, 'list.pdf');
    expect(text).toContain('فارسی');
    expect(text).toContain('Deutsch');
    expect(qpdfCheck(temp.dir, bytes, 'list-check.pdf')).toBeNull();
    renderPng(temp.dir, bytes, 'list');
  });
});
