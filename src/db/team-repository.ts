// This device's team membership: credentials, role and keys (syncState row 'team').
//
// Key material on the device (docs/security.md):
// - `lockedKeyMaterial`: the keyring and the member's ECDH key pair, wrapped with the
//   member's passphrase (crypto/key-material.ts, PBKDF2 600,000). Needed — so the
//   passphrase is asked — for what hands keys on: invites, key rotation.
// - `syncKeys`: NON-EXTRACTABLE copies of the data keys (CryptoKey objects are structured-
//   cloneable into IndexedDB). Sync runs after a reload without asking the passphrase, and
//   script on the page can use the keys but never read their bytes.
//
// Wiping (a revoked device, or leaving the team) deletes everything the team shares: the
// case book, the form records, the outbox and the sync bookkeeping. Device settings stay.
import type { DeviceRole } from '../shared/sync-protocol';
import { ok } from '../shared/result';
import type { LotseDb } from './database';
import type { StorageResult } from './record-repository';
import { storageFailure } from './storage-error';
import { TEAM_KEY } from './sync-tables';

export type SyncKeys = {
  teamId: string;
  current: number;
  keys: Map<number, CryptoKey>;
  /** This member's ECDH key pair (private key non-extractable): opens key-epoch grants. */
  member?: { privateKey: CryptoKey; publicKey: Uint8Array };
};

export type TeamMembership = {
  teamId: string;
  deviceId: string;
  deviceToken: string;
  role: DeviceRole;
  /** Origin of the sync server ('' = the origin the app was loaded from). */
  serverUrl: string;
  joinedAt: string;
  lockedKeyMaterial: Uint8Array;
  syncKeys: SyncKeys;
  /**
   * An admin removed a device but the new key epoch is not made yet (keys locked, or the
   * rotation failed): it is made when the keys are next unlocked (ui/screens/team/key-refresh.ts).
   */
  pendingKeyRotation?: boolean;
};

export type TeamRepository = {
  get(): Promise<StorageResult<TeamMembership | null>>;
  save(membership: TeamMembership): Promise<StorageResult<void>>;
  /** Deletes the team's data and the membership (settings stay). */
  wipe(): Promise<StorageResult<void>>;
};

/** Tables that hold team data (everything but device settings). */
const TEAM_TABLES = [
  'cases',
  'persons',
  'appointments',
  'notes',
  'outbox',
  'forms',
  'formFiles',
  'drafts',
  'outputs',
  'syncShadows',
  'syncProblems',
  'syncForeign',
  'syncState',
] as const;

export function createTeamRepository(db: LotseDb): TeamRepository {
  return {
    async get() {
      try {
        const row = await db.syncState.get(TEAM_KEY);
        return ok((row?.value as TeamMembership | undefined) ?? null);
      } catch (error) {
        return storageFailure(error);
      }
    },
    async save(membership) {
      try {
        await db.syncState.put({ key: TEAM_KEY, value: membership });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },
    async wipe() {
      const tables = TEAM_TABLES.map((name) => db.table(name));
      try {
        await db.transaction('rw', tables, async () => {
          for (const table of tables) await table.clear();
        });
        return ok(undefined);
      } catch (error) {
        return storageFailure(error);
      }
    },
  };
}
