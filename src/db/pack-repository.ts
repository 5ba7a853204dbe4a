// Form packs made or imported in the app (schema v4). A stored pack is a record like any other:
// timestamps, tombstone, and an outbox entry (kind 'pack') in the same transaction, so packs
// sync to the team. `pack.id` is the form family id ("de-justiz-beratungshilfe"); one family has
// a pack per edition, so the record id is derived from the family id AND the edition fingerprint
// (packRecordId): two devices that import the same pack file offline write the same record, and
// sync merges it instead of keeping two. Packs stored earlier under a random UUIDv7 keep their
// id (save never changes it). Shipped packs stay code (domain/form-packs/packs), never stored.
import type { FieldMapping, FormPack, RemapReason } from '../domain/form-packs';
import { nameBasedId } from '../domain/ids';
import type { RecordBase } from '../domain/types';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import { recordChange, saveWithOutbox, type Clock, type StorageResult } from './record-repository';
import { storageFailure } from './storage-error';

/**
 * Where a pack copied from another edition came from: the old edition, the keys whose mapping
 * came over as it was, and the old mappings that do not fit this edition (to map again).
 * Written once, when the copy is made; it syncs with the pack, so the whole team sees it.
 */
export type PackOrigin = {
  title: { de: string; en: string };
  /** The old edition's label ("04/2025") and fingerprint. */
  label: string;
  fingerprint: string;
  /** Keys of this edition whose mapping came over from the old pack. */
  kept: string[];
  /** The old pack's mappings that do not fit here, with the old field's label when known. */
  remap: { mapping: FieldMapping; reason: RemapReason; label?: string }[];
};

export type StoredPack = RecordBase & { pack: FormPack; origin?: PackOrigin };

export type PackStore = {
  /** Not deleted, newest change first. */
  list(): Promise<StorageResult<StoredPack[]>>;
  get(id: string): Promise<StorageResult<StoredPack>>;
  /** Stores the pack under packRecordId(pack). A record already there (synced from a
   * colleague, or a tombstone) is overwritten, keeping its createdAt. */
  add(pack: FormPack, origin?: PackOrigin): Promise<StorageResult<StoredPack>>;
  save(id: string, pack: FormPack): Promise<StorageResult<StoredPack>>;
  /** Tombstone plus outbox entry. */
  remove(id: string): Promise<StorageResult<void>>;
};

export function createPackStore(db: LotseDb, clock: Clock = () => new Date()): PackStore {
  return {
    async list() {
      try {
        return ok(await loadStoredPacks(db));
      } catch (error) {
        return storageFailure(error);
      }
    },

    async get(id) {
      try {
        const stored = await db.packs.get(id);
        return stored && !stored.deleted ? ok(stored) : { ok: false, code: 'not-found' };
      } catch (error) {
        return storageFailure(error);
      }
    },

    async add(pack, origin) {
      const now = clock().toISOString();
      try {
        const id = await packRecordId(pack);
        const record = await db.transaction('rw', [db.packs, db.outbox], async () => {
          const existing = await db.packs.get(id);
          const written: StoredPack = {
            id,
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
            deleted: false,
            pack,
            ...(origin ? { origin } : {}),
          };
          await recordChange(db, 'pack', id, 'put', now);
          await db.packs.put(written);
          return written;
        });
        return ok(record);
      } catch (error) {
        return storageFailure(error);
      }
    },

    save(id, pack) {
      return saveWithOutbox(db, db.packs, 'pack', id, { pack }, clock().toISOString());
    },

    async remove(id) {
      const now = clock().toISOString();
      try {
        await db.transaction('rw', [db.packs, db.outbox], async () => {
          const stored = await db.packs.get(id);
          if (!stored || stored.deleted) return;
          await recordChange(db, 'pack', id, 'delete', now);
          await db.packs.put({ ...stored, deleted: true, updatedAt: now });
        });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },
  };
}

/** Every stored pack without tombstones, newest change first (for live queries). */
export async function loadStoredPacks(db: LotseDb): Promise<StoredPack[]> {
  const packs = await db.packs.orderBy('updatedAt').reverse().toArray();
  return packs.filter((p) => !p.deleted);
}

/** The stored pack of one form family and edition: the one an import of that pack replaces. */
export function findStoredEdition(
  packs: readonly StoredPack[],
  pack: Pick<FormPack, 'id' | 'edition'>,
): StoredPack | null {
  return (
    packs.find(
      (p) => p.pack.id === pack.id && p.pack.edition.fingerprint === pack.edition.fingerprint,
    ) ?? null
  );
}

/**
 * The record id of a pack: a UUID (RFC 9562 version 8, "custom") made from the SHA-256 of its
 * family id and edition fingerprint, lowercase like every sync id (shared/sync-protocol.ts
 * uuidPattern, which the server checks). The same family and edition give the same id on every
 * device. Unlike a UUIDv7 it carries no creation time; nothing reads one from a pack id.
 */
export async function packRecordId(pack: Pick<FormPack, 'id' | 'edition'>): Promise<string> {
  return nameBasedId(JSON.stringify(['lotse-pack', pack.id, pack.edition.fingerprint]));
}
