// Overlay mode's pure rules: CSS pixels ↔ PDF points, placing/changing/linking/removing boxes
// keeps the pack valid (parseFormPack), the link list recognises its own mappings, and drafts
// get the boxes of the stored pack for exactly this edition, labelled and in page order.
import { describe, expect, it } from 'vitest';
import {
  evaluatePack,
  parseFormPack,
  serializeFormPack,
  type FormPack,
} from '../../../../src/domain/form-packs';
import type { PdfInspection } from '../../../../src/pdf/types';
import { LINK_IDS, linkMapping, linkOf } from '../../../../src/ui/screens/overlay/link-options';
import {
  addBox,
  changeBox,
  linkBox,
  overlayFields,
  packForEdition,
  removeBox,
} from '../../../../src/ui/screens/overlay/overlay-model';
import { toCssRect, toPdfPoint } from '../../../../src/ui/screens/overlay/page-geometry';
import { fillableFields } from '../../../../src/ui/screens/forms/draft-model';
import { newPackFor } from '../../../../src/ui/screens/packs/pack-from-form';
import { context } from '../../domain/form-packs/household-fixture';

const flat: PdfInspection = {
  kind: 'flat',
  encrypted: false,
  pages: 4,
  fingerprint: 'c'.repeat(64),
  fields: [],
};
const empty = (): FormPack => ({ ...newPackFor('LEA Antrag.pdf', flat), overlays: [] });

describe('page geometry', () => {
  const view = { box: { x: 0, y: 0, width: 595.2, height: 841.68 }, scale: 1.5 };

  it('turns a click into PDF points (origin bottom-left) and back', () => {
    const point = toPdfPoint(view, 300, 150);
    expect(point.x).toBeCloseTo(200);
    expect(point.y).toBeCloseTo(841.68 - 100);
    const css = toCssRect(view, [point.x - 10, point.y - 5, 20, 10]);
    expect(css.left + css.width / 2).toBeCloseTo(300);
    expect(css.top + css.height / 2).toBeCloseTo(150);
    expect(css.width).toBeCloseTo(30);
  });

  it('respects a page box that does not start at 0,0', () => {
    const shifted = { box: { x: 20, y: 30, width: 100, height: 200 }, scale: 2 };
    expect(toPdfPoint(shifted, 0, 0)).toEqual({ x: 20, y: 230 });
  });
});

describe('editing boxes', () => {
  it('places boxes centred on the point, with fresh keys, and the pack stays valid', () => {
    const first = addBox(empty(), 0, { x: 300, y: 700 }, 'family-name');
    const second = addBox(first.pack, 0, { x: 300, y: 650 }, 'date-of-birth');
    expect([first.key, second.key]).toEqual(['overlay-1', 'overlay-2']);
    expect(second.pack.overlays?.[0]).toEqual({
      key: 'overlay-1',
      page: 0,
      rect: [210, 691, 180, 18],
    });
    expect(parseFormPack(serializeFormPack(second.pack))).toEqual({ ok: true, value: second.pack });
    const removed = removeBox(second.pack, 'overlay-1');
    expect(removed.mappings.map((m) => m.key)).toEqual(['overlay-2']);
    // A deleted key is not handed to the next box (an old draft's value would land in it).
    expect(addBox(removed, 1, { x: 0, y: 0 }, 'city').key).toBe('overlay-3');
  });

  it('never reuses the key of a box deleted before others', () => {
    let pack = empty();
    for (const link of ['family-name', 'given-names', 'city'] as const) {
      pack = addBox(pack, 0, { x: 300, y: 700 }, link).pack;
    }
    const withoutSecond = removeBox(pack, 'overlay-2');
    const next = addBox(withoutSecond, 0, { x: 300, y: 600 }, 'phone');
    expect(next.key).toBe('overlay-4');
    expect(parseFormPack(serializeFormPack(next.pack)).ok).toBe(true);
  });

  it('changes position, size and font size; refuses sizes that make no box', () => {
    const { pack } = addBox(empty(), 0, { x: 300, y: 700 }, 'family-name');
    const moved = changeBox(pack, 'overlay-1', { x: 100, y: 50.126, fontSize: 9, multiline: true });
    expect(moved.overlays?.[0]).toMatchObject({
      rect: [100, 50.13, 180, 18],
      fontSize: 9,
      multiline: true,
    });
    const bad = changeBox(moved, 'overlay-1', { width: 0, height: Number.NaN, fontSize: -3 });
    expect(bad.overlays?.[0]).toEqual(moved.overlays?.[0]);
    const auto = changeBox(moved, 'overlay-1', { fontSize: 0, multiline: false });
    expect(auto.overlays?.[0]).toEqual({ key: 'overlay-1', page: 0, rect: [100, 50.13, 180, 18] });
  });

  it('clamps what a pack cannot hold, so every change is stored as shown', () => {
    const { pack } = addBox(empty(), 0, { x: 300, y: 700 }, 'family-name');
    const far = changeBox(pack, 'overlay-1', { x: 20_000, y: -20_000 });
    expect(far.overlays?.[0]?.rect).toEqual([14_399, -14_400, 1, 18]);
    const huge = changeBox(pack, 'overlay-1', { width: 99_999, height: 99_999, fontSize: 500 });
    expect(huge.overlays?.[0]).toMatchObject({ rect: [210, 691, 14_190, 13_709], fontSize: 144 });
    // Between 0 (automatic) and the smallest size the engine draws: the smallest size.
    const tiny = changeBox(pack, 'overlay-1', { fontSize: 2 });
    expect(tiny.overlays?.[0]?.fontSize).toBe(4);
    for (const changed of [far, huge, tiny]) {
      expect(parseFormPack(serializeFormPack(changed))).toEqual({ ok: true, value: changed });
    }
  });

  it('links a box to another value', () => {
    const { pack } = addBox(empty(), 0, { x: 300, y: 700 }, 'family-name');
    const linked = linkBox(pack, 'overlay-1', 'place-date');
    expect(linkOf(linked.mappings[0])).toBe('place-date');
    expect(linked.mappings).toHaveLength(1);
  });
});

describe('link options', () => {
  it('recognises each of its mappings, and every one is valid in a pack and yields text', () => {
    let pack = empty();
    for (const id of LINK_IDS) {
      expect(linkOf({ key: 'x', ...linkMapping(id) })).toBe(id);
      pack = addBox(pack, 0, { x: 100, y: 100 }, id).pack;
    }
    expect(parseFormPack(serializeFormPack(pack)).ok).toBe(true);
    const evaluation = evaluatePack(pack, context(), flat);
    const byKey = Object.fromEntries(evaluation.fields.map((f) => [f.key, f.value]));
    expect(byKey['overlay-1']).toBe('Haidari');
    expect(byKey['overlay-4']).toBe('00.00.1990');
    expect(byKey['overlay-11']).toBe('Berlin, 22.11.2026');
    expect(linkOf({ kind: 'fixed', value: 'x' })).toBeNull();
  });
});

describe('boxes in drafts', () => {
  const { pack } = addBox(
    addBox(empty(), 1, { x: 100, y: 100 }, 'given-names').pack,
    0,
    { x: 300, y: 500 },
    'family-name',
  );

  const stored = (p: FormPack, updatedAt: string) => ({ pack: p, updatedAt });

  it('editor and drafts use one pack of exactly this edition: with boxes, then newest', () => {
    const withBoxes = stored(pack, '2026-11-01T10:00:00.000Z');
    const newerEmpty = stored({ ...pack, id: 'other', overlays: [] }, '2026-11-20T10:00:00.000Z');
    const newerBoxes = stored({ ...pack, id: 'newer' }, '2026-11-10T10:00:00.000Z');
    const otherEdition = stored(
      { ...pack, edition: { ...pack.edition, fingerprint: 'd'.repeat(64) } },
      '2026-11-30T10:00:00.000Z',
    );
    expect(packForEdition(flat, [newerEmpty, withBoxes])).toBe(withBoxes);
    expect(packForEdition(flat, [withBoxes, newerEmpty, newerBoxes])).toBe(newerBoxes);
    expect(packForEdition(flat, [newerEmpty, otherEdition])).toBe(newerEmpty);
    expect(packForEdition(flat, [otherEdition])).toBeNull();
  });

  it('lists the boxes as labelled text fields in page order', () => {
    const fields = overlayFields(pack, (link) => `label:${link}`);
    const ordered = fillableFields(flat, fields);
    expect(ordered.map((f) => [f.key, f.label, f.page, f.type])).toEqual([
      ['overlay-2', 'label:family-name', 1, 'text'],
      ['overlay-1', 'label:given-names', 2, 'text'],
    ]);
  });
});
