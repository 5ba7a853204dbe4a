// The Dexie implementation of the sync engine's LocalBlobStore (src/sync/blob-local-store.ts):
// where attachment bytes live on this device, and the sync bookkeeping for them.
//
// - A form's bytes are its `formFiles` row; an output's are its own `bytes` field (empty
//   while the output is not on this device: outputs arrive from sync without their bytes).
// - Uploads not yet known complete: one `syncState` row per record (`blob-upload/<kind>/<id>`)
//   holding the reference and the encrypted chunks, deleted once the server has the blob.
// - Attachments to download: the `blob-wanted` row, a list of kind/id written in the same
//   transaction as the pulled record (noteAttachment, called by sync-local-store.ts), so a
//   page and "fetch its files" commit together; a download stores the bytes and takes the
//   record off the list in one transaction.
import { readBlobRef, type PendingUpload } from '../sync/blob-ref';
import type { LocalBlobStore, WantedBlob } from '../sync/blob-local-store';
import type { SyncRecord } from '../sync/local-store';
import type { LotseDb } from './database';

export const ATTACHMENT_KINDS = ['form', 'output'] as const;
type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const WANTED_KEY = 'blob-wanted';
const uploadKey = (kind: string, id: string) => `blob-upload/${kind}/${id}`;

type WantedEntry = { kind: AttachmentKind; id: string };

export const isAttachmentKind = (kind: string): kind is AttachmentKind =>
  (ATTACHMENT_KINDS as readonly string[]).includes(kind);

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

export function createDexieBlobStore(db: LotseDb): LocalBlobStore {
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
      if (!isAttachmentKind(kind)) return false;
      const tables = [db.forms, db.formFiles, db.outputs, db.syncState];
      // Dexie calls only, awaited directly (see noteAttachment).
      return db.transaction('rw', tables, async () => {
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
      });
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
    async savePendingUpload(kind, id, upload) {
      await db.syncState.put({ key: uploadKey(kind, id), value: upload });
    },
    async deletePendingUpload(kind, id) {
      await db.syncState.delete(uploadKey(kind, id));
    },
  };
}

/** Ids of the library forms whose PDF is on this device (the rest are still downloading). */
export async function loadFormFileIds(db: LotseDb): Promise<Set<string>> {
  return new Set(await db.formFiles.toCollection().primaryKeys());
}
