// Flattening: our own implementation draws each widget's appearance into its page and removes
// the form. Real files that break pdf-lib's flatten(): orphan fields (PKH) and duplicate names
// (Wohngeld). Checked with poppler (text and pixels) and qpdf.
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPdf, inspectPdf } from '../../../src/pdf/index';
import type { PdfFieldValues } from '../../../src/pdf/types';
import {
  darkPixels,
  makeTempDir,
  loadNodeFonts,
  pdfText,
  qpdfCheck,
  readForm,
} from '../../helpers/pdf-forms';

const temp = makeTempDir();
afterAll(temp.remove);
const fonts = await loadNodeFonts();

const flattened = async (file: string, values: PdfFieldValues): Promise<Uint8Array> => {
  const result = await fillPdf(readForm(file), values, { fonts, flatten: true });
  if (!result.ok) throw new Error(`flatten failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

const expectNoForm = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  expect(doc.catalog.has(PDFName.of('AcroForm'))).toBe(false);
  for (const page of doc.getPages()) {
    const annots = page.node.Annots()?.asArray() ?? [];
    const widgets = annots.filter(
      (ref) => doc.context.lookup(ref)?.toString().includes('/Subtype /Widget') ?? false,
    );
    expect(widgets).toEqual([]);
  }
  const inspection = await inspectPdf(bytes);
  expect(inspection).toMatchObject({ ok: true, value: { kind: 'flat', fields: [] } });
  expect(qpdfCheck(temp.dir, bytes)).toBeNull();
};

describe('flatten', () => {
  it('draws text and checkbox marks of the Hauptantrag into the pages', async () => {
    const values = {
      txtfPersonVorname: 'Łukasz',
      txtfPersonNachname: 'Öztürk',
      chbxPersonMaennlich: true,
    };
    const checked = await flattened('de_jc_hauptantrag_ha_2025-04.pdf', values);
    await expectNoForm(checked);
    const text = pdfText(temp.dir, checked);
    expect(text).toContain('Łukasz');
    expect(text).toContain('Öztürk');

    const inspection = await inspectPdf(readForm('de_jc_hauptantrag_ha_2025-04.pdf'));
    if (!inspection.ok) throw new Error('inspect');
    const box = inspection.value.fields.find((f) => f.key === 'chbxPersonMaennlich');
    if (!box?.rect || !box.page) throw new Error('no checkbox place');
    const unchecked = await flattened('de_jc_hauptantrag_ha_2025-04.pdf', {
      ...values,
      chbxPersonMaennlich: false,
    });
    const height = (await PDFDocument.load(checked)).getPage(box.page - 1).getHeight();
    const marked = darkPixels(temp.dir, checked, box.page, box.rect, height);
    const empty = darkPixels(temp.dir, unchecked, box.page, box.rect, height);
    expect(marked).toBeGreaterThan(empty + 5);
  });

  it('works on the PKH form whose 286 fields have no widget on any page', async () => {
    const output = await flattened('de_justiz_pkh_hinweisblatt_orphan_fields.pdf', { B1: true });
    await expectNoForm(output);
    expect((await PDFDocument.load(output)).getPageCount()).toBe(5);
  });

  it('works on the Wohngeld form with duplicate radio group names', async () => {
    const output = await flattened('de_wohngeld_mietzuschuss_mbl32.pdf', {
      'antragsart#2': '1',
      antragsteller_familienname: 'Шевченко',
    });
    await expectNoForm(output);
    expect(pdfText(temp.dir, output)).toContain('Шевченко');
  });
});
