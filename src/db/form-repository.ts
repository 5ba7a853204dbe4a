// The form library: imported PDFs with their inspection summary. Every write records the
// change in the outbox in the same transaction (like record-repository.ts); removing a
// form leaves a tombstone. The bytes sit in `formFiles`, read only when a form is filled.
import { newId } from '../domain/ids';
import type { RecordBase } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import type { LibraryForm } from './form-records';
import { recordChange, type Clock, type StorageResult } from './record-repository';
import { storageFailure } from './storage-error';

export type NewLibraryForm = Omit<LibraryForm, keyof RecordBase | 'importedAt' | 'size'>;

export type FormLibrary = {
  add(form: NewLibraryForm, bytes: Uint8Array): Promise<StorageResult<LibraryForm>>;
  get(id: string): Promise<StorageResult<LibraryForm>>;
  /** The PDF as imported. */
  bytes(id: string): Promise<StorageResult<Uint8Array>>;
  remove(id: string): Promise<StorageResult<void>>;
};

export function createFormLibrary(db: LotseDb, clock: Clock = () => new Date()): FormLibrary {
  const tables = [db.forms, db.formFiles, db.outbox];
  return {
    async add(data, bytes) {
      const now = clock().toISOString();
      const form: LibraryForm = {
        ...data,
        id: newId(),
        createdAt: now,
        updatedAt: now,
        deleted: false,
        importedAt: now,
        size: bytes.byteLength,
      };
      try {
        await db.transaction('rw', tables, async () => {
          await recordChange(db, 'form', form.id, 'put', now);
          await db.forms.add(form);
          await db.formFiles.add({ id: form.id, bytes });
        });
        return ok(form);
      } catch (error) {
        return storageFailure(error);
      }
    },

    async get(id) {
      try {
        const form = await db.forms.get(id);
        return form && !form.deleted ? ok(form) : { ok: false, code: 'not-found' };
      } catch (error) {
        return storageFailure(error);
      }
    },

    async bytes(id) {
      try {
        const file = await db.formFiles.get(id);
        return file ? ok(file.bytes) : { ok: false, code: 'not-found' };
      } catch (error) {
        return storageFailure(error);
      }
    },

    async remove(id) {
      const now = clock().toISOString();
      try {
        await db.transaction('rw', tables, async () => {
          const form = await db.forms.get(id);
          if (!form || form.deleted) return;
          await recordChange(db, 'form', id, 'delete', now);
          await db.forms.put({ ...form, deleted: true, updatedAt: now });
          // The bytes go (they are the bulk); the tombstone stays for sync.
          await db.formFiles.delete(id);
        });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },
  };
}

/** The library, oldest import first, without tombstones. */
export async function loadFormLibrary(db: LotseDb): Promise<LibraryForm[]> {
  const forms = await db.forms.orderBy('id').toArray();
  return forms.filter((f) => !f.deleted);
}

/** One form of the library, or null when it does not exist (or was removed). */
export async function loadLibraryForm(db: LotseDb, id: string): Promise<LibraryForm | null> {
  const form = await db.forms.get(id);
  return form && !form.deleted ? form : null;
}
