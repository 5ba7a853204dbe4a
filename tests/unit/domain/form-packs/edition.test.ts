// Recognising forms: the same edition by fingerprint, another edition by its vocabulary, and
// never a different form. Real forms from the shared folder, inspected by the real engine.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findPacksForForm,
  matchEdition,
  SHIPPED_PACKS,
  type FormPack,
} from '../../../../src/domain/form-packs';
import {
  nameSimilarity,
  nameWords,
  OTHER_EDITION_THRESHOLD,
} from '../../../../src/domain/form-packs/edition';
import type { PdfField, PdfInspection } from '../../../../src/pdf/types';
import { ALL_FORMS, inspectForm, PACK_FORMS } from './real-forms';

const hauptantrag = SHIPPED_PACKS.find((p) => p.id === 'de-jobcenter-hauptantrag') as FormPack;
let ha2025: PdfInspection;
beforeAll(async () => {
  ha2025 = await inspectForm(PACK_FORMS['de-jobcenter-hauptantrag'] ?? '');
});

/**
 * A next edition made the way the BA made 04/2026 from 04/2025: "Person" dropped from most
 * names, some words shortened, a few fields gone, new ones added, a radio's options renamed.
 */
function nextEdition(inspection: PdfInspection): PdfInspection {
  const rename = (key: string) =>
    key === 'txtfPersonVorname' || key === 'txtfPersonNachname'
      ? key
      : key
          .replace('Person', '')
          .replace('Staatsangehoerigkeit', 'Staat')
          .replace('Hausnr', 'HausNr')
          .replace('FamStand', 'Familienstand');
  const fields: PdfField[] = inspection.fields
    .filter((f) => f.key !== 'txtfPersonTel')
    .map((f) => {
      const key = rename(f.key);
      const options = f.key === 'rbtnPersonWohnsituation' ? ['0', '1'] : f.options;
      const type = f.key === 'txtfPersonPlz' ? 'checkbox' : f.type;
      return { ...f, key, name: key, options, type };
    });
  fields.push({ ...fields[0]!, key: 'numfStIDNr', name: 'numfStIDNr' });
  return { ...inspection, fingerprint: 'c'.repeat(64), fields };
}

describe('matchEdition', () => {
  it('finds every mapping fitting on the edition the pack was made for', () => {
    const match = matchEdition(hauptantrag, ha2025);
    expect(match.sameEdition).toBe(true);
    expect(match.remap).toEqual([]);
    expect(match.matching).toHaveLength(hauptantrag.mappings.length);
  });

  it('on another edition, tells which mappings still fit and why the others do not', () => {
    const match = matchEdition(hauptantrag, nextEdition(ha2025));
    expect(match.sameEdition).toBe(false);
    // Unchanged names: kept on purpose, and those that never contained "Person".
    expect(match.matching).toEqual([
      'txtfPersonVorname',
      'txtfPersonNachname',
      'txtfKontoinhaber',
      'txtfIBAN',
      'txtfKVName',
      'txtfKVNr',
    ]);
    const reasons = new Map(match.remap.map((r) => [r.key, r.reason]));
    expect(reasons.get('txtfPersonTel')).toBe('field-missing');
    expect(reasons.get('chbxPersonWeiblich')).toBe('field-missing');
    expect(reasons.get('rbtnPersonWohnsituation')).toBe('field-missing');
    expect(match.remap).toHaveLength(hauptantrag.mappings.length - 6);
  });

  it('reports a changed type and vanished options', () => {
    const changed = {
      ...ha2025,
      fingerprint: 'd'.repeat(64),
      fields: ha2025.fields.map((f) =>
        f.key === 'rbtnPersonWohnsituation'
          ? { ...f, options: ['0', '1'] }
          : f.key === 'txtfPersonPlz'
            ? { ...f, type: 'checkbox' as const }
            : f.key === 'chbxPersonWeiblich'
              ? { ...f, type: 'text' as const }
              : f,
      ),
    };
    const match = matchEdition(hauptantrag, changed);
    expect(match.remap).toEqual([
      { key: 'chbxPersonWeiblich', reason: 'field-type' },
      { key: 'txtfPersonPlz', reason: 'field-type' },
      { key: 'rbtnPersonWohnsituation', reason: 'option-unknown' },
    ]);
  });
});

describe('findPacksForForm', () => {
  it.each(ALL_FORMS)('%s: finds exactly the pack made for it, or none', async (file) => {
    const inspection = await inspectForm(file);
    const expected = Object.entries(PACK_FORMS)
      .filter(([, form]) => form === file || (file.includes('kg1') && form.includes('kg1')))
      .map(([id]) => id);
    const found = findPacksForForm(SHIPPED_PACKS, inspection);
    expect(found.map((c) => c.pack.id)).toEqual(expected);
    for (const candidate of found) {
      expect(candidate.match.sameEdition).toBe(true);
      expect(candidate.similarity).toBe(1);
    }
  });

  it('recognises another edition and offers its pack with what needs mapping again', () => {
    const found = findPacksForForm(SHIPPED_PACKS, nextEdition(ha2025));
    expect(found.map((c) => c.pack.id)).toEqual(['de-jobcenter-hauptantrag']);
    const [candidate] = found;
    expect(candidate?.match.sameEdition).toBe(false);
    expect(candidate?.similarity).toBeGreaterThanOrEqual(OTHER_EDITION_THRESHOLD);
    expect(candidate?.similarity).toBeLessThan(1);
    expect(candidate?.match.matching.length).toBeGreaterThan(0);
  });

  it('lists the same edition before other editions', () => {
    const older = {
      ...hauptantrag,
      id: 'de-jobcenter-hauptantrag-old',
      edition: { ...hauptantrag.edition, fingerprint: 'e'.repeat(64) },
    };
    const found = findPacksForForm([older, hauptantrag], ha2025);
    expect(found.map((c) => c.pack.id)).toEqual([hauptantrag.id, older.id]);
  });
});

describe('name words', () => {
  it('splits technical, XFA and sentence names into comparable words', () => {
    expect(nameWords('txtfPersonStaatsangehoerigkeit')).toEqual(['person', 'staatsangehoerigkeit']);
    expect(nameWords('topmostSubform[0].Seite1[0].Punkt-1[0].Name-Antragsteller[0]')).toEqual([
      'punkt',
      'name',
      'antragsteller',
    ]);
    expect(nameWords('Staatsangehörigkeiten')).toEqual(['staatsangehoerigkeiten']);
    expect(nameWords('IBANNummer')).toEqual(['iban', 'nummer']);
  });

  it('keeps different forms of one publisher below the threshold', async () => {
    const ki = await inspectForm('de_jc_anlage_ki.pdf');
    const keys = (i: PdfInspection) => i.fields.map((f) => f.key);
    const similarity = nameSimilarity(keys(ha2025), keys(ki));
    expect(similarity).toBeGreaterThan(0.15);
    expect(similarity).toBeLessThan(OTHER_EDITION_THRESHOLD);
  });
});
