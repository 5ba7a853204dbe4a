// A copy of a pack for another edition, the way the pack screen makes it: the shipped Hauptantrag
// pack (made for the real 04/2025 file, inspected by the real engine) copied onto a next edition
// built from that inspection the way the BA changed names for 04/2026. What came over, what needs
// mapping again and why, the old field labels, and those mappings in words with the real locales.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../../../../locales/ar.json';
import de from '../../../../locales/de.json';
import en from '../../../../locales/en.json';
import { SHIPPED_PACKS, type FormPack } from '../../../../src/domain/form-packs';
import type { PdfField, PdfInspection } from '../../../../src/pdf/types';
import { mappingText } from '../../../../src/ui/screens/packs/mapping-text';
import { copyPackFor, labelsOf, originOf } from '../../../../src/ui/screens/packs/pack-from-form';
import { inspectForm, PACK_FORMS } from '../../domain/form-packs/real-forms';

const hauptantrag = SHIPPED_PACKS.find((p) => p.id === 'de-jobcenter-hauptantrag') as FormPack;
let ha2025: PdfInspection;
let t: TFunction;
const i18n = i18next.createInstance();

beforeAll(async () => {
  ha2025 = await inspectForm(PACK_FORMS['de-jobcenter-hauptantrag'] ?? '');
  await i18n.init({
    lng: 'de',
    resources: { de: { translation: de }, en: { translation: en }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

/** "Person" dropped from most names, the phone field gone, the postcode now a checkbox. */
function nextEdition(inspection: PdfInspection): PdfInspection {
  const fields: PdfField[] = inspection.fields
    .filter((f) => f.key !== 'txtfPersonTel')
    .map((f) => {
      const key =
        f.key === 'txtfPersonVorname' || f.key === 'txtfPersonPlz'
          ? f.key
          : f.key.replace('Person', '');
      const type = f.key === 'txtfPersonPlz' ? 'checkbox' : f.type;
      return { ...f, key, name: key, type };
    });
  return { ...inspection, fingerprint: 'c'.repeat(64), fields };
}

const remapOf = (origin: ReturnType<typeof originOf>, key: string) =>
  origin?.remap.find((r) => r.mapping.key === key);

describe('a copy for another edition', () => {
  it('has no origin when it is for the same edition', () => {
    expect(originOf(hauptantrag, ha2025)).toBeNull();
  });

  it('notes what came over and what needs mapping again, with the old mappings', () => {
    const next = nextEdition(ha2025);
    const copy = copyPackFor(hauptantrag, next);
    const origin = originOf(hauptantrag, next, labelsOf(ha2025));
    if (!origin) throw new Error('no origin');

    expect(origin).toMatchObject({
      title: hauptantrag.title,
      label: '04/2025',
      fingerprint: hauptantrag.edition.fingerprint,
    });
    // Exactly the mappings the copy kept are marked as carried over.
    expect(origin.kept).toEqual(copy.mappings.map((m) => m.key));
    expect(origin.kept).toContain('txtfPersonVorname');
    expect(origin.kept).toContain('txtfIBAN');
    // Every old mapping is either kept or listed to map again, never both, never lost.
    const listed = origin.remap.map((r) => r.mapping.key);
    expect(listed.filter((k) => origin.kept.includes(k))).toEqual([]);
    expect([...origin.kept, ...listed].sort()).toEqual(
      hauptantrag.mappings.map((m) => m.key).sort(),
    );
    // The old mapping itself comes along (a copy, not the shipped object).
    const phone = remapOf(origin, 'txtfPersonTel');
    expect(phone?.reason).toBe('field-missing');
    expect(phone?.mapping).toEqual(hauptantrag.mappings.find((m) => m.key === 'txtfPersonTel'));
    expect(phone?.mapping).not.toBe(hauptantrag.mappings.find((m) => m.key === 'txtfPersonTel'));
    expect(remapOf(origin, 'txtfPersonPlz')?.reason).toBe('field-type');
    expect(remapOf(origin, 'chbxPersonWeiblich')?.reason).toBe('field-missing');
    // The old field's label, from the 04/2025 file in the library.
    const oldPhone = ha2025.fields.find((f) => f.key === 'txtfPersonTel');
    expect(phone?.label).toBe(oldPhone?.label ?? oldPhone?.name);
    expect(phone?.label).toBeTruthy();
  });

  it('without the old file in the library, the old field is named by its key only', () => {
    const origin = originOf(hauptantrag, nextEdition(ha2025));
    expect(origin?.remap.length).toBeGreaterThan(0);
    expect(origin?.remap.every((r) => r.label === undefined)).toBe(true);
  });

  it('says in words what each old field was mapped to', () => {
    const origin = originOf(hauptantrag, nextEdition(ha2025));
    const text = (key: string) => {
      const item = remapOf(origin, key);
      if (!item) throw new Error(`not listed: ${key}`);
      return mappingText(t, item.mapping);
    };
    expect(text('txtfPersonTel')).toBe(
      'Abgeleiteter Wert: Telefon (Die Person, für die der Entwurf ist) / Telefon des Haushalts',
    );
    expect(text('chbxPersonWeiblich')).toBe(
      'Auswahl nach einem Wert des Falls: Geschlecht (Die Person, für die der Entwurf ist)',
    );
    expect(text('txtfPersonPlz')).toBe('Angabe des Falls: Postleitzahl');
  });

  it.each(['de', 'en', 'ar'])(
    'every mapping of every shipped pack has words in %s (no raw key)',
    (language) => {
      const fixed = i18n.getFixedT(language);
      for (const pack of SHIPPED_PACKS) {
        for (const mapping of pack.mappings) {
          const words = mappingText(fixed, mapping);
          expect(words, `${pack.id} ${mapping.key}`).not.toMatch(/packs\.|\{\{|undefined/);
          expect(words.length).toBeGreaterThan(3);
        }
      }
    },
  );
});
