// Records with open sync conflicts outside the case book (form drafts, packs, forms) against
// fake-indexeddb: the conflicts the real merge finds are counted for the status (packs too),
// listed with what a link to their screen needs, and a resolved pack is written with its
// shortened conflict list and an outbox entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConflictedRecords, saveResolvedRecord } from '../../../src/db/conflict-records';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import { createDraftRepository } from '../../../src/db/draft-repository';
import { createFormLibrary } from '../../../src/db/form-repository';
import { createPackStore } from '../../../src/db/pack-repository';
import { createRecordRepository } from '../../../src/db/record-repository';
import { createDexieLocalStore } from '../../../src/db/sync-local-store';
import { SHIPPED_PACKS, type FormPack } from '../../../src/domain/form-packs';
import type { PdfInspection } from '../../../src/pdf/types';
import type { SyncRecord } from '../../../src/sync/local-store';
import { conflictsOf, mergeRecord } from '../../../src/sync/merge';
import { resolveConflict } from '../../../src/ui/components/conflict-resolution';
import { sampleCase } from '../../fixtures/records';

let db: LotseDb;
let clockMs = Date.parse('2026-11-22T10:00:00.000Z');
const tick = () => new Date((clockMs += 1000));

beforeEach(async () => {
  db = openDatabase(`conflict-records-test-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const [shipped] = SHIPPED_PACKS as [FormPack];

const inspection = (fingerprint: string): PdfInspection => ({
  kind: 'acroform',
  encrypted: false,
  pages: 1,
  fingerprint,
  fields: [],
});

/** What sync stores when both sides changed `change`'s fields differently: the real merge. */
function conflicted(kind: string, base: SyncRecord, local: object, remote: object): SyncRecord {
  return mergeRecord(kind, base, { ...base, ...local }, { ...base, ...remote }).record;
}

async function seed() {
  const kase = await createRecordRepository(db, 'case', tick).create({
    ...sampleCase,
    label: 'Familie Konflikt',
  });
  if (!kase.ok) throw new Error(kase.code);
  const library = createFormLibrary(db, tick);
  const form = await library.add(
    { fileName: 'antrag.pdf', password: '', inspection: inspection(shipped.edition.fingerprint) },
    new Uint8Array([1, 2, 3]),
  );
  if (!form.ok) throw new Error(form.code);
  const draft = await createDraftRepository(db, tick).create({
    caseId: kase.value.id,
    formId: form.value.id,
    packId: null,
    subjectPersonId: null,
    values: { 'form1[0].Name[0]': 'Haidari' },
    fromCase: {},
    sources: {},
    status: 'draft',
    submittedOn: '',
    office: '',
  });
  if (!draft.ok) throw new Error(draft.code);
  const pack = await createPackStore(db, tick).add(shipped);
  if (!pack.ok) throw new Error(pack.code);
  return { kase: kase.value, form: form.value, draft: draft.value, pack: pack.value };
}

describe('records with sync conflicts outside the case book', () => {
  it('counts drafts and packs with conflicts for the status, and lists them for links', async () => {
    const { kase, form, draft, pack } = await seed();
    const store = createDexieLocalStore(db);
    expect(await store.countConflicted()).toBe(0);

    const base = draft as unknown as SyncRecord;
    const mergedDraft = conflicted(
      'draft',
      base,
      { values: { 'form1[0].Name[0]': 'Haydari' } },
      { values: { 'form1[0].Name[0]': 'Heidari' } },
    );
    expect(conflictsOf(mergedDraft)).toMatchObject([{ path: 'values.form1[0].Name[0]' }]);
    await db.drafts.put(mergedDraft as never);
    const packBase = pack as unknown as SyncRecord;
    const mergedPack = conflicted(
      'pack',
      packBase,
      { pack: { ...shipped, title: { ...shipped.title, de: 'A' } } },
      { pack: { ...shipped, title: { ...shipped.title, de: 'B' } } },
    );
    await db.packs.put(mergedPack as never);

    expect(await store.countConflicted()).toBe(2);
    const listed = await loadConflictedRecords(db);
    expect(listed).toMatchObject([
      {
        kind: 'draft',
        id: draft.id,
        caseId: kase.id,
        caseLabel: 'Familie Konflikt',
        formId: form.id,
        formName: 'antrag.pdf',
      },
      { kind: 'pack', id: pack.id, name: 'B', formId: form.id },
    ]);
  });

  it('a resolved pack is written with the rest of its conflict list and an outbox entry', async () => {
    const { pack } = await seed();
    const merged = conflicted(
      'pack',
      pack as unknown as SyncRecord,
      { pack: { ...shipped, title: { de: 'A', en: 'A' } } },
      { pack: { ...shipped, title: { de: 'B', en: 'B' } } },
    );
    await db.packs.put(merged as never);
    await db.outbox.clear();
    const [first, second] = conflictsOf(merged);
    const resolved = resolveConflict(merged, first!, 'kept');

    const saved = await saveResolvedRecord(db, 'pack', resolved, tick().toISOString());
    expect(saved.ok).toBe(true);
    const stored = (await db.packs.get(pack.id)) as unknown as SyncRecord;
    expect((stored.pack as FormPack).title.de).toBe('A');
    expect(conflictsOf(stored)).toEqual([second]);
    expect(await db.outbox.where({ kind: 'pack', recordId: pack.id }).count()).toBe(1);
    expect(await createDexieLocalStore(db).countConflicted()).toBe(1);
  });
});
