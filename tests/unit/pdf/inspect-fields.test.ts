// What inspection says about the fields of real forms: types, on-values, options, places,
// comb sizes, labels, orphan fields, duplicate names and names that must round-trip exactly.
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../src/pdf/index';
import type { PdfField, PdfInspection } from '../../../src/pdf/types';
import { readForm } from '../../helpers/pdf-forms';

const inspect = async (file: string): Promise<PdfInspection> => {
  const result = await inspectPdf(readForm(file));
  if (!result.ok) throw new Error(`${file}: ${result.code}`);
  return result.value;
};

const field = (inspection: PdfInspection, key: string): PdfField => {
  const found = inspection.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};

describe('Jobcenter Hauptantrag 04/2025', async () => {
  const ha = await inspect('de_jc_hauptantrag_ha_2025-04.pdf');

  it('lists 118 fields on 8 pages', () => {
    expect(ha.pages).toBe(8);
    expect(ha.fields).toHaveLength(118);
  });

  it('describes a text field with its label, page and rectangle', () => {
    expect(field(ha, 'txtfPersonVorname')).toEqual({
      name: 'txtfPersonVorname',
      key: 'txtfPersonVorname',
      type: 'text',
      label: '1 - Vorname der antragstellenden Person',
      page: 1,
      rect: { x: 56.9998, y: 352.89, width: expect.closeTo(243, 3), height: 18 },
      maxLen: null,
      comb: false,
      options: [],
      onValue: null,
      readOnly: false,
    });
  });

  it('gives checkboxes their real on-value and radios their export values', () => {
    expect(field(ha, 'chbxPersonMaennlich')).toMatchObject({
      type: 'checkbox',
      onValue: 'selektiert',
    });
    expect(field(ha, 'rbtnPersonBetreuer').options).toEqual([
      'ja, fuegen Sie eine Kopie der Bestellungsurkunde oder des Betreuerausweises bei',
      'nein',
    ]);
  });
});

describe('names that must round-trip exactly', () => {
  it('keeps the literal \\. and the 90-character XFA paths of KG 1', async () => {
    const kg1 = await inspect('de_fk_kg1_antrag_kindergeld.pdf');
    const steuerId = field(
      kg1,
      'topmostSubform[0].Seite1[0].Punkt-2[0].Steuer-ID-2[1].Steuer-ID-2\\.1[0]',
    );
    expect(steuerId).toMatchObject({ type: 'text', comb: true, maxLen: 2 });
    expect(
      kg1.fields.some((f) => f.name.includes('Tabelle2-Zählkinder[0].Zeile5[0].Zelle5[0]')),
    ).toBe(true);
    expect(
      field(kg1, 'topmostSubform[0].Seite1[0].Punkt-1[0].Familienstand[0].#area[12].ledig[0]')
        .onValue,
    ).toBe('1');
  });

  it('keeps umlauts, their normalisation and whole sentences (Beratungshilfe)', async () => {
    const bh = await inspect('de_justiz_beratungshilfe_antrag.pdf');
    // The file spells this "ü" decomposed (u + U+0308): the name is kept as written, not NFC'd.
    const sentence =
      'B4- In dieser Angelegenheit wird oder wurde von mir bisher kein gerichtliches Verfahren gefu\u0308hrt';
    expect(field(bh, sentence)).toMatchObject({ type: 'checkbox', name: sentence });
    expect(
      field(
        bh,
        'Ich beantrage Beratungshilfe in folgender Angelegenheit (bitte Sachverhalt kurz erläutern)',
      ).type,
    ).toBe('multiline');
    expect(field(bh, 'G5-Raten1')).toMatchObject({ comb: true, maxLen: 2 });
  });

  it('keeps control characters the PKH form has in its names', async () => {
    const pkh = await inspect('de_justiz_pkh_hinweisblatt_orphan_fields.pdf');
    expect(pkh.fields.map((f) => f.name)).toContain(
      'Monatliche Bruttoeinnahmen durch Unterhalt in Euro\r',
    );
  });
});

describe('structure problems of real files', () => {
  it('gives orphan fields (no widget on any page) no page and no rectangle', async () => {
    const pkh = await inspect('de_justiz_pkh_hinweisblatt_orphan_fields.pdf');
    expect(pkh.kind).toBe('acroform');
    expect(pkh.fields).toHaveLength(286);
    expect(pkh.fields.every((f) => f.page === null && f.rect === null)).toBe(true);
    expect(field(pkh, 'B1')).toMatchObject({ type: 'checkbox', onValue: 'Nein' });
  });

  it('makes keys of repeated radio group names unique in document order', async () => {
    const wg = await inspect('de_wohngeld_mietzuschuss_mbl32.pdf');
    const groups = wg.fields.filter((f) => f.name === 'antragsart');
    expect(groups.map((f) => f.key)).toEqual(['antragsart', 'antragsart#2', 'antragsart#3']);
    expect(groups.map((f) => f.options)).toEqual([['0'], ['1'], ['2']]);
    expect(new Set(wg.fields.map((f) => f.key)).size).toBe(wg.fields.length);
    // Deterministic: a second inspection gives the same keys.
    expect((await inspect('de_wohngeld_mietzuschuss_mbl32.pdf')).fields.map((f) => f.key)).toEqual(
      wg.fields.map((f) => f.key),
    );
  });

  it('reads comb cells of the VIACTIV form', async () => {
    const viactiv = await inspect('de_kk_viactiv_beitrittserklaerung.pdf');
    expect(field(viactiv, 'Name')).toMatchObject({
      comb: true,
      maxLen: 18,
      label: 'Name',
      page: 1,
    });
    expect(field(viactiv, 'weiblich').onValue).toBe('Ja');
  });
});

describe('fingerprint', () => {
  it('is the same for KG 1 as downloaded (AES, XFA) and as decrypted by iLovePDF', async () => {
    const original = await inspect('de_fk_kg1_antrag_kindergeld.pdf');
    const unlocked = await inspect('de_fk_kg1_unlocked_ilovepdf.pdf');
    expect(original.kind).toBe('xfa-hybrid');
    expect(unlocked.kind).toBe('acroform');
    expect(original.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(unlocked.fingerprint).toBe(original.fingerprint);
  });

  it('differs between editions of different forms', async () => {
    const ek = await inspect('de_jc_anlage_ek.pdf');
    const kdu = await inspect('de_jc_anlage_kdu.pdf');
    expect(ek.fingerprint).not.toBe(kdu.fingerprint);
  });
});
