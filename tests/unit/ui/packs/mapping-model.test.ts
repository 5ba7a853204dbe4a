// The mapping editor's vocabulary: presets and slots survive the round trip through the pack
// format, choice tables come from the field's real on-value or options, and pack files are
// told apart (not JSON, foreign JSON, newer version, broken pack, a pack to add or update).
import { describe, expect, it } from 'vitest';
import type { StoredPack } from '../../../../src/db/pack-repository';
import { SHIPPED_PACKS, serializeFormPack, type FormPack } from '../../../../src/domain/form-packs';
import {
  DERIVED_PRESETS,
  SLOT_VALUES,
  choiceValuesFor,
  derivedPresetOf,
  editorKindOf,
  kindsFor,
  parseSlot,
  presetDerivation,
  slotValue,
} from '../../../../src/ui/screens/packs/mapping-model';
import { importPlan, packFileName, readPackText } from '../../../../src/ui/screens/packs/pack-file';

const [pack] = SHIPPED_PACKS as [FormPack];

describe('mapping model', () => {
  it('every preset reads back as itself, for any person', () => {
    for (const preset of DERIVED_PRESETS) {
      expect(derivedPresetOf(presetDerivation(preset, { role: 'child', index: 3 }))).toBe(preset);
    }
  });

  it('every slot value reads back as itself', () => {
    for (const value of SLOT_VALUES) expect(slotValue(parseSlot(value))).toBe(value);
    expect(parseSlot('child-4')).toEqual({ role: 'child', index: 4 });
  });

  it('offers choices for choice fields and text sources for text fields', () => {
    expect(kindsFor({ type: 'checkbox' }, 'none')).toEqual(['none', 'choice', 'fixed']);
    expect(kindsFor({ type: 'text' }, 'other')).toContain('other');
    expect(kindsFor({ type: 'multiline' }, 'none')).toContain('person');
    expect(choiceValuesFor({ type: 'checkbox', options: [] })).toEqual([true]);
    expect(choiceValuesFor({ type: 'radio', options: ['Ja', 'Nein'] })).toEqual(['Ja', 'Nein']);
  });

  it('mappings it cannot show are kept as "other"', () => {
    const join = SHIPPED_PACKS.flatMap((p) => p.mappings).find(
      (m) => m.kind === 'derived' && m.derive.type === 'join',
    );
    expect(editorKindOf(join)).toBe('other');
    expect(editorKindOf(undefined)).toBe('none');
    expect(editorKindOf({ kind: 'fixed', value: 'x' })).toBe('fixed');
  });
});

describe('pack files', () => {
  it('reads an exported pack back as it was', () => {
    const read = readPackText(serializeFormPack(pack));
    expect(read).toEqual({ ok: true, pack });
    expect(packFileName(pack)).toMatch(/^de-jobcenter-hauptantrag-04-2025\.lotse-pack\.json$/);
  });

  it('names the file with letters, digits and hyphens only, whatever the pack id holds', () => {
    const named = (id: string) =>
      packFileName({ ...pack, id, edition: { ...pack.edition, label: '' } });
    expect(named('../../etc/passwd')).toBe('etc-passwd.lotse-pack.json');
    expect(named('a\\b:c*?"<>|\u202e.exe')).toBe('a-b-c-exe.lotse-pack.json');
    expect(named('///')).toBe('pack.lotse-pack.json');
  });

  it('names what is wrong with a file that is not a usable pack', () => {
    expect(readPackText('%PDF-1.7')).toEqual({ ok: false, code: 'pack-file-not-json' });
    expect(readPackText('{"cases": []}')).toEqual({ ok: false, code: 'pack-file-foreign' });
    expect(readPackText(JSON.stringify({ ...pack, version: 2 }))).toEqual({
      ok: false,
      code: 'pack-version-unsupported',
    });
    const broken = { ...pack, mappings: [{ key: 'nope', kind: 'fixed', value: 'x' }] };
    expect(readPackText(JSON.stringify(broken))).toEqual({ ok: false, code: 'pack-invalid' });
  });

  it('importing the same family and edition again updates the stored pack', () => {
    const stored: StoredPack = {
      id: 'r1',
      createdAt: '',
      updatedAt: '',
      deleted: false,
      pack,
    };
    expect(importPlan([stored], { ...pack, title: { de: 'neu', en: 'new' } })).toEqual({
      action: 'update',
      id: 'r1',
    });
    const otherEdition = { ...pack, edition: { ...pack.edition, fingerprint: 'e'.repeat(64) } };
    expect(importPlan([stored], otherEdition)).toEqual({ action: 'add' });
    expect(importPlan([stored], { ...pack, id: 'another-form' })).toEqual({ action: 'add' });
  });
});
