// The fill screen's rules over a real form: page order, too-long values, what goes into the PDF.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../src/pdf/index';
import type { PdfField, PdfInspection } from '../../../src/pdf/types';
import {
  blocksOutput,
  charLength,
  fillableFields,
  isFromCase,
  needsOverlay,
  outputFileName,
  tooLongValues,
  valuesForFill,
} from '../../../src/ui/screens/forms/draft-model';

const FORMS = resolve(import.meta.dirname, '../../../../shared/forms');
let hauptantrag: PdfInspection;

beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync(resolve(FORMS, 'de_jc_hauptantrag_ha_2025-04.pdf')));
  const result = await inspectPdf(bytes);
  if (!result.ok) throw new Error(result.code);
  hauptantrag = result.value;
});

const field = (patch: Partial<PdfField>): PdfField => ({
  name: 'f',
  key: 'f',
  type: 'text',
  label: null,
  page: 1,
  rect: { x: 0, y: 0, width: 10, height: 10 },
  maxLen: null,
  comb: false,
  options: [],
  onValue: null,
  readOnly: false,
  ...patch,
});

describe('fillableFields', () => {
  it('walks the Hauptantrag page by page, top to bottom, starting with the first name', () => {
    const fields = fillableFields(hauptantrag);
    expect(fields.length).toBeGreaterThan(100);
    expect(fields[0]?.key).toBe('txtfPersonVorname');
    const pages = fields.map((f) => f.page ?? Infinity);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    for (let i = 1; i < fields.length; i++) {
      const [a, b] = [fields[i - 1], fields[i]];
      if (a?.page === b?.page && a?.rect && b?.rect) {
        expect(b.rect.y, `${a.key} → ${b.key}`).toBeLessThanOrEqual(a.rect.y + 2);
      }
    }
  });

  it('leaves out buttons, signatures and read-only fields', () => {
    const inspection: PdfInspection = {
      ...hauptantrag,
      fields: [
        field({ key: 'a', type: 'button' }),
        field({ key: 'b', type: 'signature' }),
        field({ key: 'c', readOnly: true }),
        field({ key: 'd', page: 2 }),
        field({ key: 'e', page: null }),
        field({ key: 'f', type: 'checkbox' }),
      ],
    };
    expect(fillableFields(inspection).map((f) => f.key)).toEqual(['f', 'd', 'e']);
  });
});

describe('values', () => {
  it('flags values longer than the field in characters, not UTF-16 units', () => {
    const fields = [field({ key: 'plz', maxLen: 5 }), field({ key: 'name', maxLen: 4 })];
    expect(charLength('محمد')).toBe(4);
    expect(charLength('𝔄𝔅')).toBe(2);
    expect(tooLongValues(fields, { plz: '101150', name: 'محمد' })).toEqual([
      { key: 'plz', length: 6, max: 5 },
    ]);
    expect(tooLongValues(fields, { plz: '10115', name: '𝔄𝔅𝔄𝔅' })).toEqual([]);
  });

  it('flags overlay box values too wide for their box, with about how many characters fit', () => {
    const box = {
      key: 'overlay-1',
      page: 0,
      rect: [100, 700, 60, 18] as [number, number, number, number],
    };
    const fields = [field({ key: 'overlay-1', maxLen: null })];
    const long = 'Haidari '.repeat(10).trim();
    const [flagged, ...rest] = tooLongValues(fields, { 'overlay-1': long }, [box]);
    expect(rest).toEqual([]);
    expect(flagged).toMatchObject({ key: 'overlay-1', length: long.length, isBox: true });
    expect(flagged!.max).toBeGreaterThan(10);
    expect(flagged!.max).toBeLessThan(long.length);
    expect(tooLongValues(fields, { 'overlay-1': 'Haidari' }, [box])).toEqual([]);
    // A box of another draft (not among the fields shown) is not judged.
    expect(tooLongValues([], { 'overlay-1': long }, [box])).toEqual([]);
  });

  it('lets a PDF be made when only a box estimate says too wide; a field over maxLen blocks', () => {
    // The engine draws this name in a 68 × 18 pt box, while the estimate warns.
    const box = {
      key: 'overlay-1',
      page: 0,
      rect: [100, 700, 68, 18] as [number, number, number, number],
    };
    const fields = [field({ key: 'overlay-1', maxLen: null }), field({ key: 'plz', maxLen: 5 })];
    const name = 'Müller-Lüdenscheidt, Hans-Jürgen';
    const boxOnly = tooLongValues(fields, { 'overlay-1': name }, [box]);
    expect(boxOnly).toMatchObject([{ key: 'overlay-1', isBox: true }]);
    expect(blocksOutput(boxOnly)).toBe(false);
    const withField = tooLongValues(fields, { 'overlay-1': name, plz: '101150' }, [box]);
    expect(blocksOutput(withField)).toBe(true);
    expect(blocksOutput([])).toBe(false);
  });

  it('marks a value as from the case only while it is unchanged', () => {
    const fromCase = { name: 'Haidari', tick: false, empty: '' };
    expect(isFromCase('name', { name: 'Haidari' }, fromCase)).toBe(true);
    expect(isFromCase('name', { name: 'Haidary' }, fromCase)).toBe(false);
    expect(isFromCase('tick', { tick: false }, fromCase)).toBe(true);
    expect(isFromCase('empty', { empty: '' }, fromCase)).toBe(false);
    expect(isFromCase('other', { other: 'x' }, fromCase)).toBe(false);
  });

  it('fills only fields of this edition, without empty choices or mistyped values', () => {
    const fields = [
      field({ key: 'text' }),
      field({ key: 'radio', type: 'radio', options: ['ja', 'nein'] }),
      field({ key: 'dropdown', type: 'dropdown', options: ['a'] }),
      field({ key: 'box', type: 'checkbox' }),
      field({ key: 'box2', type: 'checkbox' }),
    ];
    expect(
      valuesForFill(fields, {
        text: '',
        radio: 'nein',
        dropdown: '',
        box: true,
        box2: 'yes',
        gone: 'from another edition',
      }),
    ).toEqual({ text: '', radio: 'nein', box: true });
  });

  it('names the output after the form and the day, safely', () => {
    expect(outputFileName('Hauptantrag 04/2025.PDF', '2026-11-20')).toBe(
      'Hauptantrag 04-2025-2026-11-20.pdf',
    );
  });
});

describe('overlay mode', () => {
  const flat: PdfInspection = {
    kind: 'flat',
    encrypted: false,
    pages: 1,
    fingerprint: 'c'.repeat(64),
    fields: [],
  };

  it('is for forms with nothing to fill: a scanned form with only a print button counts', () => {
    expect(needsOverlay(flat)).toBe(true);
    const printOnly: PdfInspection = {
      ...flat,
      kind: 'acroform',
      fields: [
        field({ key: 'Drucken', name: 'Drucken', type: 'button' }),
        field({ key: 'Unterschrift', name: 'Unterschrift', type: 'signature' }),
      ],
    };
    expect(needsOverlay(printOnly)).toBe(true);
    expect(needsOverlay(hauptantrag)).toBe(false);
  });
});
