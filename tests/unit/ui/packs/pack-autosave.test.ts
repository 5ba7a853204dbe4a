// The pack autosave never calls a pack "saved" that it did not store: a pack failing
// parseFormPack (here a box moved past the largest PDF page) is the value 'pack-invalid', and
// the stored pack (real store, fake-indexeddb) stays as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../../src/db/database';
import { createPackStore, loadStoredPacks } from '../../../../src/db/pack-repository';
import type { FormPack } from '../../../../src/domain/form-packs';
import type { PdfInspection } from '../../../../src/pdf/types';
import { addBox } from '../../../../src/ui/screens/overlay/overlay-model';
import { newPackFor } from '../../../../src/ui/screens/packs/pack-from-form';
import { saveCheckedPack } from '../../../../src/ui/screens/packs/use-autosaved-pack';

const flat: PdfInspection = {
  kind: 'flat',
  encrypted: false,
  pages: 1,
  fingerprint: 'f'.repeat(64),
  fields: [],
};

let db: LotseDb;

beforeEach(async () => {
  db = openDatabase(`pack-autosave-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('autosaving a pack', () => {
  it('refuses an invalid pack as pack-invalid and leaves the stored one alone', async () => {
    const store = createPackStore(db);
    const empty: FormPack = { ...newPackFor('Antrag.pdf', flat), overlays: [] };
    const { pack } = addBox(empty, 0, { x: 300, y: 400 }, 'family-name');
    const added = await store.add(pack);
    if (!added.ok) throw new Error(added.code);
    const [box] = pack.overlays ?? [];
    const tooFar: FormPack = { ...pack, overlays: [{ ...box!, rect: [20_000, 400, 180, 18] }] };
    expect(await saveCheckedPack(store, added.value.id, tooFar)).toBe('pack-invalid');
    const [stored] = await loadStoredPacks(db);
    expect(stored?.pack.overlays?.[0]?.rect).toEqual([210, 391, 180, 18]);
  });
});
