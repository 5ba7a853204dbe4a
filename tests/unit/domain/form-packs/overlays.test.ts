// Overlay boxes in the pack format: parsed and refused like the rest of a pack, serialised in
// order, and evaluated like text fields (values, edition matching) against a flat inspection.
import { describe, expect, it } from 'vitest';
import {
  evaluatePack,
  matchEdition,
  parseFormPack,
  serializeFormPack,
  type FormPack,
} from '../../../../src/domain/form-packs';
import type { PdfInspection } from '../../../../src/pdf/types';
import { context } from './household-fixture';
import { SUBJECT, birth, person } from './pack-test-helpers';

const FINGERPRINT = 'b'.repeat(64);

const flatPack = (): FormPack => ({
  format: 'lotse-form-pack',
  version: 1,
  id: 'de-lea-aufenthaltstitel',
  title: { de: 'LEA Antrag', en: 'LEA application' },
  authority: 'auslaenderbehoerde',
  edition: { label: '2018', fingerprint: FINGERPRINT, fields: [] },
  mappings: [
    { key: 'overlay-1', ...person(SUBJECT, 'familyName') },
    { key: 'overlay-2', ...birth(SUBJECT, 'zeros') },
  ],
  overlays: [
    { key: 'overlay-1', page: 0, rect: [240, 712.5, 300, 16] },
    { key: 'overlay-2', page: 0, rect: [240, 690, 120, 16], fontSize: 10, multiline: false },
  ],
});

const flatInspection: PdfInspection = {
  kind: 'flat',
  encrypted: false,
  pages: 4,
  fingerprint: FINGERPRINT,
  fields: [],
};

describe('overlay boxes in a pack file', () => {
  it('round-trips through serialise and parse', () => {
    const parsed = parseFormPack(serializeFormPack(flatPack()));
    expect(parsed).toEqual({ ok: true, value: flatPack() });
  });

  it('leaves packs without boxes as they were (no overlays property)', () => {
    const plain: FormPack = { ...flatPack(), mappings: [] };
    delete plain.overlays;
    const text = serializeFormPack(plain);
    expect(text).not.toContain('overlays');
  });

  it.each([
    ['a box on a negative page', { page: -1 }],
    ['a fractional page', { page: 0.5 }],
    ['a rect of three numbers', { rect: [1, 2, 3] }],
    ['a rect without area', { rect: [1, 2, 0, 10] }],
    ['a rect with text', { rect: [1, 2, '3', 10] }],
    ['a font size below 4 pt', { fontSize: 2 }],
    ['a multiline that is not a boolean', { multiline: 'yes' }],
    ['an unknown property', { colour: 'red' }],
  ])('refuses %s', (_name, change) => {
    const pack = flatPack();
    const text = JSON.stringify({
      ...pack,
      overlays: [{ ...pack.overlays![0], ...change }, pack.overlays![1]],
    });
    expect(parseFormPack(text)).toEqual({ ok: false, code: 'pack-invalid' });
  });

  it('refuses a box key that is also a field key, twice the same box, a mapping without box', () => {
    const pack = flatPack();
    const clash = {
      ...pack,
      edition: { ...pack.edition, fields: [{ key: 'overlay-1', type: 'text' }] },
    };
    const twice = { ...pack, overlays: [pack.overlays![0], pack.overlays![0]] };
    const orphan = { ...pack, overlays: [pack.overlays![0]] };
    for (const bad of [clash, twice, orphan]) {
      expect(parseFormPack(JSON.stringify(bad))).toEqual({ ok: false, code: 'pack-invalid' });
    }
  });
});

describe('evaluating overlay boxes', () => {
  it('fills them like text fields of the flat edition', () => {
    const evaluation = evaluatePack(flatPack(), context(), flatInspection);
    expect(evaluation.values).toEqual({ 'overlay-1': 'Haidari', 'overlay-2': '00.00.1990' });
    expect(evaluation.fields.flatMap((f) => f.problems)).toEqual([]);
    expect(evaluation.fields[0]?.source).toMatchObject({ record: 'person', field: 'familyName' });
  });

  it('counts them as matching fields of the same edition', () => {
    const match = matchEdition(flatPack(), flatInspection);
    expect(match).toEqual({ sameEdition: true, matching: ['overlay-1', 'overlay-2'], remap: [] });
  });

  it('reports a mapping whose box is gone as an unknown field', () => {
    const pack = { ...flatPack(), overlays: [flatPack().overlays![0]!] };
    const evaluation = evaluatePack(pack, context(), flatInspection);
    expect(evaluation.fields[1]?.problems).toEqual([{ code: 'field-unknown' }]);
    expect(evaluation.values).toEqual({ 'overlay-1': 'Haidari' });
  });
});
