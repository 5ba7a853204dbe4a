// Forms and outputs synced before attachments were: their records went out without a blob
// reference, and their bytes stayed on the device that made them. Once that device syncs with
// attachments, it uploads each blob and pushes the record again with its reference — once
// per device — and the other device then gets the bytes. Real server, the app's Dexie stores.
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDraftRepository, loadDraftOutputs } from '../../../src/db/draft-repository.js';
import { createFormLibrary } from '../../../src/db/form-repository.js';
import { readBlobRef } from '../../../src/sync/blob-ref.js';
import { createSyncEngine } from '../../../src/sync/engine.js';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import { backends, useSyncServer } from '../sync/harness.js';
import {
  formFile,
  inspection,
  sameBytes,
  settleEngine,
  withDexie,
  type DexieAttachmentDevice,
} from './attachment-devices.js';
import { createTeamDevice, joinDevice } from './client-harness.js';

/** The engine of the version before attachments: records only, over the same stores. */
const engineWithoutBlobs = (device: DexieAttachmentDevice, baseUrl: string) =>
  createSyncEngine({
    store: device.store,
    transport: createHttpTransport({ baseUrl, deviceToken: device.device.creds.deviceToken }),
    codec: createRecordCodec(() => device.device.keys.keyring),
  });

describe.each(backends)('attachments synced before blobs were, on %s', (backend) => {
  const server = useSyncServer(backend);

  it('the device holding the bytes uploads them and pushes the records again, once', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await withDexie(admin, server.baseUrl);
    const b = await withDexie(await joinDevice(server.baseUrl, admin), server.baseUrl);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const filled = formFile('de_jc_anlage_ki.pdf');
    const library = createFormLibrary(a.db);
    const form = await library.add({ fileName: 'anlage-kdu.pdf', password: '', inspection }, pdf);
    if (!form.ok) throw new Error(form.code);
    const draftId = randomUUID();
    const output = await createDraftRepository(a.db).addOutput({
      caseId: randomUUID(),
      draftId,
      formId: form.value.id,
      fileName: 'anlage-kdu-ausgefuellt.pdf',
      flattened: true,
      bytes: filled,
    });
    if (!output.ok) throw new Error(output.code);
    await settleEngine(engineWithoutBlobs(a, server.baseUrl));
    await settleEngine(b.engine);
    // B has both records, without a reference and so without anything to download.
    expect(readBlobRef((await b.db.forms.get(form.value.id)) as never)).toBeNull();
    expect((await createFormLibrary(b.db).bytes(form.value.id)).ok).toBe(false);
    expect((await loadDraftOutputs(b.db, draftId))[0]?.bytes.byteLength).toBe(0);
    expect(await b.db.syncState.get('blob-wanted')).toBeUndefined();

    a.log.length = 0;
    await settleEngine(a.engine);
    const formRef = readBlobRef((await a.db.forms.get(form.value.id)) as never);
    const outputRef = readBlobRef((await a.db.outputs.get(output.value.id)) as never);
    if (!formRef || !outputRef) throw new Error('no reference on A');
    const push = a.log.indexOf('POST /api/v1/sync/push');
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${formRef.blobId}/complete`));
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${outputRef.blobId}/complete`));
    expect(a.log.indexOf(`POST /api/v1/blobs/${formRef.blobId}/complete`)).toBeGreaterThan(-1);
    expect((await loadDraftOutputs(a.db, draftId))[0]?.bytes).toEqual(filled);

    await settleEngine(b.engine);
    const bytes = await createFormLibrary(b.db).bytes(form.value.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
    expect(sameBytes((await loadDraftOutputs(b.db, draftId))[0]?.bytes, filled)).toBe(true);
    expect(await b.store.problems()).toEqual([]);

    // Once: a form that an old engine syncs later without a reference is not looked at again.
    const late = await library.add({ fileName: 'spaet.pdf', password: '', inspection }, pdf);
    if (!late.ok) throw new Error(late.code);
    await settleEngine(engineWithoutBlobs(a, server.baseUrl));
    a.log.length = 0;
    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pushed: 0, pending: 0 } });
    expect(a.log.filter((line) => line.includes('/blobs/'))).toEqual([]);
    expect(readBlobRef((await a.db.forms.get(late.value.id)) as never)).toBeNull();
  }, 30_000);
});
