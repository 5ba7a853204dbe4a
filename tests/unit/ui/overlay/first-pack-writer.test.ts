// The first boxes on a flat form, stored through the real pack store (fake-indexeddb): clicks
// while the first add runs and clicks after it resolved all end up in the one stored pack —
// one add, then saves — and a failure is reported, not swallowed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../../src/db/database';
import {
  createPackStore,
  loadStoredPacks,
  type PackStore,
} from '../../../../src/db/pack-repository';
import type { FormPack } from '../../../../src/domain/form-packs';
import type { PdfInspection } from '../../../../src/pdf/types';
import { firstPackWriter } from '../../../../src/ui/screens/overlay/first-pack-writer';
import { addBox } from '../../../../src/ui/screens/overlay/overlay-model';
import { newPackFor } from '../../../../src/ui/screens/packs/pack-from-form';

const flat: PdfInspection = {
  kind: 'flat',
  encrypted: false,
  pages: 1,
  fingerprint: 'e'.repeat(64),
  fields: [],
};
const empty = (): FormPack => ({ ...newPackFor('Antrag.pdf', flat), overlays: [] });

let db: LotseDb;
let store: PackStore;
let adds: number;

beforeEach(async () => {
  db = openDatabase(`first-pack-writer-${Math.random()}`);
  await db.open();
  const real = createPackStore(db);
  adds = 0;
  store = {
    ...real,
    add: (...args) => {
      adds++;
      return real.add(...args);
    },
  };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const boxKeys = async () =>
  (await loadStoredPacks(db)).map((s) => s.pack.overlays?.map((b) => b.key));

describe('the first pack of a flat form', () => {
  it('keeps every click made while the first add runs', async () => {
    const failures: string[] = [];
    const initial = empty();
    const busy: boolean[] = [];
    const writer = firstPackWriter(store, initial, {
      onFailure: (code) => failures.push(code),
      onBusy: (isBusy) => busy.push(isBusy),
    });
    const one = addBox(initial, 0, { x: 200, y: 700 }, 'family-name').pack;
    const two = addBox(one, 0, { x: 200, y: 650 }, 'given-names').pack;
    const three = addBox(two, 0, { x: 200, y: 600 }, 'city').pack;
    const first = writer.change(one);
    void writer.change(two);
    await writer.change(three);
    await first;
    expect(await boxKeys()).toEqual([['overlay-1', 'overlay-2', 'overlay-3']]);
    expect(adds).toBe(1);
    expect(failures).toEqual([]);
    // Busy once, from the first click until the newest pack is stored.
    expect(busy).toEqual([true, false]);
  });

  it('saves (never adds again) a click after the add resolved, so box 1 stays', async () => {
    const initial = empty();
    const writer = firstPackWriter(store, initial, { onFailure: () => undefined });
    const one = addBox(initial, 0, { x: 200, y: 700 }, 'family-name').pack;
    await writer.change(one);
    const two = addBox(one, 0, { x: 200, y: 650 }, 'given-names').pack;
    await writer.change(two);
    expect(await boxKeys()).toEqual([['overlay-1', 'overlay-2']]);
    expect(adds).toBe(1);
  });

  it('reports a pack it may not store, and stores nothing', async () => {
    const failures: Array<[string, boolean]> = [];
    const initial = empty();
    const writer = firstPackWriter(store, initial, {
      onFailure: (code, isAdded) => failures.push([code, isAdded]),
    });
    await writer.change({ ...initial, title: { de: '', en: '' } });
    expect(failures).toEqual([['pack-invalid', false]]);
    expect(await loadStoredPacks(db)).toEqual([]);
  });
});
