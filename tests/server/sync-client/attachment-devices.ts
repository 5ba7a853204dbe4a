// Devices whose engine handles attachments (forms, outputs), on top of client-harness.ts:
// the memory stores (records + bytes), or the app's own Dexie stores over fake-indexeddb
// with the form library, draft and pack repositories. Every request is logged, so a test
// can check that a blob was complete before the record referencing it was pushed.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type LotseDb } from '../../../src/db/database.js';
import { createDexieBlobStore } from '../../../src/db/sync-blob-store.js';
import { createDexieLocalStore, type DexieLocalStore } from '../../../src/db/sync-local-store.js';
import type { PdfInspection } from '../../../src/pdf/types.js';
import {
  createMemoryBlobStore,
  type LocalBlobStore,
  type MemoryBlobStore,
} from '../../../src/sync/blob-local-store.js';
import { createHttpBlobTransport } from '../../../src/sync/blob-transport.js';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine.js';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import type { LocalStore } from '../../../src/sync/local-store.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';
import type { ClientDevice } from './client-harness.js';

const FORMS = resolve(import.meta.dirname, '../../../../shared/forms');
/** A real form PDF from the shared corpus. */
export const formFile = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(FORMS, name)));

export const inspection: PdfInspection = {
  kind: 'flat',
  encrypted: false,
  pages: 1,
  fingerprint: 'f-test',
  fields: [],
};

export const libraryForm = (fileName: string, size: number) => ({
  id: randomUUID(),
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
  fileName,
  importedAt: '2026-11-22T10:00:00.000Z',
  size,
  password: '',
  inspection,
});

export type Logged = { engine: SyncEngine; log: string[] };

/** The device's engine with attachments, over `baseUrl` (a proxy, or the server). */
export function attachmentEngine(
  device: ClientDevice,
  baseUrl: string,
  store: LocalStore,
  blobs: LocalBlobStore,
): Logged {
  const log: string[] = [];
  const logged: typeof fetch = (input, init) => {
    log.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const server = { baseUrl, deviceToken: device.creds.deviceToken, fetch: logged };
  const engine = createSyncEngine({
    store,
    transport: createHttpTransport(server),
    codec: createRecordCodec(() => device.keys.keyring),
    refreshKeys: device.refreshKeys,
    blobs: {
      store: blobs,
      transport: createHttpBlobTransport(server),
      keyring: () => device.keys.keyring,
    },
  });
  return { engine, log };
}

export type MemoryAttachmentDevice = Logged & { device: ClientDevice; blobs: MemoryBlobStore };

export function withMemoryBlobs(device: ClientDevice, baseUrl: string): MemoryAttachmentDevice {
  const blobs = createMemoryBlobStore(device.store);
  return { device, blobs, ...attachmentEngine(device, baseUrl, device.store, blobs) };
}

export type DexieAttachmentDevice = Logged & {
  device: ClientDevice;
  db: LotseDb;
  store: DexieLocalStore;
};

/** The app's stores; pass `db` again to model the app starting anew on the same data. */
export async function withDexie(
  device: ClientDevice,
  baseUrl: string,
  db?: LotseDb,
): Promise<DexieAttachmentDevice> {
  const opened = db ?? openDatabase(`attachments-${randomUUID()}`);
  if (!opened.isOpen()) await opened.open();
  const store = createDexieLocalStore(opened);
  const logged = attachmentEngine(device, baseUrl, store, createDexieBlobStore(opened));
  return { device, db: opened, store, ...logged };
}

/** Syncs until nothing is pending; fails on a transport failure. */
export async function settleEngine(engine: SyncEngine): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const run = await engine.syncOnce();
    if (!run.ok) throw new Error(`sync failed: ${run.code}`);
    if (run.value.pending === 0) return;
  }
  throw new Error('sync did not settle');
}

export const sameBytes = (a: Uint8Array | null | undefined, b: Uint8Array): boolean =>
  !!a && Buffer.from(a).equals(Buffer.from(b));
