// The Dexie implementation of the sync engine's LocalBlobStore (src/sync/blob-local-store.ts):
// where attachment bytes live on this device, and the sync bookkeeping for them.
//
// - A form's bytes are its `formFiles` row; an output's are its own `bytes` field (empty
//   while the output is not on this device: outputs arrive from sync without their bytes).
// - Uploads not yet known complete: one `syncState` row per record (`blob-upload/<kind>/<id>`)
//   holding the reference and the encrypted chunks, deleted once the server has the blob.
// - `blob-unreferenced-queued`: set once the forms and outputs synced before attachments
//   were (bytes here, no reference) have been put into the outbox to get their blob.
// - Attachments to download: the `blob-wanted` row, a list of kind/id written in the same
//   transaction as the pulled record (noteAttachment, called by sync-local-store.ts), so a
//   page and "fetch its files" commit together; a download stores the bytes and takes the
//   record off the list in one transaction.
// - Old blobs a re-encryption replaced, to delete from the server once the server's record no
//   longer references them (sync/blob-reseal.ts): the `blob-replaced` row, a list.
// - A write the storage refuses (a full disk) comes back as its code, never as a throw, and
//   is kept for the status (`storageFailure()`, like the local store's) until a write works.
import { ok } from '../shared/result';
import { readBlobRef, type PendingUpload } from '../sync/blob-ref';
import type {
  BlobStoreWrite,
  LocalBlobStore,
  ReplacedBlob,
  WantedBlob,
} from '../sync/blob-local-store';
import type { SyncRecord } from '../sync/local-store';
import type { LotseDb } from './database';
import { storageFailure, type StorageErrorCode } from './storage-error';

export const ATTACHMENT_KINDS = ['form', 'output'] as const;
type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const WANTED_KEY = 'blob-wanted';
/** Set once the records synced before attachments were have been queued (unreferenced). */
const UNREFERENCED_QUEUED_KEY = 'blob-unreferenced-queued';
const uploadKey = (kind: string, id: string) => `blob-upload/${kind}/${id}`;
/** Old blobs waiting to be deleted from the server (ReplacedBlob[]). */
const REPLACED_KEY = 'blob-replaced';

type WantedEntry = { kind: AttachmentKind; id: string };

export const isAttachmentKind = (kind: string): kind is AttachmentKind =>
  (ATTACHMENT_KINDS as readonly string[]).includes(kind);

async function readReplaced(db: LotseDb): Promise<ReplacedBlob[]> {
  const row = await db.syncState.get(REPLACED_KEY);
  return Array.isArray(row?.value) ? (row.value as ReplacedBlob[]) : [];
}

async function writeReplaced(db: LotseDb, list: ReplacedBlob[]): Promise<void> {
  if (list.length === 0) await db.syncState.delete(REPLACED_KEY);
  else await db.syncState.put({ key: REPLACED_KEY, value: list });
}

async function readWanted(db: LotseDb): Promise<WantedEntry[]> {
  const row = await db.syncState.get(WANTED_KEY);
  return Array.isArray(row?.value) ? (row.value as WantedEntry[]) : [];
}

/**
 * Called inside sync-local-store's apply transaction (which must include `formFiles` and
 * `syncState`) after an attachment kind's record was written: a referenced attachment this
 * device lacks goes on the download list; a deleted form's bytes go (as the repository
 * does when removing). Written as a chain of Dexie promises, not an async function: Dexie
 * keeps a transaction alive across awaited Dexie promises, while extra native promises in
 * the chain can let IndexedDB commit early (PrematureCommitError).
 */
export function noteAttachment(
  db: LotseDb,
  kind: AttachmentKind,
  record: SyncRecord,
): PromiseLike<unknown> {
  const id = record.id;
  return db.syncState.get(WANTED_KEY).then((row): PromiseLike<unknown> | undefined => {
    const wanted = Array.isArray(row?.value) ? (row.value as WantedEntry[]) : [];
    const listed = wanted.some((entry) => entry.kind === kind && entry.id === id);
    if (record.deleted === true) {
      const rest = wanted.filter((entry) => !(entry.kind === kind && entry.id === id));
      const unlist = (): PromiseLike<unknown> | undefined =>
        !listed
          ? undefined
          : rest.length === 0
            ? db.syncState.delete(WANTED_KEY)
            : db.syncState.put({ key: WANTED_KEY, value: rest });
      return kind === 'form' ? db.formFiles.delete(id).then(unlist) : unlist();
    }
    if (listed || !readBlobRef(record)) return undefined;
    const want = () => db.syncState.put({ key: WANTED_KEY, value: [...wanted, { kind, id }] });
    if (kind === 'output') {
      const bytes = record.bytes;
      return bytes instanceof Uint8Array && bytes.byteLength > 0 ? undefined : want();
    }
    return db.formFiles
      .where('id')
      .equals(id)
      .count()
      .then((count): PromiseLike<unknown> | undefined => (count > 0 ? undefined : want()));
  });
}

export type DexieBlobStore = LocalBlobStore & {
  /** The storage failure of the last bookkeeping write (null once one succeeds again). */
  storageFailure(): StorageErrorCode | null;
};

export function createDexieBlobStore(db: LotseDb): DexieBlobStore {
  let failure: StorageErrorCode | null = null;
  /** Runs a write; its storage failure becomes a value (and the store's failure). */
  async function write<T>(task: () => Promise<T>): Promise<BlobStoreWrite<T>> {
    try {
      const value = await task();
      failure = null;
      return ok(value);
    } catch (error) {
      const failed = storageFailure(error);
      failure = failed.code;
      return failed;
    }
  }
  const recordOf = async (kind: AttachmentKind, id: string): Promise<SyncRecord | undefined> =>
    (kind === 'form' ? await db.forms.get(id) : await db.outputs.get(id)) as SyncRecord | undefined;

  return {
    kinds: ATTACHMENT_KINDS,
    async readBytes(kind, id) {
      if (kind === 'form') return (await db.formFiles.get(id))?.bytes ?? null;
      if (kind !== 'output') return null;
      const bytes = (await db.outputs.get(id))?.bytes;
      return bytes && bytes.byteLength > 0 ? bytes : null;
    },
    async storeBytes(kind, id, ref, bytes) {
      if (!isAttachmentKind(kind)) return ok(false);
      const tables = [db.forms, db.formFiles, db.outputs, db.syncState];
      // Dexie calls only, awaited directly (see noteAttachment).
      return write(() =>
        db.transaction('rw', tables, async () => {
          const row = await db.syncState.get(WANTED_KEY);
          const wanted = Array.isArray(row?.value) ? (row.value as WantedEntry[]) : [];
          const rest = wanted.filter((entry) => !(entry.kind === kind && entry.id === id));
          if (rest.length === 0) await db.syncState.delete(WANTED_KEY);
          else if (rest.length < wanted.length)
            await db.syncState.put({ key: WANTED_KEY, value: rest });
          const record = (kind === 'form' ? await db.forms.get(id) : await db.outputs.get(id)) as
            SyncRecord | undefined;
          if (!record || record.deleted === true) return false;
          if (readBlobRef(record)?.blobId !== ref.blobId) return false;
          if (kind === 'form') await db.formFiles.put({ id, bytes });
          else await db.outputs.update(id, { bytes });
          return true;
        }),
      );
    },
    async wanted(limit) {
      const list: WantedBlob[] = [];
      for (const { kind, id } of await readWanted(db)) {
        if (list.length >= limit) break;
        if (await db.syncProblems.get([kind, id])) continue; // reported; wait for a new version
        const record = await recordOf(kind, id);
        const ref = record && record.deleted !== true ? readBlobRef(record) : null;
        if (ref) list.push({ kind, id, ref });
      }
      return list;
    },
    async getPendingUpload(kind, id) {
      return (await db.syncState.get(uploadKey(kind, id)))?.value as PendingUpload | undefined;
    },
    savePendingUpload: (kind, id, upload) =>
      write(async () => {
        await db.syncState.put({ key: uploadKey(kind, id), value: upload });
        return null;
      }),
    deletePendingUpload: (kind, id) =>
      write(async () => {
        await db.syncState.delete(uploadKey(kind, id));
        return null;
      }),
    storageFailure: () => failure,
    async unreferenced() {
      if (await db.syncState.get(UNREFERENCED_QUEUED_KEY)) return null;
      const list: { kind: string; id: string }[] = [];
      const files = await loadFormFileIds(db);
      await db.forms.each((form) => {
        if (form.deleted || !files.has(form.id)) return;
        if (!readBlobRef(form as unknown as SyncRecord)) list.push({ kind: 'form', id: form.id });
      });
      await db.outputs.each((output) => {
        if (output.deleted || !(output.bytes instanceof Uint8Array)) return;
        if (output.bytes.byteLength === 0) return;
        if (!readBlobRef(output as unknown as SyncRecord)) {
          list.push({ kind: 'output', id: output.id });
        }
      });
      return list;
    },
    async markUnreferencedQueued() {
      await db.syncState.put({ key: UNREFERENCED_QUEUED_KEY, value: true });
    },
    replacedBlobs: () => readReplaced(db),
    noteReplacedBlob: (entry) =>
      write(() =>
        db.transaction('rw', db.syncState, async () => {
          const list = await readReplaced(db);
          if (list.some((known) => known.oldBlobId === entry.oldBlobId)) return null;
          await writeReplaced(db, [...list, entry]);
          return null;
        }),
      ),
    forgetReplacedBlob: (oldBlobId) =>
      write(() =>
        db.transaction('rw', db.syncState, async () => {
          const list = await readReplaced(db);
          const rest = list.filter((entry) => entry.oldBlobId !== oldBlobId);
          if (rest.length < list.length) await writeReplaced(db, rest);
          return null;
        }),
      ),
  };
}

/** Ids of the library forms whose PDF is on this device (the rest are still downloading). */
export async function loadFormFileIds(db: LotseDb): Promise<Set<string>> {
  return new Set(await db.formFiles.toCollection().primaryKeys());
}
