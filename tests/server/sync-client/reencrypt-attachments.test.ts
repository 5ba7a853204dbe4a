// Attachments follow their records into a new key epoch. After a member is removed and the
// key rotated, a device re-encrypting a form or output record seals its file again as a NEW
// blob under the new epoch, uploads it, and only then pushes the record referencing it. Real
// server over real HTTP, the client's real engine and keys: the new blob opens with the new
// epoch's key alone (the removed member's key cannot), a fresh device gets the same bytes,
// two devices re-encrypting the same record at once agree without a conflict, and a device
// that does not have the file yet (the app's Dexie stores) downloads it first — a download
// cut off holds the record back. Once the server acknowledged the re-encrypted record, the
// old blob is deleted from the server (never before; a deletion that fails waits, kept on
// the device, and never fails the run), and a device that still wanted the old blob recovers
// with the new version.
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
import { createDexieBlobStore } from '../../../src/db/sync-blob-store.js';
import { createDexieLocalStore } from '../../../src/db/sync-local-store.js';
import type { PullResponse } from '../../../src/shared/sync-protocol.js';
import { createMemoryBlobStore } from '../../../src/sync/blob-local-store.js';
import { readBlobRef, type BlobRef } from '../../../src/sync/blob-ref.js';
import { createHttpBlobTransport } from '../../../src/sync/blob-transport.js';
import { createSyncEngine } from '../../../src/sync/engine.js';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import type { SyncRecord } from '../../../src/sync/local-store.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import { queueReencryption } from '../../../src/sync/reencrypt.js';
import { backends, call, useSyncServer } from '../sync/harness.js';
import {
  formFile,
  inspection,
  libraryForm,
  sameBytes,
  settleEngine,
  withDexie,
  withMemoryBlobs,
} from './attachment-devices.js';
import { createTeamDevice, joinDevice, settle, type ClientDevice } from './client-harness.js';
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

  /** 'complete' (or 'incomplete') as the blob's status says, or the HTTP status otherwise. */
  async function blobState(device: ClientDevice, blobId: string): Promise<string | number> {
    const reply = await call<{ complete?: boolean }>(
      server.baseUrl,
      'GET',
      `/api/v1/blobs/${blobId}/status`,
      { token: device.creds.deviceToken },
    );
    if (reply.status !== 200) return reply.status;
    return reply.body.complete ? 'complete' : 'incomplete';
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
    // The old blobs were deleted, after the push that put the new references on the server.
    for (const old of [oldForm, oldOutput]) {
      expect(a.log.indexOf(`DELETE /api/v1/blobs/${old.blobId}`)).toBeGreaterThan(push);
      expect(await blobState(admin, old.blobId)).toBe(404);
    }
    expect(await blobState(admin, newForm.blobId)).toBe('complete');
    expect(await blobState(admin, newOutput.blobId)).toBe('complete');
    expect(await a.blobs.replacedBlobs()).toEqual([]);

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
    // S's push was acknowledged: S deleted the old blob.
    const oldRef = refOf(a.device.store.records().get(`form/${form.id}`));
    expect(await blobState(admin, oldRef.blobId)).toBe(404);

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
    // A asked to delete it too (its merge put the new reference in its shadow): already gone,
    // which counts as done.
    expect(a.log).toContain(`DELETE /api/v1/blobs/${oldRef.blobId}`);
    expect(await a.blobs.replacedBlobs()).toEqual([]);
    expect(await blobState(admin, bySibling.blobId)).toBe('complete');
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
    // Deleted once the push was acknowledged; nothing left to delete on C.
    expect(c.log.indexOf(`DELETE /api/v1/blobs/${oldRef.blobId}`)).toBeGreaterThan(
      c.log.indexOf('POST /api/v1/sync/push'),
    );
    expect(await blobState(admin, oldRef.blobId)).toBe(404);
    expect(await db.syncState.get('blob-replaced')).toBeUndefined();
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

  it('a device that still wanted the old blob finds it deleted, and recovers with the new version', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = withMemoryBlobs(admin, server.baseUrl);
    const removed = await joinDevice(server.baseUrl, admin);
    const pdf = formFile('de_jc_anlage_ek.pdf');
    const form = libraryForm('anlage-ek.pdf', pdf.byteLength);
    a.blobs.write('form', form, pdf);
    await settleEngine(a.engine);
    const oldRef = refOf(a.device.store.records().get(`form/${form.id}`));

    // D, on the app's Dexie stores, pulls the record of epoch 1; just before it downloads the
    // file, A re-encrypts the record and deletes the old blob (the race the order allows).
    const member = await joinDevice(server.baseUrl, admin);
    const db = openDatabase(`reencrypt-attachments-${randomUUID()}`);
    await db.open();
    const log: string[] = [];
    let race: (() => Promise<void>) | null = async () => {
      await removeMember(admin, removed);
      await settleEngine(a.engine);
    };
    const racing: typeof fetch = async (input, init) => {
      const line = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
      log.push(line);
      if (race && line === `GET /api/v1/blobs/${oldRef.blobId}`) {
        const run = race;
        race = null;
        await run();
      }
      return fetch(input, init);
    };
    const link = { baseUrl: server.baseUrl, deviceToken: member.creds.deviceToken, fetch: racing };
    const d = createSyncEngine({
      store: createDexieLocalStore(db),
      transport: createHttpTransport(link),
      codec: createRecordCodec(() => member.keys.keyring),
      refreshKeys: member.refreshKeys,
      blobs: {
        store: createDexieBlobStore(db),
        transport: createHttpBlobTransport(link),
        keyring: () => member.keys.keyring,
      },
    });
    const first = await d.syncOnce();
    expect(race).toBeNull();
    expect(await blobState(admin, oldRef.blobId)).toBe(404);
    // Reported for now (the run itself is fine), and not fetched again until a new version.
    expect(first).toMatchObject({
      ok: true,
      value: {
        pulled: 1,
        downloaded: 0,
        problems: [{ kind: 'form', id: form.id, code: 'blob-unavailable' }],
      },
    });
    expect(refOf(await db.forms.get(form.id))).toEqual(oldRef);
    expect(await db.formFiles.get(form.id)).toBeUndefined();

    // The next run pulls the re-encrypted version (fetching the epoch-2 key on the way): the
    // problem is gone and the new blob is downloaded instead.
    log.length = 0;
    const second = await d.syncOnce();
    expect(second).toMatchObject({ ok: true, value: { pulled: 1, downloaded: 1, problems: [] } });
    const newRef = refOf(await db.forms.get(form.id));
    expect(newRef).toEqual(refOf(a.device.store.records().get(`form/${form.id}`)));
    expect(newRef.keyEpoch).toBe(2);
    expect(log).toContain(`GET /api/v1/blobs/${newRef.blobId}`);
    expect(log).not.toContain(`GET /api/v1/blobs/${oldRef.blobId}`);
    const bytes = await createFormLibrary(db).bytes(form.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
    expect(await db.syncProblems.count()).toBe(0);
    expect(await db.syncState.get('blob-wanted')).toBeUndefined();
    db.close();
    await db.delete();
  });

  it('deletes only after the acknowledgement; a failed deletion waits on the device, never failing the run', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await withDexie(admin, proxy.baseUrl);
    const removed = await joinDevice(server.baseUrl, admin);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const added = await createFormLibrary(a.db).add(
      { fileName: 'anlage-kdu.pdf', password: '', inspection },
      pdf,
    );
    if (!added.ok) throw new Error(added.code);
    const id = added.value.id;
    await settleEngine(a.engine);
    const oldRef = refOf(await a.db.forms.get(id));
    await removeMember(admin, removed);

    // The push's answer is lost: the server has the new version, but A cannot know it, so
    // the old blob stays.
    proxy.cutNext({ match: /^POST \/api\/v1\/sync\/push /, direction: 'response', afterBytes: 0 });
    await queueReencryption(a.store, 2, 50);
    expect(await a.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    const newRef = refOf(await a.db.forms.get(id));
    expect(refOf((await serverCopy(admin, 'form', id)).record)).toEqual(newRef);
    expect(a.log.some((line) => line.startsWith('DELETE '))).toBe(false);
    expect(await blobState(admin, oldRef.blobId)).toBe('complete');
    expect(await a.db.syncState.get('blob-replaced')).toMatchObject({
      value: [{ kind: 'form', id, oldBlobId: oldRef.blobId, newBlobId: newRef.blobId }],
    });

    // Next run: the push is acknowledged (the same change again), but the deletion is cut off.
    // The run is fine and nothing is pending; the deletion is remembered.
    proxy.cutNext({ match: /^DELETE \/api\/v1\/blobs\//, direction: 'request', afterBytes: 0 });
    a.log.length = 0;
    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pending: 0, problems: [] } });
    expect(a.log).toContain(`DELETE /api/v1/blobs/${oldRef.blobId}`);
    expect(await blobState(admin, oldRef.blobId)).toBe('complete');
    expect(await a.db.syncState.get('blob-replaced')).toMatchObject({
      value: [{ oldBlobId: oldRef.blobId }],
    });

    // The app starts anew on the same database: the deletion goes through.
    const again = await withDexie(admin, server.baseUrl, a.db);
    expect(await again.engine.syncOnce()).toMatchObject({ ok: true, value: { pending: 0 } });
    expect(again.log).toContain(`DELETE /api/v1/blobs/${oldRef.blobId}`);
    expect(await blobState(admin, oldRef.blobId)).toBe(404);
    expect(await blobState(admin, newRef.blobId)).toBe('complete');
    expect(await a.db.syncState.get('blob-replaced')).toBeUndefined();
    // A fresh device gets the file from the new blob.
    const fresh = withMemoryBlobs(await joinDevice(server.baseUrl, admin), server.baseUrl);
    fresh.device.keys.keyring = onlyEpoch(fresh.device.keys.keyring, 2);
    expect(await fresh.engine.syncOnce()).toMatchObject({
      ok: true,
      value: { pulled: 1, downloaded: 1, problems: [] },
    });
    expect(sameBytes(fresh.blobs.bytes().get(`form/${id}`), pdf)).toBe(true);
    a.db.close();
    await a.db.delete();
  });

  it('a re-encrypted record the server refuses holds the old blob back; both old blobs go once it is in', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = withMemoryBlobs(admin, server.baseUrl);
    const [removed, removedLater] = [
      await joinDevice(server.baseUrl, admin),
      await joinDevice(server.baseUrl, admin),
    ];
    const pdf = formFile('de_jc_anlage_ek.pdf');
    const form = libraryForm('anlage-ek.pdf', pdf.byteLength);
    a.blobs.write('form', form, pdf);
    await settleEngine(a.engine);
    const oldRef = refOf(a.device.store.records().get(`form/${form.id}`));

    // M (no file yet) holds the key of epoch 2, but the team is at epoch 3 already; its engine
    // cannot fetch keys by itself here, so its re-encrypted push is refused as stale.
    const member = await joinDevice(server.baseUrl, admin);
    await settle(member);
    await removeMember(admin, removed);
    expect(await member.refreshKeys()).toBe(true);
    await removeMember(admin, removedLater);
    const log: string[] = [];
    const logged: typeof fetch = (input, init) => {
      log.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    };
    const link = { baseUrl: server.baseUrl, deviceToken: member.creds.deviceToken, fetch: logged };
    const blobStore = createMemoryBlobStore(member.store);
    const m = createSyncEngine({
      store: member.store,
      transport: createHttpTransport(link),
      codec: createRecordCodec(() => member.keys.keyring),
      blobs: {
        store: blobStore,
        transport: createHttpBlobTransport(link),
        keyring: () => member.keys.keyring,
      },
    });
    await queueReencryption(member.store, 2, 50);
    const refused = await m.syncOnce();
    expect(refused).toMatchObject({
      ok: true,
      value: { pushed: 0, pending: 1, problems: [{ code: 'push-stale-key-epoch' }] },
    });
    const sealed2 = refOf(member.store.records().get(`form/${form.id}`));
    expect(sealed2.keyEpoch).toBe(2);
    expect(await blobState(admin, sealed2.blobId)).toBe('complete');
    // Noted for deletion, but the server still references the old blob: it stays.
    expect(await blobStore.replacedBlobs()).toMatchObject([{ oldBlobId: oldRef.blobId }]);
    expect(refOf((await serverCopy(admin, 'form', form.id)).record)).toEqual(oldRef);
    expect(log.some((line) => line.startsWith('DELETE '))).toBe(false);
    expect(await blobState(admin, oldRef.blobId)).toBe('complete');

    // With the epoch-3 key the record is sealed again and accepted; then the blob of epoch 1
    // and the one of epoch 2 (never referenced on the server) are both deleted.
    expect(await member.refreshKeys()).toBe(true);
    log.length = 0;
    expect(await m.syncOnce()).toMatchObject({
      ok: true,
      value: { pushed: 1, pending: 0, problems: [] },
    });
    const sealed3 = refOf((await serverCopy(admin, 'form', form.id)).record);
    expect(sealed3.keyEpoch).toBe(3);
    expect(refOf(member.store.records().get(`form/${form.id}`))).toEqual(sealed3);
    const push = log.indexOf('POST /api/v1/sync/push');
    expect(log.indexOf(`DELETE /api/v1/blobs/${oldRef.blobId}`)).toBeGreaterThan(push);
    expect(log.indexOf(`DELETE /api/v1/blobs/${sealed2.blobId}`)).toBeGreaterThan(push);
    expect(await blobState(admin, oldRef.blobId)).toBe(404);
    expect(await blobState(admin, sealed2.blobId)).toBe(404);
    expect(await blobState(admin, sealed3.blobId)).toBe('complete');
    expect(await blobStore.replacedBlobs()).toEqual([]);
  });
});
