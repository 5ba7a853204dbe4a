// Filling real forms: values written and read back from the saved file, every refusal as a
// code naming the field (and no output), XFA hybrids and encrypted input, qpdf --check.
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPdf, inspectPdf, readPdfValues } from '../../../src/pdf/index';
import type { PdfFieldValues } from '../../../src/pdf/types';
import {
  encryptForm,
  makeTempDir,
  loadNodeFonts,
  qpdfCheck,
  readForm,
} from '../../helpers/pdf-forms';

const temp = makeTempDir();
afterAll(temp.remove);
const fonts = await loadNodeFonts();
const HA = 'de_jc_hauptantrag_ha_2025-04.pdf';

const fill = async (file: string | Uint8Array, values: PdfFieldValues, flatten = false) =>
  fillPdf(typeof file === 'string' ? readForm(file) : file, values, { fonts, flatten });

const filled = async (file: string | Uint8Array, values: PdfFieldValues): Promise<Uint8Array> => {
  const result = await fill(file, values);
  if (!result.ok) throw new Error(`fill failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

const readBack = async (bytes: Uint8Array): Promise<PdfFieldValues> => {
  const result = await readPdfValues(bytes);
  if (!result.ok) throw new Error(`read failed: ${result.code}`);
  return result.value;
};

describe('filling the Jobcenter Hauptantrag', async () => {
  const values: PdfFieldValues = {
    txtfPersonVorname: 'Łukasz',
    txtfPersonNachname: 'Öztürk-Шевченко',
    chbxPersonMaennlich: true,
    rbtnPersonBetreuer: 'nein',
  };
  const output = await filled(HA, values);

  it('reads back exactly what was written', async () => {
    const back = await readBack(output);
    expect(back).toMatchObject(values);
    // Fields not written stay empty.
    expect(back.txtfPersonGebName).toBe('');
  });

  it('writes the checkbox’s own on-value and turns off again with false', async () => {
    const doc = await PDFDocument.load(output);
    const box = doc.getForm().getCheckBox('chbxPersonMaennlich');
    expect(box.acroField.getValue()).toBe(PDFName.of('selektiert'));
    const off = await filled(output, { chbxPersonMaennlich: false });
    expect((await readBack(off)).chbxPersonMaennlich).toBe(false);
  });

  it('passes qpdf --check and keeps the field structure (same fingerprint)', async () => {
    expect(qpdfCheck(temp.dir, output)).toBeNull();
    const before = await inspectPdf(readForm(HA));
    const after = await inspectPdf(output);
    expect(after.ok && before.ok && after.value.fingerprint === before.value.fingerprint).toBe(
      true,
    );
  });

  it('sets NeedAppearances false because it drew the appearances', async () => {
    const doc = await PDFDocument.load(output);
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(acroForm.lookup(PDFName.of('NeedAppearances'))?.toString()).toBe('false');
  });
});

describe('refusals name the field and produce nothing', () => {
  it('refuses an unknown key', async () => {
    const result = await fill(HA, { txtfPersonVorname: 'A', 'gibt es nicht': 'x' });
    expect(result).toEqual({
      ok: false,
      code: 'pdf-field-unknown',
      error: { code: 'pdf-field-unknown', field: 'gibt es nicht' },
    });
  });

  it('refuses a value longer than the field’s maxLen instead of truncating', async () => {
    const result = await fill('de_kk_viactiv_beitrittserklaerung.pdf', {
      Name: 'Abdulrahman Al-Sayed',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-value-too-long',
      error: { field: 'Name' },
    });
    // Exactly maxLen (18) characters is fine, counted as characters, not bytes.
    const fits = await fill('de_kk_viactiv_beitrittserklaerung.pdf', {
      Name: 'Łukasz Шевченко Öz',
    });
    expect(fits.ok).toBe(true);
  });

  it('refuses a radio value that is not one of its options', async () => {
    const result = await fill(HA, { rbtnPersonBetreuer: 'vielleicht' });
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-option-unknown',
      error: { field: 'rbtnPersonBetreuer', detail: 'vielleicht' },
    });
  });

  it.each([
    ['chbxPersonMaennlich', 'ja'],
    ['txtfPersonVorname', true],
    ['rbtnPersonBetreuer', false],
  ] as const)('refuses %s = %j as the wrong type', async (key, value) => {
    const result = await fill(HA, { [key]: value });
    expect(result).toMatchObject({ ok: false, code: 'pdf-value-type', error: { field: key } });
  });

  it('refuses a character no font can draw, naming the field', async () => {
    const result = await fill(HA, { txtfPersonVorname: 'Anna', txtfPersonNachname: '李' });
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-glyph-missing',
      error: { field: 'txtfPersonNachname' },
    });
  });

  it('refuses a value for a signature field', async () => {
    const key = 'Unterschrift/Amtsbezeichnung';
    const result = await fill('de_justiz_pkh_hinweisblatt_orphan_fields.pdf', { [key]: 'Müller' });
    expect(result).toMatchObject({ ok: false, code: 'pdf-value-type', error: { field: key } });
  });

  it('refuses values that are not an object, as untyped callers might pass', async () => {
    const result = await fillPdf(readForm(HA), JSON.parse('["Łukasz"]') as PdfFieldValues, {
      fonts,
    });
    expect(result).toMatchObject({ ok: false, code: 'pdf-value-type' });
  });

  it('refuses damaged input with a code instead of throwing', async () => {
    const result = await fill(readForm(HA).slice(0, 50_000), { txtfPersonVorname: 'A' });
    expect(result).toMatchObject({ ok: false, code: 'pdf-damaged' });
  });
});

describe('hybrids and encrypted forms', { timeout: 30_000 }, () => {
  it('removes the XFA part of KG 1 so viewers show the filled AcroForm', async () => {
    const key =
      'topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-2[0].Geburtsname-Antragsteller[0]';
    const dotted = 'topmostSubform[0].Seite1[0].Punkt-2[0].Steuer-ID-2[1].Steuer-ID-2\\.1[0]';
    const output = await filled('de_fk_kg1_antrag_kindergeld.pdf', {
      [key]: 'Öztürk',
      [dotted]: '12',
    });
    // The name with a literal "\." is filled through its key, not split at the dot.
    expect((await readBack(output))[dotted]).toBe('12');
    const inspection = await inspectPdf(output);
    expect(inspection).toMatchObject({ ok: true, value: { kind: 'acroform', encrypted: false } });
    expect((await readBack(output))[key]).toBe('Öztürk');
    expect(qpdfCheck(temp.dir, output)).toBeNull();
  });

  it('fills the AES-256 Elterngeld form into an unencrypted output', async () => {
    const output = await filled('de_berlin_elterngeld_antrag_aes256.pdf', {
      Nachname: 'Шевченко',
      Ja01: true,
    });
    expect(await readBack(output)).toMatchObject({ Nachname: 'Шевченко', Ja01: true });
    expect(qpdfCheck(temp.dir, output)).toBeNull();
  });

  it('needs the user password of a protected file, and fills with it', async () => {
    const bytes = encryptForm(temp.dir, HA, 'aes-128', 'geheim');
    const refused = await fillPdf(bytes, { txtfPersonVorname: 'A' }, { fonts });
    expect(refused).toMatchObject({ ok: false, code: 'pdf-password-required' });
    const result = await fillPdf(
      bytes,
      { txtfPersonVorname: 'Łukasz' },
      { fonts, password: 'geheim' },
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect((await readBack(result.value)).txtfPersonVorname).toBe('Łukasz');
  });
});

describe('choice fields and read-only fields', async () => {
  // No form in the corpus has a dropdown, a list or a read-only field: make one with pdf-lib.
  const made = await PDFDocument.create();
  const page = made.addPage([400, 300]);
  const form = made.getForm();
  const country = form.createDropdown('Land');
  country.addOptions(['Deutschland', 'Syrien', 'Україна']);
  country.addToPage(page, { x: 20, y: 220, width: 200, height: 20 });
  const languages = form.createOptionList('Sprache');
  languages.addOptions(['Arabisch', 'Deutsch', 'Ukrainisch']);
  languages.addToPage(page, { x: 20, y: 120, width: 200, height: 60 });
  const office = form.createTextField('Amt');
  office.setText('Jobcenter Mitte');
  office.enableReadOnly();
  office.addToPage(page, { x: 20, y: 40, width: 200, height: 20 });
  const bytes = await made.save();

  it('inspects dropdown and list with their options', async () => {
    const inspection = await inspectPdf(bytes);
    if (!inspection.ok) throw new Error(inspection.code);
    expect(inspection.value.fields.map((f) => [f.key, f.type, f.options, f.readOnly])).toEqual([
      ['Land', 'dropdown', ['Deutschland', 'Syrien', 'Україна'], false],
      ['Sprache', 'list', ['Arabisch', 'Deutsch', 'Ukrainisch'], false],
      ['Amt', 'text', [], true],
    ]);
  });

  it('selects options and reads them back', async () => {
    const output = await filled(bytes, { Land: 'Україна', Sprache: 'Arabisch' });
    expect(await readBack(output)).toMatchObject({ Land: 'Україна', Sprache: 'Arabisch' });
    expect(qpdfCheck(temp.dir, output, 'choice.pdf')).toBeNull();
  });

  it('refuses an option the field does not have', async () => {
    const result = await fill(bytes, { Land: 'Atlantis' });
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-option-unknown',
      error: { field: 'Land' },
    });
  });

  it('refuses to change a read-only field', async () => {
    const result = await fill(bytes, { Amt: 'Sozialamt' });
    expect(result).toMatchObject({
      ok: false,
      code: 'pdf-field-read-only',
      error: { field: 'Amt' },
    });
  });
});
