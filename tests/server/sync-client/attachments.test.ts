// Attachments against the real server over real HTTP, with the real client engine: an
// imported form and a filled output reach the other device byte for byte (their blob is
// complete before their record is pushed); an upload cut in the middle of a chunk holds the
// record back and resumes, after the app restarted, with the missing chunks only; a
// download cut off leaves the record in place and completes on the next run; tampered and
// swapped blobs are rejected and reported, and the rest arrives. The app's own Dexie stores
// (fake-indexeddb) carry a form, an output and a stored form pack from A to B.
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDraftRepository, loadDraftOutputs } from '../../../src/db/draft-repository.js';
import { createFormLibrary, loadFormLibrary } from '../../../src/db/form-repository.js';
import { createPackStore } from '../../../src/db/pack-repository.js';
import { SHIPPED_PACKS } from '../../../src/domain/form-packs/index.js';
import { openPostgresDriver } from '../../../src/server/sync/store/postgres-driver.js';
import type { SqlDriver } from '../../../src/server/sync/store/sql-driver.js';
import { openSqliteDriver } from '../../../src/server/sync/store/sqlite-driver.js';
import { sqliteFileName } from '../../../src/server/sync/store/sync-store.js';
import { readBlobRef } from '../../../src/sync/blob-ref.js';
import { deriveSyncStatus } from '../../../src/sync/status.js';
import { backends, useSyncServer, type SyncTestServer } from '../sync/harness.js';
import {
  formFile,
  inspection,
  libraryForm,
  sameBytes,
  settleEngine,
  withDexie,
  withMemoryBlobs,
} from './attachment-devices.js';
import { createTeamDevice, joinDevice } from './client-harness.js';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js';

const database = (server: SyncTestServer): SqlDriver =>
  server.databaseUrl
    ? openPostgresDriver(server.databaseUrl, 1)
    : openSqliteDriver(join(server.dataDir, sqliteFileName));

const blobIdOf = (record: Record<string, unknown> | undefined): string => {
  const ref = record && readBlobRef({ id: '', ...record });
  if (!ref) throw new Error('no blob reference');
  return ref.blobId;
};

describe.each(backends)('attachments on %s', (backend) => {
  const server = useSyncServer(backend);
  let proxy: CuttingProxy;
  beforeAll(async () => {
    proxy = await startCuttingProxy(server.port);
  });
  afterAll(() => proxy.close());

  it('an imported form and an output arrive byte for byte, each blob complete before its record', async () => {
    const a = withMemoryBlobs(await createTeamDevice(server.baseUrl), server.baseUrl);
    const b = withMemoryBlobs(await joinDevice(server.baseUrl, a.device), server.baseUrl);
    const pdf = formFile('de_jc_hauptantrag_ha_2025-04.pdf');
    const filled = formFile('de_berlin_wohnungsgeberbestaetigung.pdf');
    const form = libraryForm('hauptantrag.pdf', pdf.byteLength);
    const output = {
      ...libraryForm('hauptantrag-ausgefuellt.pdf', 0),
      caseId: randomUUID(),
      draftId: randomUUID(),
      formId: form.id,
      flattened: false,
    };
    a.blobs.write('form', form, pdf);
    a.blobs.write('output', output, filled);
    await settleEngine(a.engine);

    const formBlob = blobIdOf(a.device.store.records().get(`form/${form.id}`));
    const outputBlob = blobIdOf(a.device.store.records().get(`output/${output.id}`));
    const push = a.log.indexOf('POST /api/v1/sync/push');
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${formBlob}/complete`));
    expect(push).toBeGreaterThan(a.log.indexOf(`POST /api/v1/blobs/${outputBlob}/complete`));
    expect(a.log.indexOf(`POST /api/v1/blobs/${formBlob}/complete`)).toBeGreaterThanOrEqual(0);

    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pulled: 2, downloaded: 2, problems: [] } });
    expect(b.device.store.records().get(`form/${form.id}`)).toMatchObject({
      fileName: 'hauptantrag.pdf',
      blob: { blobId: formBlob, size: pdf.byteLength },
    });
    expect(sameBytes(b.blobs.bytes().get(`form/${form.id}`), pdf)).toBe(true);
    expect(sameBytes(b.blobs.bytes().get(`output/${output.id}`), filled)).toBe(true);
    // Nothing left to fetch: a second run downloads nothing.
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { downloaded: 0 } });
  });

  it('a download cut off leaves the record in place, and the next run completes it', async () => {
    const a = withMemoryBlobs(await createTeamDevice(server.baseUrl), server.baseUrl);
    const b = withMemoryBlobs(await joinDevice(server.baseUrl, a.device), proxy.baseUrl);
    const filled = formFile('de_justiz_beratungshilfe_antrag.pdf');
    const output = { ...libraryForm('beratungshilfe.pdf', 0), caseId: randomUUID() };
    a.blobs.write('output', output, filled);
    await settleEngine(a.engine);

    proxy.cutNext({
      match: /^GET \/api\/v1\/blobs\/[0-9a-f-]+ /,
      direction: 'response',
      afterBytes: 50_000,
    });
    expect(await b.engine.syncOnce()).toMatchObject({ ok: false, code: 'network-error' });
    expect(b.device.store.records().has(`output/${output.id}`)).toBe(true);
    expect(b.blobs.bytes().has(`output/${output.id}`)).toBe(false);
    expect(await b.blobs.wanted(10)).toHaveLength(1);

    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { downloaded: 1 } });
    expect(sameBytes(b.blobs.bytes().get(`output/${output.id}`), filled)).toBe(true);
  });

  it('an upload cut mid-chunk holds the record back, and resumes after a restart', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await withDexie(admin, proxy.baseUrl);
    const pdf = formFile('de_fk_kg1_antrag_kindergeld.pdf'); // 1.5 MB: 6 chunks of 256 KiB
    const added = await createFormLibrary(a.db).add(
      { fileName: 'kindergeld.pdf', password: '', inspection },
      pdf,
    );
    if (!added.ok) throw new Error(added.code);

    proxy.cutNext({
      match: /^PUT \/api\/v1\/blobs\/[0-9a-f-]+\/chunks\/3 /,
      direction: 'request',
      afterBytes: 100_000,
    });
    const cutRun = await a.engine.syncOnce();
    expect(cutRun).toMatchObject({ ok: false, code: 'network-error' });
    expect(a.log).not.toContain('POST /api/v1/sync/push');
    expect(await a.db.outbox.count()).toBe(1);
    const blobId = blobIdOf(await a.db.forms.get(added.value.id));
    const b = await withDexie(await joinDevice(server.baseUrl, admin), server.baseUrl);
    // Nothing of it on the server yet: no record, three chunks of an incomplete blob.
    expect(await b.device.transport.pull(0, 10)).toMatchObject({
      ok: true,
      value: { records: [] },
    });
    const status = await fetch(`${server.baseUrl}/api/v1/blobs/${blobId}/status`, {
      headers: { authorization: `Bearer ${admin.creds.deviceToken}` },
    }).then((r) => r.json() as Promise<{ complete: boolean; chunks: { index: number }[] }>);
    expect(status.complete).toBe(false);
    expect(status.chunks.map((c) => c.index)).toEqual([0, 1, 2]);

    // The app starts anew on the same database: the same ciphertext goes on from chunk 3.
    const restarted = await withDexie(admin, proxy.baseUrl, a.db);
    await settleEngine(restarted.engine);
    const puts = restarted.log.filter((line) => line.startsWith('PUT '));
    expect(puts).toEqual([3, 4, 5].map((n) => `PUT /api/v1/blobs/${blobId}/chunks/${n}`));
    expect(restarted.log.indexOf('POST /api/v1/sync/push')).toBeGreaterThan(
      restarted.log.indexOf(`POST /api/v1/blobs/${blobId}/complete`),
    );

    await settleEngine(b.engine);
    const library = createFormLibrary(b.db);
    const bytes = await library.bytes(added.value.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
  });

  it('rejects and reports a tampered and a swapped blob; the rest arrives', async () => {
    const a = withMemoryBlobs(await createTeamDevice(server.baseUrl), server.baseUrl);
    const files = [
      formFile('de_berlin_wohnungsgeberbestaetigung.pdf'),
      formFile('de_berlin_anmeldung_wohnung.pdf'),
      formFile('us_irs_fw9_2018.pdf'),
    ] as const;
    const [flipped, swapped, fine] = files.map((bytes, i) => {
      const form = libraryForm(`form-${i}.pdf`, bytes.byteLength);
      a.blobs.write('form', form, bytes);
      return form;
    });
    await settleEngine(a.engine);
    const blobOf = (id: string) => blobIdOf(a.device.store.records().get(`form/${id}`));

    const db = database(server);
    try {
      const row = await db.get('SELECT data FROM blob_chunks WHERE blob_id = ? AND idx = 0', [
        blobOf(flipped!.id),
      ]);
      const bytes = Buffer.from(row?.data as Uint8Array);
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
      await db.run('UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND idx = 0', [
        bytes,
        blobOf(flipped!.id),
      ]);
      // The server hands out another (authentic) blob of the same team under this id.
      await db.run(
        'UPDATE blob_chunks SET data = (SELECT data FROM blob_chunks WHERE blob_id = ? AND idx = 0) WHERE blob_id = ? AND idx = 0',
        [blobOf(fine!.id), blobOf(swapped!.id)],
      );
    } finally {
      await db.close();
    }

    const b = withMemoryBlobs(await joinDevice(server.baseUrl, a.device), server.baseUrl);
    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pulled: 3, downloaded: 1 } });
    const problems = await b.device.store.problems();
    expect(problems.map((p) => [p.id, p.code]).sort()).toEqual(
      [
        [flipped!.id, 'crypto-tampered'],
        [swapped!.id, 'crypto-tampered'],
      ].sort(),
    );
    expect([...b.blobs.bytes().keys()]).toEqual([`form/${fine!.id}`]);
    expect(sameBytes(b.blobs.bytes().get(`form/${fine!.id}`), files[2])).toBe(true);
    expect(b.device.store.records().has(`form/${swapped!.id}`)).toBe(true);
    const status = deriveSyncStatus({
      online: true,
      pending: await b.device.store.outboxCount(),
      lastSyncedAt: (await b.device.store.getMeta()).lastSyncedAt,
      lastFailure: null,
      problems,
      conflictedRecords: 0,
    });
    expect(status).toMatchObject({ state: 'needs-attention', reasons: ['records-unreadable'] });
    // Reported once, not fetched again on every run.
    const again = await b.engine.syncOnce();
    expect(again).toMatchObject({ ok: true, value: { downloaded: 0 } });
    expect(b.log.filter((line) => line.startsWith('GET /api/v1/blobs/'))).toHaveLength(3);
  });

  it('a blob the server lost (restored backup) is uploaded again before its record goes out', async () => {
    const a = withMemoryBlobs(await createTeamDevice(server.baseUrl), server.baseUrl);
    const pdf = formFile('de_jc_anlage_ek.pdf');
    const form = libraryForm('anlage-ek.pdf', pdf.byteLength);
    a.blobs.write('form', form, pdf);
    await settleEngine(a.engine);
    const stored = a.device.store.records().get(`form/${form.id}`);
    const blobId = blobIdOf(stored);

    const db = database(server);
    try {
      await db.run('DELETE FROM blob_chunks WHERE blob_id = ?', [blobId]);
      await db.run('DELETE FROM blobs WHERE id = ?', [blobId]);
    } finally {
      await db.close();
    }
    a.device.store.write('form', { ...stored!, fileName: 'anlage-ek-2026.pdf' });
    a.log.length = 0;
    await settleEngine(a.engine);
    const complete = a.log.indexOf(`POST /api/v1/blobs/${blobId}/complete`);
    expect(a.log.indexOf(`GET /api/v1/blobs/${blobId}/status`)).toBeGreaterThanOrEqual(0);
    expect(complete).toBeGreaterThan(0);
    expect(a.log.indexOf('POST /api/v1/sync/push')).toBeGreaterThan(complete);

    const c = withMemoryBlobs(await joinDevice(server.baseUrl, a.device), server.baseUrl);
    await settleEngine(c.engine);
    expect(c.device.store.records().get(`form/${form.id}`)?.fileName).toBe('anlage-ek-2026.pdf');
    expect(sameBytes(c.blobs.bytes().get(`form/${form.id}`), pdf)).toBe(true);
    expect(await c.device.store.problems()).toEqual([]);
  });

  it("the app's stores: a form, an output and a stored pack made on A appear on B", async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await withDexie(admin, server.baseUrl);
    const b = await withDexie(await joinDevice(server.baseUrl, admin), server.baseUrl);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const filled = formFile('de_jc_anlage_ki.pdf');
    const form = await createFormLibrary(a.db).add(
      { fileName: 'anlage-kdu.pdf', password: '', inspection },
      pdf,
    );
    if (!form.ok) throw new Error(form.code);
    const draftId = randomUUID();
    const output = await createDraftRepository(a.db).addOutput({
      caseId: randomUUID(),
      draftId,
      formId: form.value.id,
      fileName: 'anlage-kdu-2026-11-22.pdf',
      flattened: true,
      bytes: filled,
    });
    if (!output.ok) throw new Error(output.code);
    const pack = SHIPPED_PACKS[0]!;
    const stored = await createPackStore(a.db).add(pack);
    if (!stored.ok) throw new Error(stored.code);
    await settleEngine(a.engine);

    await settleEngine(b.engine);
    expect((await loadFormLibrary(b.db)).map((f) => f.fileName)).toEqual(['anlage-kdu.pdf']);
    const bytes = await createFormLibrary(b.db).bytes(form.value.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
    const outputs = await loadDraftOutputs(b.db, draftId);
    expect(outputs.map((o) => o.fileName)).toEqual(['anlage-kdu-2026-11-22.pdf']);
    expect(sameBytes(outputs[0]?.bytes, filled)).toBe(true);
    const packs = await createPackStore(b.db).list();
    expect(packs.ok && packs.value.map((p) => [p.id, p.pack])).toEqual([[stored.value.id, pack]]);
    expect(await b.store.problems()).toEqual([]);
    // Nothing left to fetch or to send back.
    expect(await b.db.syncState.get('blob-wanted')).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);

    // Removing the form on A removes its PDF on B too (the tombstone syncs, the bytes go).
    await createFormLibrary(a.db).remove(form.value.id);
    await settleEngine(a.engine);
    await settleEngine(b.engine);
    expect(await loadFormLibrary(b.db)).toEqual([]);
    expect(await b.db.formFiles.get(form.value.id)).toBeUndefined();
  });
});
