// Attachments follow their records into a new key epoch. After a member is removed and the
// key rotated, a device re-encrypting a form or output record seals its file again as a NEW
// blob under the new epoch, uploads it, and only then pushes the record referencing it. Real
// server over real HTTP, the client's real engine and keys: the new blob opens with the new
// epoch's key alone (the removed member's key cannot), a fresh device gets the same bytes,
// two devices re-encrypting the same record at once agree without a conflict, and a device
// that does not have the file yet (the app's Dexie stores) downloads it first — a download
// cut off holds the record back.
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptBlob, splitEncryptedBlob } from '../../../src/crypto/blob-chunks.js';
import { fromBase64Url, toBase64 } from '../../../src/crypto/bytes.js';
import { rotateEpoch } from '../../../src/crypto/key-epochs.js';
import type { Keyring } from '../../../src/crypto/keyring.js';
import { decryptRecord } from '../../../src/crypto/record-envelope.js';
import { openDatabase } from '../../../src/db/database.js';
import { createFormLibrary } from '../../../src/db/form-repository.js';
import { createDexieLocalStore } from '../../../src/db/sync-local-store.js';
import type { PullResponse } from '../../../src/shared/sync-protocol.js';
import { readBlobRef, type BlobRef } from '../../../src/sync/blob-ref.js';
import { createSyncEngine } from '../../../src/sync/engine.js';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import type { SyncRecord } from '../../../src/sync/local-store.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import { queueReencryption } from '../../../src/sync/reencrypt.js';
import { backends, call, useSyncServer } from '../sync/harness.js';
import {
  formFile,
  libraryForm,
  sameBytes,
  settleEngine,
  withDexie,
  withMemoryBlobs,
} from './attachment-devices.js';
import { createTeamDevice, joinDevice, type ClientDevice } from './client-harness.js';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js';

const refOf = (record: Record<string, unknown> | undefined): BlobRef => {
  const ref = record && readBlobRef({ id: '', ...record });
  if (!ref) throw new Error('no blob reference');
  return ref;
};

/** The keyring with the key of `epoch` only (what a member who joined later could hold). */
const onlyEpoch = (keyring: Keyring, epoch: number): Keyring => {
  const key = keyring.keys.get(epoch);
  if (!key) throw new Error(`no key for epoch ${epoch}`);
  return { ...keyring, current: epoch, keys: new Map([[epoch, key]]) };
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe.each(backends)('attachments re-encrypted after a key rotation, on %s', (backend) => {
  const server = useSyncServer(backend);
  let proxy: CuttingProxy;
  beforeAll(async () => {
    proxy = await startCuttingProxy(server.port);
  });
  afterAll(() => proxy.close());

  /** Revokes `removed` and rotates the team's key to the next epoch, as the admin's app does. */
  async function removeMember(admin: ClientDevice, removed: ClientDevice): Promise<void> {
    const revoked = await call(
      server.baseUrl,
      'POST',
      `/api/v1/devices/${removed.creds.deviceId}/revoke`,
      { token: admin.creds.deviceToken },
    );
    expect(revoked.status).toBe(200);
    const listed = await admin.transport.devices();
    if (!listed.ok) throw new Error(listed.code);
    const remaining = listed.value.devices
      .filter((d) => d.revokedAt === null && d.publicKey !== null)
      .map((d) => ({
        memberId: d.deviceId,
        publicKey: fromBase64Url(d.publicKey ?? '') ?? new Uint8Array(),
      }));
    const rotated = await rotateEpoch(admin.keys.keyring, remaining);
    expect(rotated.failed).toEqual([]);
    const sent = await admin.transport.rotateKeyEpoch({
      epoch: rotated.keyring.current,
      grants: rotated.grants.map((g) => ({ deviceId: g.memberId, wrappedKey: toBase64(g.grant) })),
    });
    expect(sent).toEqual({ ok: true, value: { keyEpoch: rotated.keyring.current } });
    admin.keys.keyring = rotated.keyring;
  }

  /** The server's current version of a record: its revision, epoch and decrypted value. */
  async function serverCopy(device: ClientDevice, kind: string, id: string) {
    const pulled = await call<PullResponse>(
      server.baseUrl,
      'GET',
      '/api/v1/sync/pull?after=0&limit=1000',
      { token: device.creds.deviceToken },
    );
    const found = pulled.body.records.find((r) => r.kind === kind && r.id === id);
    if (!found) throw new Error(`${kind}/${id} not on the server`);
    const keyring = device.keys.keyring;
    const address = { teamId: keyring.teamId, kind, recordId: id, rev: found.rev };
    const envelope = fromBase64Url(found.ciphertext) ?? new Uint8Array();
    const opened = await decryptRecord(keyring, address, envelope);
    if (!opened.ok) throw new Error(opened.code);
    return { rev: found.rev, keyEpoch: found.keyEpoch, record: opened.value as SyncRecord };
  }

  /** The blob as the server serves it, cut into its encrypted chunks. */
  async function chunksOf(device: ClientDevice, ref: BlobRef): Promise<Uint8Array[]> {
    const response = await fetch(`${server.baseUrl}/api/v1/blobs/${ref.blobId}`, {
      headers: { authorization: `Bearer ${device.creds.deviceToken}` },
    });
    expect(response.status).toBe(200);
    return splitEncryptedBlob(new Uint8Array(await response.arrayBuffer()), ref.chunkSize);
  }

  /** The chunks' key epoch, from their headers (version u8 | epoch u32 | …). */
  const epochsOf = (chunks: Uint8Array[]): number[] =>
    chunks.map((chunk) => new DataView(chunk.buffer, chunk.byteOffset).getUint32(1));

  it('a form and an output get new blobs under the new epoch, uploaded before their records', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = withMemoryBlobs(admin, server.baseUrl);
    const removed = await joinDevice(server.baseUrl, admin);
    const pdf = formFile('de_jc_hauptantrag_ha_2025-04.pdf'); // 2 chunks of 256 KiB
    const filled = formFile('de_berlin_wohnungsgeberbestaetigung.pdf');
    const form = libraryForm('hauptantrag.pdf', pdf.byteLength);
    const output = { ...libraryForm('hauptantrag-ausgefuellt.pdf', 0), caseId: randomUUID() };
    a.blobs.write('form', form, pdf);
    a.blobs.write('output', output, filled);
    await settleEngine(a.engine);
    const oldForm = refOf(a.device.store.records().get(`form/${form.id}`));
    const oldOutput = refOf(a.device.store.records().get(`output/${output.id}`));
    expect(oldForm.keyEpoch).toBe(1);
    expect(epochsOf(await chunksOf(admin, oldForm))).toEqual([1, 1]);
    // The removed member's keys, as they kept them.
    const kept = removed.keys.keyring;

    await removeMember(admin, removed);
    a.log.length = 0;
    // Idle: the records of epoch 1 are queued, their files sealed anew, then pushed.
    await settleEngine(a.engine);

    const newForm = refOf(a.device.store.records().get(`form/${form.id}`));
    const newOutput = refOf(a.device.store.records().get(`output/${output.id}`));
    expect(newForm.blobId).not.toBe(oldForm.blobId);
    expect(newOutput.blobId).not.toBe(oldOutput.blobId);
    expect(newForm).toEqual({ ...oldForm, blobId: newForm.blobId, keyEpoch: 2 });
    expect(newOutput).toEqual({ ...oldOutput, blobId: newOutput.blobId, keyEpoch: 2 });
    const push = a.log.indexOf('POST /api/v1/sync/push');
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${newForm.blobId}/complete`));
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${newOutput.blobId}/complete`));
    expect(a.log.indexOf(`POST /api/v1/blobs/${newForm.blobId}/complete`)).toBeGreaterThanOrEqual(
      0,
    );
    // The file was on A: nothing downloaded.
    expect(a.log.filter((line) => line.startsWith('GET /api/v1/blobs/'))).toEqual([
      `GET /api/v1/blobs/${newForm.blobId}/status`,
      `GET /api/v1/blobs/${newOutput.blobId}/status`,
    ]);

    // The server's records are under epoch 2 and reference the new blobs.
    const onServer = await serverCopy(admin, 'form', form.id);
    expect(onServer).toMatchObject({ rev: 2, keyEpoch: 2 });
    expect(refOf(onServer.record)).toEqual(newForm);
    expect(refOf((await serverCopy(admin, 'output', output.id)).record)).toEqual(newOutput);

    // The new blobs open with the epoch-2 key alone, to the same bytes; the old key cannot.
    const epoch2 = onlyEpoch(admin.keys.keyring, 2);
    for (const [ref, bytes] of [
      [newForm, pdf],
      [newOutput, filled],
    ] as const) {
      const chunks = await chunksOf(admin, ref);
      expect(new Set(epochsOf(chunks))).toEqual(new Set([2]));
      const address = { teamId: admin.creds.teamId, blobId: ref.blobId };
      const opened = await decryptBlob(epoch2, address, chunks);
      expect(opened.ok && sameBytes(opened.value, bytes)).toBe(true);
      expect(opened.ok && sha256(opened.value)).toBe(sha256(bytes));
      expect(ref.sha256).toBe(sha256(bytes));
      expect(await decryptBlob(kept, address, chunks)).toEqual({
        ok: false,
        code: 'crypto-unknown-epoch',
      });
    }
    // No endpoint deletes a blob: the old one is still there (docs/security.md).
    const oldStatus = await call<{ complete: boolean }>(
      server.baseUrl,
      'GET',
      `/api/v1/blobs/${oldForm.blobId}/status`,
      { token: admin.creds.deviceToken },
    );
    expect(oldStatus.body.complete).toBe(true);

    // A fresh device, holding the epoch-2 key only, gets both files byte for byte.
    const fresh = await joinDevice(server.baseUrl, admin);
    fresh.keys.keyring = onlyEpoch(fresh.keys.keyring, 2);
    const b = withMemoryBlobs(fresh, server.baseUrl);
    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pulled: 2, downloaded: 2, problems: [] } });
    expect(sameBytes(b.blobs.bytes().get(`form/${form.id}`), pdf)).toBe(true);
    expect(sameBytes(b.blobs.bytes().get(`output/${output.id}`), filled)).toBe(true);
    expect(b.log).not.toContain(`GET /api/v1/blobs/${oldForm.blobId}`);
    expect(b.device.store.records()).toEqual(a.device.store.records());

    // Done: another quiet run re-encrypts and uploads nothing.
    a.log.length = 0;
    expect(await a.engine.syncOnce()).toMatchObject({ ok: true, value: { pushed: 0 } });
    expect(a.log.filter((line) => !line.startsWith('GET /api/v1/sync/pull'))).toEqual([]);
  });

  it('two devices re-encrypting the same record at once make the same blob, without a conflict', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = withMemoryBlobs(admin, server.baseUrl);
    const s = withMemoryBlobs(await joinDevice(server.baseUrl, admin), server.baseUrl);
    const removed = await joinDevice(server.baseUrl, admin);
    const pdf = formFile('de_jc_anlage_ek.pdf');
    const form = libraryForm('anlage-ek.pdf', pdf.byteLength);
    a.blobs.write('form', form, pdf);
    await settleEngine(a.engine);
    await settleEngine(s.engine);
    expect(sameBytes(s.blobs.bytes().get(`form/${form.id}`), pdf)).toBe(true);

    await removeMember(admin, removed);
    expect(await s.device.refreshKeys()).toBe(true);
    await settleEngine(s.engine);
    const bySibling = refOf(s.device.store.records().get(`form/${form.id}`));
    expect(bySibling.keyEpoch).toBe(2);

    // A has not pulled S's version yet and re-encrypts the record too.
    a.log.length = 0;
    expect(await queueReencryption(a.device.store, 2, 50)).toBe(1);
    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pending: 0, problems: [] } });
    const mine = a.device.store.records().get(`form/${form.id}`);
    expect(refOf(mine)).toEqual(bySibling);
    expect(mine?.syncConflicts).toBeUndefined();
    // The blob was complete: nothing uploaded, and the record merged into S's version.
    expect(a.log.filter((line) => line.startsWith('PUT '))).toEqual([]);
    expect(await serverCopy(admin, 'form', form.id)).toMatchObject({ rev: 2, keyEpoch: 2 });
    expect(await a.device.store.problems()).toEqual([]);
    await settleEngine(s.engine);
    expect(s.device.store.records()).toEqual(a.device.store.records());
  });

  it('a device without the file downloads it first; a download cut off holds the record back', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = withMemoryBlobs(admin, server.baseUrl);
    const removed = await joinDevice(server.baseUrl, admin);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const form = libraryForm('anlage-kdu.pdf', pdf.byteLength);
    a.blobs.write('form', form, pdf);
    await settleEngine(a.engine);
    const oldRef = refOf(a.device.store.records().get(`form/${form.id}`));

    // C, on the app's Dexie stores, synced the record with a version that fetched no files:
    // the record is there, its PDF only on the download list.
    const member = await joinDevice(server.baseUrl, admin);
    const db = openDatabase(`reencrypt-attachments-${randomUUID()}`);
    await db.open();
    await settleEngine(
      createSyncEngine({
        store: createDexieLocalStore(db),
        transport: createHttpTransport({
          baseUrl: server.baseUrl,
          deviceToken: member.creds.deviceToken,
        }),
        codec: createRecordCodec(() => member.keys.keyring),
      }),
    );
    expect(refOf(await db.forms.get(form.id))).toEqual(oldRef);
    expect(await db.formFiles.get(form.id)).toBeUndefined();
    expect(await db.syncState.get('blob-wanted')).toMatchObject({
      value: [{ kind: 'form', id: form.id }],
    });

    await removeMember(admin, removed);
    expect(await member.refreshKeys()).toBe(true);
    const c = await withDexie(member, proxy.baseUrl, db);
    proxy.cutNext({
      match: new RegExp(`^GET /api/v1/blobs/${oldRef.blobId} `),
      direction: 'response',
      afterBytes: 50_000,
    });
    expect(await c.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    // Nothing went out: the server still has the record of epoch 1 with the old blob.
    expect(c.log).not.toContain('POST /api/v1/sync/push');
    const before = await serverCopy(admin, 'form', form.id);
    expect(before).toMatchObject({ rev: 1, keyEpoch: 1 });
    expect(refOf(before.record)).toEqual(oldRef);
    expect(refOf(await db.forms.get(form.id))).toEqual(oldRef);
    expect(await db.formFiles.get(form.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);

    c.log.length = 0;
    await settleEngine(c.engine);
    const newRef = refOf(await db.forms.get(form.id));
    expect(newRef).toEqual({ ...oldRef, blobId: newRef.blobId, keyEpoch: 2 });
    expect(newRef.blobId).not.toBe(oldRef.blobId);
    const download = c.log.indexOf(`GET /api/v1/blobs/${oldRef.blobId}`);
    const firstChunk = c.log.indexOf(`PUT /api/v1/blobs/${newRef.blobId}/chunks/0`);
    const complete = c.log.indexOf(`POST /api/v1/blobs/${newRef.blobId}/complete`);
    expect(download).toBeGreaterThanOrEqual(0);
    expect(firstChunk).toBeGreaterThan(download);
    expect(complete).toBeGreaterThan(firstChunk);
    expect(c.log.indexOf('POST /api/v1/sync/push')).toBeGreaterThan(complete);
    // The file is now on C (off the download list), and the server's record is of epoch 2.
    const bytes = await createFormLibrary(db).bytes(form.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
    expect(await db.syncState.get('blob-wanted')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await c.store.problems()).toEqual([]);
    const after = await serverCopy(admin, 'form', form.id);
    expect(after).toMatchObject({ rev: 2, keyEpoch: 2 });
    expect(refOf(after.record)).toEqual(newRef);
    const chunks = await chunksOf(admin, newRef);
    const opened = await decryptBlob(
      onlyEpoch(admin.keys.keyring, 2),
      { teamId: admin.creds.teamId, blobId: newRef.blobId },
      chunks,
    );
    expect(opened.ok && sameBytes(opened.value, pdf)).toBe(true);

    // A, which had the file all along, takes the new version without downloading anything.
    a.log.length = 0;
    await settleEngine(a.engine);
    expect(refOf(a.device.store.records().get(`form/${form.id}`))).toEqual(newRef);
    expect(a.log.filter((line) => line.startsWith('GET /api/v1/blobs/'))).toEqual([]);
    db.close();
    await db.delete();
  });
});
