// A full disk in the attachments' bookkeeping, on the app's Dexie stores (fake-indexeddb)
// against the real server: keeping an upload's encrypted chunks, or storing a downloaded
// file, fails as a full disk does (QuotaExceededError at Dexie's DBCore boundary). The run
// still resolves, with the code; nothing half-done goes out; the next run, with room again,
// finishes the job. And a server cannot fill the disk: a blob larger than its record's
// reference allows is not downloaded.
// Before Dexie is imported: it looks for IndexedDB once, when it loads.
import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LotseDb } from '../../../src/db/database.js';
import { createFormLibrary } from '../../../src/db/form-repository.js';
import { createDexieBlobStore, type DexieBlobStore } from '../../../src/db/sync-blob-store.js';
import { createDexieLocalStore, type DexieLocalStore } from '../../../src/db/sync-local-store.js';
import { openSqliteDriver } from '../../../src/server/sync/store/sqlite-driver.js';
import { sqliteFileName } from '../../../src/server/sync/store/sync-store.js';
import { readBlobRef } from '../../../src/sync/blob-ref.js';
import { useSyncServer } from '../sync/harness.js';
import {
  attachmentEngine,
  formFile,
  inspection,
  sameBytes,
  settleEngine,
  type Logged,
} from './attachment-devices.js';
import { createTeamDevice, joinDevice, type ClientDevice } from './client-harness.js';

/** What fails like a full disk: pending uploads (syncState rows), or stored form files. */
const full = { uploads: false, files: false };

const isUploadRow = (value: unknown): boolean =>
  String((value as { key?: unknown } | null)?.key ?? '').startsWith('blob-upload/');

function openFillingDatabase(): LotseDb {
  const db = openDatabase(`full-disk-${randomUUID()}`);
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            const refused =
              (full.uploads &&
                name === 'syncState' &&
                request.type === 'put' &&
                request.values.some(isUploadRow)) ||
              (full.files && name === 'formFiles');
            return refused
              ? Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                )
              : table.mutate(request);
          },
        };
      },
    }),
  });
  return db;
}

type Device = Logged & { db: LotseDb; store: DexieLocalStore; blobs: DexieBlobStore };

const opened: LotseDb[] = [];

async function dexieDevice(device: ClientDevice, baseUrl: string): Promise<Device> {
  const db = openFillingDatabase();
  await db.open();
  opened.push(db);
  const store = createDexieLocalStore(db);
  const blobs = createDexieBlobStore(db);
  return { db, store, blobs, ...attachmentEngine(device, baseUrl, store, blobs) };
}

afterEach(async () => {
  full.uploads = false;
  full.files = false;
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('a full disk while syncing attachments', () => {
  const server = useSyncServer('sqlite');

  it('keeping an upload fails: the run resolves with the code, the record waits', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await dexieDevice(admin, server.baseUrl);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const form = await createFormLibrary(a.db).add(
      { fileName: 'anlage-kdu.pdf', password: '', inspection },
      pdf,
    );
    if (!form.ok) throw new Error(form.code);

    full.uploads = true;
    const run = await a.engine.syncOnce();
    expect(run).toMatchObject({
      ok: true,
      value: { storageFailure: 'quota-exceeded', pending: 1 },
    });
    expect(a.blobs.storageFailure()).toBe('quota-exceeded');
    // Neither the blob nor the record went out; the run does not count as synced.
    expect(a.log.filter((line) => line.startsWith('PUT ') || line.endsWith('/sync/push'))).toEqual(
      [],
    );
    expect((await a.store.getMeta()).lastSyncedAt).toBeNull();

    full.uploads = false;
    await settleEngine(a.engine);
    expect(a.blobs.storageFailure()).toBeNull();
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.store.getMeta()).lastSyncedAt).not.toBeNull();

    // What went out is whole: another device gets the file byte for byte.
    const b = await dexieDevice(await joinDevice(server.baseUrl, admin), server.baseUrl);
    await settleEngine(b.engine);
    const bytes = await createFormLibrary(b.db).bytes(form.value.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
  });

  it('storing a download fails: the run resolves with the code, the file stays wanted', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await dexieDevice(admin, server.baseUrl);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const form = await createFormLibrary(a.db).add(
      { fileName: 'anlage-kdu.pdf', password: '', inspection },
      pdf,
    );
    if (!form.ok) throw new Error(form.code);
    await settleEngine(a.engine);

    const b = await dexieDevice(await joinDevice(server.baseUrl, admin), server.baseUrl);
    full.files = true;
    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({
      ok: true,
      value: { pulled: 1, downloaded: 0, storageFailure: 'quota-exceeded' },
    });
    expect(b.blobs.storageFailure()).toBe('quota-exceeded');
    expect(await b.db.forms.get(form.value.id)).toBeTruthy();
    expect(await b.db.formFiles.get(form.value.id)).toBeUndefined();
    expect(await b.db.syncState.get('blob-wanted')).toMatchObject({
      value: [{ kind: 'form', id: form.value.id }],
    });
    expect(await b.store.problems()).toEqual([]);
    expect((await b.store.getMeta()).lastSyncedAt).toBeNull();

    full.files = false;
    expect(await b.engine.syncOnce()).toMatchObject({ ok: true, value: { downloaded: 1 } });
    expect(b.blobs.storageFailure()).toBeNull();
    const bytes = await createFormLibrary(b.db).bytes(form.value.id);
    expect(bytes.ok && sameBytes(bytes.value, pdf)).toBe(true);
    expect((await b.store.getMeta()).lastSyncedAt).not.toBeNull();
  });

  it('a blob larger than its reference allows is refused, not stored', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const a = await dexieDevice(admin, server.baseUrl);
    const pdf = formFile('de_jc_anlage_kdu.pdf');
    const form = await createFormLibrary(a.db).add(
      { fileName: 'anlage-kdu.pdf', password: '', inspection },
      pdf,
    );
    if (!form.ok) throw new Error(form.code);
    await settleEngine(a.engine);
    const ref = readBlobRef({ id: form.value.id, ...(await a.db.forms.get(form.value.id)) });
    if (!ref) throw new Error('no blob reference');

    // The server (or whoever writes its database) serves 3 MB more than the file was.
    const db = openSqliteDriver(join(server.dataDir, sqliteFileName));
    try {
      const row = await db.get('SELECT data FROM blob_chunks WHERE blob_id = ? AND idx = 0', [
        ref.blobId,
      ]);
      const bloated = Buffer.concat([Buffer.from(row?.data as Uint8Array), Buffer.alloc(3e6)]);
      await db.run('UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND idx = 0', [
        bloated,
        ref.blobId,
      ]);
      await db.run('UPDATE blobs SET size = size + ? WHERE id = ?', [3e6, ref.blobId]);
    } finally {
      await db.close();
    }

    const b = await dexieDevice(await joinDevice(server.baseUrl, admin), server.baseUrl);
    const run = await b.engine.syncOnce();
    expect(run).toMatchObject({ ok: true, value: { pulled: 1, downloaded: 0 } });
    expect(await b.store.problems()).toEqual([
      { kind: 'form', id: form.value.id, code: 'blob-too-large' },
    ]);
    expect(await b.db.formFiles.get(form.value.id)).toBeUndefined();
  });
});
