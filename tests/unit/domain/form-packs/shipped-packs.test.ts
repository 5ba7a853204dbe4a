// Every shipped pack against the real PDF it was made for, inspected by the real engine: the
// edition is the one in the folder, every mapping fits its field, and filling the test
// household gives values every field can hold.
import { describe, expect, it } from 'vitest';
import { evaluatePack, SHIPPED_PACKS } from '../../../../src/domain/form-packs';
import { checkMappingAgainstField } from '../../../../src/domain/form-packs/field-compat';
import { context, spouse } from './household-fixture';
import { inspectForm, PACK_FORMS } from './real-forms';

const cases = SHIPPED_PACKS.map((pack) => [pack.id, pack] as const);

describe.each(cases)('%s', (id, pack) => {
  const file = PACK_FORMS[id] ?? '';

  it('has a form in the shared folder and a unique id', () => {
    expect(file).not.toBe('');
    expect(SHIPPED_PACKS.filter((p) => p.id === id)).toHaveLength(1);
  });

  it("carries the real edition's fingerprint and field list", async () => {
    const inspection = await inspectForm(file);
    expect(pack.edition.fingerprint).toBe(inspection.fingerprint);
    expect(pack.edition.fields).toEqual(
      inspection.fields.map((f) => ({ key: f.key, type: f.type })),
    );
  });

  it('maps only fields that exist, with a fitting type and existing options', async () => {
    const inspection = await inspectForm(file);
    const byKey = new Map(inspection.fields.map((f) => [f.key, f]));
    for (const mapping of pack.mappings) {
      const field = byKey.get(mapping.key);
      expect(field, mapping.key).toBeDefined();
      if (!field) continue;
      expect(checkMappingAgainstField(mapping, field), mapping.key).toBeNull();
      expect(field.readOnly, mapping.key).toBe(false);
    }
  });

  it.each([
    ['the head of household', context()],
    ['the spouse', context(spouse)],
  ])('fills for %s with values every field can hold', async (_who, ctx) => {
    const inspection = await inspectForm(file);
    const result = evaluatePack(pack, ctx, inspection);
    const blocking = result.fields.flatMap((f) =>
      f.problems.filter((p) => p.code !== 'source-missing').map((p) => `${f.key}: ${p.code}`),
    );
    expect(blocking).toEqual([]);
    const byKey = new Map(inspection.fields.map((f) => [f.key, f]));
    for (const [key, value] of Object.entries(result.values)) {
      const maxLen = byKey.get(key)?.maxLen ?? null;
      if (typeof value === 'string' && maxLen !== null) {
        expect([...value].length, key).toBeLessThanOrEqual(maxLen);
      }
    }
    // A pack that fills (almost) nothing from a full household is broken.
    expect(Object.keys(result.values).length).toBeGreaterThanOrEqual(8);
  });
});

it('fills the Hauptantrag as a volunteer expects', async () => {
  const pack = SHIPPED_PACKS.find((p) => p.id === 'de-jobcenter-hauptantrag');
  if (!pack) throw new Error('pack missing');
  const inspection = await inspectForm(PACK_FORMS[pack.id] ?? '');
  const { values } = evaluatePack(pack, context(), inspection);
  expect(values).toMatchObject({
    txtfPersonVorname: 'Ahmad',
    datePersonGebDatum: '00.00.1990',
    txtfPersonStaatsangehoerigkeit: 'Syrien',
    chbxPersonMaennlich: true,
    chbxPersonWeiblich: false,
    txtfPersonStr: 'Straße des 17. Juni',
    txtfPersonHausnr: '110',
    txtfIBAN: 'DE89370400440532013000',
    chbxPersonFamStandVerheiratet: true,
    rbtnPersonWohnsituation: 'nein',
    chbxPersonWohnenKindU15: true,
    dateUnterschriftPerson: '22.11.2026',
  });
});

it('fills the KG 1 tax ID boxes for applicant and partner', async () => {
  const pack = SHIPPED_PACKS.find((p) => p.id === 'de-familienkasse-kg1');
  if (!pack) throw new Error('pack missing');
  const inspection = await inspectForm(PACK_FORMS[pack.id] ?? '');
  const result = evaluatePack(pack, context(), inspection);
  const boxes = result.fields.filter((f) => f.key.includes('Steuer-ID-'));
  expect(boxes.map((f) => f.value)).toEqual(['86', '095', '742', '719', '47', '036', '892', '816']);
  const combs = inspection.fields.filter((f) => f.key.includes('Steuer-ID-') && f.comb);
  expect(combs).toHaveLength(8);
});
