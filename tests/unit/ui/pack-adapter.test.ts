// Which shipped pack fits an imported form, and what a new draft starts with — over the real
// forms, inspected by the real engine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyCase, emptyPerson } from '../../../src/domain/defaults';
import type { Case, Person } from '../../../src/domain/types';
import { inspectPdf } from '../../../src/pdf/index';
import type { PdfInspection } from '../../../src/pdf/types';
import { matchPackOf, packMatchText, startDraft } from '../../../src/ui/screens/forms/pack-adapter';

const FORMS = resolve(import.meta.dirname, '../../../../shared/forms');

async function inspect(file: string): Promise<PdfInspection> {
  const result = await inspectPdf(new Uint8Array(readFileSync(resolve(FORMS, file))));
  if (!result.ok) throw new Error(`${file}: ${result.code}`);
  return result.value;
}

const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const household: Case = {
  ...emptyCase(),
  ...stamp,
  id: 'case-1',
  deleted: false,
  label: 'Familie Haidari',
  address: { street: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin' },
};
const zahra: Person = {
  ...emptyPerson('case-1'),
  ...stamp,
  id: 'person-1',
  deleted: false,
  familyName: 'Haidari',
  givenNames: 'Zahra',
  relationship: 'head',
  sex: 'female',
  dateOfBirth: '1990-03-12',
  placeOfBirth: 'Herat',
};
const context = {
  household,
  persons: [zahra],
  subjectPersonId: zahra.id,
  today: '2026-11-20',
  place: 'Berlin',
  volunteerName: 'Anna',
};

// Shows which text and which values were chosen, without i18next.
const t = ((key: string, options?: Record<string, unknown>) =>
  `${key} ${JSON.stringify(options ?? {})}`) as unknown as TFunction;

describe('matchPackOf', () => {
  it('recognises the editions the shipped packs were made for', async () => {
    const hauptantrag = matchPackOf(await inspect('de_jc_hauptantrag_ha_2025-04.pdf'));
    expect(hauptantrag?.edition).toBe('same');
    expect(hauptantrag?.missing).toBe(0);
    expect(matchPackOf(await inspect('de_fk_kg1_antrag_kindergeld.pdf'))?.edition).toBe('same');
    expect(packMatchText(t, hauptantrag, 'de')).toMatch(/^forms\.pack\.same .*04\/2025/);
  });

  it('finds no pack for a form without one', async () => {
    const anlage = await inspect('de_jc_anlage_ki.pdf');
    expect(matchPackOf(anlage)).toBeNull();
    expect(packMatchText(t, null, 'de')).toBe('forms.pack.none {}');
  });

  it('tells another edition apart: n fields still match, m need mapping again', async () => {
    const real = await inspect('de_jc_hauptantrag_ha_2025-04.pdf');
    // Another edition: a new fingerprint, and some of the mapped fields renamed.
    const renamed = new Set(['txtfPersonVorname', 'txtfPersonNachname', 'txtfPersonGebOrt']);
    const other: PdfInspection = {
      ...real,
      fingerprint: 'another-edition',
      fields: real.fields.map((f) =>
        renamed.has(f.key) ? { ...f, key: `${f.key}Neu`, name: `${f.name}Neu` } : f,
      ),
    };
    const match = matchPackOf(other);
    expect(match?.edition).toBe('other');
    expect(match?.missing).toBe(3);
    expect(match && match.matching + match.missing).toBe(match?.pack.mappings.length);
    expect(packMatchText(t, match, 'en')).toContain(`"missing":3`);
  });
});

describe('startDraft', () => {
  it('fills from the case, remembers which values came from it and where they live', async () => {
    const inspection = await inspect('de_jc_hauptantrag_ha_2025-04.pdf');
    const start = startDraft(matchPackOf(inspection), inspection, context);
    expect(start.packId).toBe('de-jobcenter-hauptantrag');
    expect(start.values).toMatchObject({
      txtfPersonVorname: 'Zahra',
      txtfPersonNachname: 'Haidari',
      datePersonGebDatum: '12.03.1990',
    });
    expect(start.fromCase.txtfPersonVorname).toBe('Zahra');
    expect(start.sources.txtfPersonGebOrt).toEqual({
      record: 'person',
      personId: zahra.id,
      field: 'placeOfBirth',
    });
    // Every value is for a field of this edition.
    const keys = new Set(inspection.fields.map((f) => f.key));
    for (const key of Object.keys(start.values)) expect(keys.has(key), key).toBe(true);
  });

  it('starts empty without a pack or without a person', async () => {
    const inspection = await inspect('de_jc_anlage_ki.pdf');
    expect(startDraft(null, inspection, context)).toEqual({
      packId: null,
      values: {},
      fromCase: {},
      sources: {},
    });
    const hauptantrag = await inspect('de_jc_hauptantrag_ha_2025-04.pdf');
    expect(startDraft(matchPackOf(hauptantrag), hauptantrag, null).values).toEqual({});
  });
});
