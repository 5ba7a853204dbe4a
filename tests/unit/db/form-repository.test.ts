// The form library, drafts and outputs against fake-indexeddb: outbox entries in the same
// transaction, tombstones instead of deletes, bytes kept exactly, a full disk as a value.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database';
import {
  createDraftRepository,
  loadCaseDrafts,
  loadDraftOutputs,
  type DraftData,
} from '../../../src/db/draft-repository';
import { createFormLibrary, loadFormLibrary } from '../../../src/db/form-repository';
import type { PdfInspection } from '../../../src/pdf/types';

const FORMS = resolve(import.meta.dirname, '../../../../shared/forms');
const hauptantrag = new Uint8Array(
  readFileSync(resolve(FORMS, 'de_jc_hauptantrag_ha_2025-04.pdf')),
);

const inspection: PdfInspection = {
  kind: 'acroform',
  encrypted: false,
  pages: 1,
  fingerprint: 'f1',
  fields: [
    {
      name: 'Name',
      key: 'Name',
      type: 'text',
      label: 'Familienname',
      page: 1,
      rect: { x: 10, y: 10, width: 100, height: 12 },
      maxLen: null,
      comb: false,
      options: [],
      onValue: null,
      readOnly: false,
    },
  ],
};

let db: LotseDb;
let clockMs = Date.parse('2026-11-22T10:00:00.000Z');
const tick = () => new Date((clockMs += 1000));

beforeEach(async () => {
  db = openDatabase(`form-repo-test-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const draftData = (caseId: string, formId: string): DraftData => ({
  caseId,
  formId,
  packId: null,
  subjectPersonId: null,
  values: { Name: 'Öztürk' },
  fromCase: { Name: 'Öztürk' },
  sources: { Name: { record: 'person', personId: 'p1', field: 'familyName' } },
  status: 'draft',
  submittedOn: '',
  office: '',
});

describe('form library', () => {
  it('keeps the imported bytes exactly and records the import in the outbox', async () => {
    const library = createFormLibrary(db, tick);
    const added = await library.add(
      { fileName: 'hauptantrag.pdf', password: '', inspection },
      hauptantrag,
    );
    if (!added.ok) throw new Error(added.code);
    expect(added.value.size).toBe(hauptantrag.byteLength);
    const bytes = await library.bytes(added.value.id);
    expect(bytes.ok && Buffer.from(bytes.value).equals(Buffer.from(hauptantrag))).toBe(true);
    expect(await loadFormLibrary(db)).toEqual([added.value]);
    expect(await db.outbox.toArray()).toMatchObject([
      { kind: 'form', recordId: added.value.id, op: 'put' },
    ]);
  });

  it('removing a form leaves a tombstone and an outbox delete, and drops its bytes', async () => {
    const library = createFormLibrary(db, tick);
    const added = await library.add({ fileName: 'a.pdf', password: '', inspection }, hauptantrag);
    if (!added.ok) throw new Error(added.code);
    expect((await library.remove(added.value.id)).ok).toBe(true);
    expect(await loadFormLibrary(db)).toEqual([]);
    expect(await db.forms.get(added.value.id)).toMatchObject({ deleted: true });
    expect(await library.get(added.value.id)).toEqual({ ok: false, code: 'not-found' });
    expect(await library.bytes(added.value.id)).toEqual({ ok: false, code: 'not-found' });
    expect(await db.outbox.toArray()).toMatchObject([
      { kind: 'form', recordId: added.value.id, op: 'delete' },
    ]);
  });

  it('a full disk is a quota-exceeded value and leaves nothing half-written', async () => {
    const library = createFormLibrary(db, tick);
    db.formFiles.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const added = await library.add({ fileName: 'a.pdf', password: '', inspection }, hauptantrag);
    expect(added).toEqual({ ok: false, code: 'quota-exceeded' });
    expect(await db.forms.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('drafts and outputs', () => {
  it('create, save and list a case’s drafts with one outbox entry per draft', async () => {
    const drafts = createDraftRepository(db, tick);
    const created = await drafts.create(draftData('case-1', 'form-1'));
    if (!created.ok) throw new Error(created.code);
    await drafts.create(draftData('case-2', 'form-1'));
    for (const name of ['Ö', 'Öz', 'Özt']) {
      const saved = await drafts.save(created.value.id, {
        ...draftData('case-1', 'form-1'),
        values: { Name: name },
      });
      expect(saved.ok).toBe(true);
    }
    const listed = await loadCaseDrafts(db, 'case-1');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.values).toEqual({ Name: 'Özt' });
    expect(listed[0]?.fromCase).toEqual({ Name: 'Öztürk' });
    expect(listed[0]?.createdAt).toBe(created.value.createdAt);
    const entries = await db.outbox.where({ kind: 'draft', recordId: created.value.id }).toArray();
    expect(entries).toHaveLength(1);
    expect(await drafts.save('missing', draftData('c', 'f'))).toEqual({
      ok: false,
      code: 'not-found',
    });
  });

  it('keeps outputs with the draft; removing the draft tombstones both', async () => {
    const drafts = createDraftRepository(db, tick);
    const created = await drafts.create(draftData('case-1', 'form-1'));
    if (!created.ok) throw new Error(created.code);
    const output = await drafts.addOutput({
      caseId: 'case-1',
      draftId: created.value.id,
      formId: 'form-1',
      fileName: 'hauptantrag-ausgefuellt.pdf',
      flattened: false,
      bytes: hauptantrag,
    });
    if (!output.ok) throw new Error(output.code);
    const listed = await loadDraftOutputs(db, created.value.id);
    expect(listed).toHaveLength(1);
    expect(Buffer.from(listed[0]?.bytes ?? []).equals(Buffer.from(hauptantrag))).toBe(true);

    expect((await drafts.remove(created.value.id)).ok).toBe(true);
    expect(await loadCaseDrafts(db, 'case-1')).toEqual([]);
    expect(await loadDraftOutputs(db, created.value.id)).toEqual([]);
    expect(await db.drafts.get(created.value.id)).toMatchObject({ deleted: true });
    expect(await db.outputs.get(output.value.id)).toMatchObject({ deleted: true });
    const ops = (await db.outbox.toArray()).map((e) => `${e.kind}:${e.op}`).sort();
    expect(ops).toEqual(['draft:delete', 'output:delete']);
  });

  it('a full disk while keeping an output is quota-exceeded and writes nothing', async () => {
    const drafts = createDraftRepository(db, tick);
    db.outputs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const output = await drafts.addOutput({
      caseId: 'c',
      draftId: 'd',
      formId: 'f',
      fileName: 'x.pdf',
      flattened: true,
      bytes: hauptantrag,
    });
    expect(output).toEqual({ ok: false, code: 'quota-exceeded' });
    expect(await db.outbox.count()).toBe(0);
  });
});
