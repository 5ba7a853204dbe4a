// Drafts (one form for one case) and their outputs (filled PDFs kept with the case).
// Every write records the change in the outbox in the same transaction; nothing is
// hard-deleted. A full disk comes back as `quota-exceeded` like everywhere in src/db.
import { newId } from '../domain/ids';
import type { RecordBase } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import type { FormDraft, FormOutput } from './form-records';
import {
  addWithOutbox,
  recordChanges,
  saveWithOutbox,
  type Clock,
  type StorageResult,
} from './record-repository';
import { storageFailure } from './storage-error';

export type DraftData = Omit<FormDraft, keyof RecordBase>;
export type OutputData = Omit<FormOutput, keyof RecordBase>;

export type DraftRepository = {
  create(data: DraftData): Promise<StorageResult<FormDraft>>;
  get(id: string): Promise<StorageResult<FormDraft>>;
  /** Saves the whole draft's data (last write on this device wins). */
  save(id: string, data: DraftData): Promise<StorageResult<FormDraft>>;
  /** Deletes the draft and its outputs (tombstones). */
  remove(id: string): Promise<StorageResult<void>>;
  addOutput(data: OutputData): Promise<StorageResult<FormOutput>>;
};

export function createDraftRepository(
  db: LotseDb,
  clock: Clock = () => new Date(),
): DraftRepository {
  const stamp = (): RecordBase => {
    const now = clock().toISOString();
    return { id: newId(), createdAt: now, updatedAt: now, deleted: false };
  };

  return {
    create(data) {
      return addWithOutbox(db, db.drafts, 'draft', { ...data, ...stamp() });
    },

    async get(id) {
      try {
        const draft = await db.drafts.get(id);
        return draft && !draft.deleted ? ok(draft) : { ok: false, code: 'not-found' };
      } catch (error) {
        return storageFailure(error);
      }
    },

    save(id, data) {
      return saveWithOutbox(db, db.drafts, 'draft', id, data, clock().toISOString());
    },

    async remove(id) {
      const now = clock().toISOString();
      try {
        await db.transaction('rw', [db.drafts, db.outputs, db.outbox], async () => {
          const draft = await db.drafts.get(id);
          if (!draft || draft.deleted) return;
          const outputs = (await db.outputs.where({ draftId: id }).toArray()).filter(
            (o) => !o.deleted,
          );
          await recordChanges(
            db,
            [
              ...outputs.map((o) => ({
                kind: 'output' as const,
                recordId: o.id,
                op: 'delete' as const,
              })),
              { kind: 'draft', recordId: id, op: 'delete' },
            ],
            now,
          );
          for (const output of outputs) {
            // The filled PDF itself is dropped; the tombstone keeps the deletion syncable.
            await db.outputs.put({
              ...output,
              bytes: new Uint8Array(),
              deleted: true,
              updatedAt: now,
            });
          }
          await db.drafts.put({ ...draft, deleted: true, updatedAt: now });
        });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },

    addOutput(data) {
      return addWithOutbox(db, db.outputs, 'output', { ...data, ...stamp() });
    },
  };
}

/** A case's drafts, newest change first, without tombstones. */
export async function loadCaseDrafts(db: LotseDb, caseId: string): Promise<FormDraft[]> {
  const drafts = await db.drafts.where({ caseId }).reverse().sortBy('updatedAt');
  return drafts.filter((d) => !d.deleted);
}

/** A draft's outputs, newest first, without tombstones. */
export async function loadDraftOutputs(db: LotseDb, draftId: string): Promise<FormOutput[]> {
  const outputs = await db.outputs.where({ draftId }).reverse().sortBy('createdAt');
  return outputs.filter((o) => !o.deleted);
}
