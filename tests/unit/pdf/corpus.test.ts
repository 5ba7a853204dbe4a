// Every real form in ../shared/forms: inspected (known facts per file), then filled with
// multi-script values in every text field (within its maxLen) and every checkbox ticked, saved
// and flattened. The saved output reads back exactly, qpdf --check passes on both outputs,
// poppler reads both without a syntax error (even where it complains about the input), and
// pdftotext finds a sample of the values in the flattened one.
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPdf, inspectPdf, readPdfValues } from '../../../src/pdf/index';
import type { PdfField, PdfFieldValues, PdfInspection, PdfKind } from '../../../src/pdf/types';
import {
  FORMS_DIR,
  makeTempDir,
  loadNodeFonts,
  pdfText,
  popplerErrors,
  qpdfCheck,
  readForm,
} from '../../helpers/pdf-forms';
import { fillFitting, isTextField, sampleValues, wordFor } from '../../helpers/pdf-values';

const temp = makeTempDir();
afterAll(temp.remove);
const fonts = await loadNodeFonts();

type Facts = {
  kind: PdfKind;
  encrypted: boolean;
  pages: number;
  fields: number;
  /** The input itself makes poppler print "Syntax Error" (the outputs must not). */
  popplerComplains?: boolean;
  /** Field key → what inspection must say about it. */
  some?: Record<string, Partial<PdfField>>;
};

const FACTS: Record<string, Facts> = {
  'de_berlin_anmeldung_wohnung.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 1,
    fields: 61,
    some: {
      Staatsangehörigkeiten: { type: 'text' },
      alleinige: { type: 'checkbox', onValue: 'On' },
    },
  },
  'de_berlin_elterngeld_antrag_aes256.pdf': {
    kind: 'acroform',
    encrypted: true,
    pages: 26,
    fields: 733,
    popplerComplains: true, // /OCProperties without /OCGs
    some: { Nachname: { type: 'text', page: 1 }, Ja01: { type: 'checkbox', onValue: 'On' } },
  },
  'de_berlin_lea_antrag_aufenthaltstitel_flat.pdf': {
    kind: 'flat',
    encrypted: false,
    pages: 4,
    fields: 0,
  },
  'de_berlin_wohnungsgeberbestaetigung.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 1,
    fields: 31,
    some: { FamiliennameRow1: { label: 'Familienname' } },
  },
  'de_fk_kg1_antrag_kindergeld.pdf': {
    kind: 'xfa-hybrid',
    encrypted: true,
    pages: 5,
    fields: 95,
    some: {
      'topmostSubform[0].Seite1[0].#area[0].Kopfzeile[0].KG-Nr[0]': { maxLen: 11, page: 2 },
      'topmostSubform[0].Page2[0].Actionbuttons[0].Alle_Eingaben_löschen[0]': { type: 'button' },
    },
  },
  'de_fk_kg1_unlocked_ilovepdf.pdf': { kind: 'acroform', encrypted: false, pages: 5, fields: 95 },
  'de_jc_anlage_ek.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 4,
    fields: 65,
    some: {
      chbxEinnahmeWohngeld: { onValue: 'selektiert' },
      rbtnEinkommenZahlung: { type: 'radio', options: ['im laufenden Monat', 'im Folgemonat'] },
    },
  },
  'de_jc_anlage_kdu.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 3,
    fields: 77,
    some: { rbtnWohneinheit: { options: ['ja', 'nein'] } },
  },
  'de_jc_anlage_ki.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 4,
    fields: 63,
    some: { chbxBGMaennlich: { onValue: 'selektiert' } },
  },
  'de_jc_hauptantrag_ha_2025-04.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 8,
    fields: 118,
    some: { txtfPersonVorname: { label: '1 - Vorname der antragstellenden Person', page: 1 } },
  },
  'de_justiz_beratungshilfe_antrag.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 3,
    fields: 121,
    some: {
      Bew: { type: 'checkbox', onValue: 'On', page: 3 },
      'G5-Raten1': { comb: true, maxLen: 2 },
    },
  },
  'de_justiz_pkh_hinweisblatt_orphan_fields.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 5,
    fields: 286,
    some: {
      B1: { onValue: 'Nein', page: null, rect: null },
      'Unterschrift/Amtsbezeichnung': { type: 'signature' },
    },
  },
  'de_kk_dak_familienversicherung.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 3,
    fields: 481,
    some: { 'Kontrollkästchen 1': { onValue: 'Ja' } },
  },
  'de_kk_viactiv_beitrittserklaerung.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 4,
    fields: 54,
    popplerComplains: true, // /OCProperties without /OCGs
    some: { Name: { comb: true, maxLen: 18 }, Geburtsdatum: { comb: true, maxLen: 8 } },
  },
  'de_wohngeld_mietzuschuss_mbl32.pdf': {
    kind: 'acroform',
    encrypted: false,
    pages: 4,
    fields: 36,
    some: { 'antragsart#3': { name: 'antragsart', type: 'radio', options: ['2'] } },
  },
  'us_irs_fw9_2018.pdf': {
    kind: 'xfa-hybrid',
    encrypted: false,
    pages: 6,
    fields: 22,
    some: { 'topmostSubform[0].Page1[0].SSN[0].f1_13[0]': { comb: true, maxLen: 4 } },
  },
};

const isText = isTextField;

const ARABIC = /[\u0600-\u06ff]/;

/** Up to four whole, non-comb values on pages, spread over the form, and the Arabic word. */
const textSample = (inspection: PdfInspection, values: PdfFieldValues): string[] => {
  // Whole values only: not cut to a maxLen or a small box.
  const shown = inspection.fields.filter(
    (f, i) => isText(f) && f.page !== null && !f.comb && values[f.key] === wordFor(i),
  );
  const latin = shown.filter((f) => !ARABIC.test(String(values[f.key])));
  const picks = [0, 1, 2, 3].map((n) => latin[Math.floor((n * latin.length) / 4)]);
  const sample = picks.flatMap((f) => (f ? [String(values[f.key])] : []));
  // Arabic values mix letters and digits, whose visual order poppler may report either way:
  // the word itself must come out whole, in logical order.
  if (shown.some((f) => ARABIC.test(String(values[f.key])))) sample.push('محمد');
  return [...new Set(sample)];
};

const files = readdirSync(FORMS_DIR)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

it('knows every form in the folder', () => {
  expect(files).toEqual(Object.keys(FACTS).sort());
});

describe.each(files)('%s', { timeout: 60_000 }, (file) => {
  const facts = FACTS[file]!;
  const inspected = inspectPdf(readForm(file)).then((result) => {
    if (!result.ok) throw new Error(`inspect: ${result.code}`);
    return result.value;
  });

  it('is inspected as known', async () => {
    const inspection = await inspected;
    expect(inspection).toMatchObject({
      kind: facts.kind,
      encrypted: facts.encrypted,
      pages: facts.pages,
    });
    expect(inspection.fields).toHaveLength(facts.fields);
    for (const [key, expected] of Object.entries(facts.some ?? {})) {
      expect(
        inspection.fields.find((f) => f.key === key),
        key,
      ).toMatchObject(expected);
    }
    const complaints = popplerErrors(temp.dir, readForm(file), `${file}-input.pdf`);
    expect(complaints.length > 0, complaints.join('\n')).toBe(facts.popplerComplains ?? false);
  });

  it('is filled, read back and flattened into text poppler finds', async () => {
    const inspection = await inspected;
    const { values, saved } = await fillFitting(readForm(file), sampleValues(inspection), fonts);
    const back = await readPdfValues(saved);
    expect(back.ok && back.value).toMatchObject(values);
    expect(qpdfCheck(temp.dir, saved, `${file}-saved.pdf`)).toBeNull();
    expect(popplerErrors(temp.dir, saved, `${file}-saved.pdf`)).toEqual([]);

    const flat = await fillPdf(readForm(file), values, { fonts, flatten: true });
    if (!flat.ok) throw new Error(`flatten: ${JSON.stringify(flat.error)}`);
    expect(qpdfCheck(temp.dir, flat.value, `${file}-flat.pdf`)).toBeNull();
    expect(popplerErrors(temp.dir, flat.value, `${file}-flat.pdf`)).toEqual([]);
    const reinspected = await inspectPdf(flat.value);
    expect(reinspected.ok && reinspected.value.kind).toBe('flat');
    // Without the bidi embedding marks poppler puts around right-to-left runs.
    const text = pdfText(temp.dir, flat.value, `${file}-text.pdf`).replace(/[\u202a-\u202e]/g, '');
    for (const value of textSample(inspection, values))
      expect(text, file).toContain(value.normalize('NFKC'));
  });
});
