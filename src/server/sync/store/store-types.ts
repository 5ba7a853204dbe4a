// The one storage interface of the sync server. Two databases implement it through the same
// code (sync-store.ts over a SqlDriver): SQLite by default, PostgreSQL when DATABASE_URL is set.
// Everything that matters lives in the database, so any number of server processes can share it.
import type {
  BlobStatusResponse,
  DeviceRole,
  PushRejectCode,
  ServerRecord,
} from '../../../shared/sync-protocol.js';
import type { Result } from '../../../shared/result.js';

export type DeviceRow = {
  deviceId: string;
  teamId: string;
  role: DeviceRole;
  keyMaterial: Buffer;
  publicKey: Buffer | null;
  createdAt: number;
  revokedAt: number | null;
};

export type NewDevice = {
  deviceId: string;
  tokenHash: string;
  keyMaterial: Buffer;
  publicKey: Buffer | null;
};

export type StoredGrant = { epoch: number; wrappedKey: Buffer };
export type NewGrant = { deviceId: string; wrappedKey: Buffer };
export type RotateError = 'key-epoch-conflict' | 'key-grants-mismatch';

export type NewInvite = {
  inviteId: string;
  teamId: string;
  claimHash: string;
  wrappedTeamKey: Buffer;
  role: DeviceRole;
  createdBy: string;
  expiresAt: number;
};

export type ClaimError = 'not-found' | 'invite-invalid' | 'invite-used' | 'invite-expired';
export type ClaimedInvite = { teamId: string; role: DeviceRole; wrappedTeamKey: Buffer };

/** A push change that passed validation; ciphertext already decoded. */
export type ValidChange = {
  id: string;
  kind: string;
  baseRev: number;
  changeId: string;
  keyEpoch: number;
  deleted: boolean;
  ciphertext: Buffer;
};

/** The pushing device's pull cursor, checked against the history (PushRequest.after). */
/** A push's rollback test: its cursor (with the change at it) and/or an acknowledged change. */
export type PushCursor = { after?: number; afterChange?: string; check?: HistoryCheck };

/** A change a device saw acknowledged at `seq`, checked against the history (pull `check`). */
export type HistoryCheck = { seq: number; changeId: string };

export type StoredRecord = Omit<ServerRecord, 'ciphertext'> & { ciphertext: Buffer };

export type StoredPushResult =
  | { status: 'ok'; id: string; changeId: string; rev: number; seq: number }
  | { status: 'conflict'; id: string; changeId: string; current: StoredRecord | null }
  | { status: 'rejected'; id: string; changeId: string; code: PushRejectCode };

export type BlobState = Omit<BlobStatusResponse, 'blobId'>;
export type CompleteBlobError =
  'not-found' | 'blob-incomplete' | 'blob-size-mismatch' | 'blob-hash-mismatch';

export type SyncStore = {
  createTeam: (teamId: string, admin: NewDevice, now: number) => Promise<void>;
  /** The device holding this token hash, revoked or not; null when unknown. */
  deviceByTokenHash: (tokenHash: string) => Promise<DeviceRow | null>;
  listDevices: (teamId: string) => Promise<DeviceRow[]>;
  /** Revokes a device of this team; resolves to its revocation time, or null if not in team. */
  revokeDevice: (teamId: string, deviceId: string, now: number) => Promise<number | null>;
  /** false when the device is not in this team. */
  setKeyMaterial: (teamId: string, deviceId: string, keyMaterial: Buffer) => Promise<boolean>;
  /** false when the device is not an active device of this team. */
  setPublicKey: (teamId: string, deviceId: string, publicKey: Buffer) => Promise<boolean>;
  /** The team's current key epoch (0 before the first rotation). */
  teamKeyEpoch: (teamId: string) => Promise<number>;
  /** Grants addressed to a device, ascending by epoch. */
  grantsFor: (teamId: string, deviceId: string) => Promise<StoredGrant[]>;
  /**
   * Starts a key epoch: under the team's row lock, `epoch` must be above the current one and
   * the grants exactly one per active device. Resolves to the new epoch.
   */
  rotateKeyEpoch: (
    teamId: string,
    epoch: number,
    grants: readonly NewGrant[],
    grantedBy: string,
    now: number,
  ) => Promise<Result<number, RotateError>>;
  /** false when an invite with this id exists already (ids may come from the client). */
  createInvite: (invite: NewInvite) => Promise<boolean>;
  /** Single use: the first valid claim creates the device; later ones get 'invite-used'. */
  claimInvite: (
    inviteId: string,
    claimHash: string,
    device: NewDevice,
    now: number,
  ) => Promise<Result<ClaimedInvite, ClaimError>>;
  teamSeq: (teamId: string) => Promise<number>;
  /** Current seq of several teams at once (the long-poll watcher's one cheap query). */
  teamSeqs: (teamIds: readonly string[]) => Promise<Map<string, number>>;
  /** Applies a batch in one transaction; one result per change, in order. */
  push: (
    teamId: string,
    changes: readonly ValidChange[],
    cursor?: PushCursor,
  ) => Promise<{ results: StoredPushResult[]; seq: number; cursorKnown: boolean }>;
  /** Records after `after`; `cursorKnown` as in PullResponse (afterChange, check: see there). */
  pull: (
    teamId: string,
    after: number,
    limit: number,
    afterChange?: string,
    check?: HistoryCheck,
  ) => Promise<{ records: StoredRecord[]; hasMore: boolean; seq: number; cursorKnown: boolean }>;
  putChunk: (
    teamId: string,
    blobId: string,
    index: number,
    data: Buffer,
    now: number,
  ) => Promise<Result<null, 'blob-complete' | 'blob-deleted'>>;
  /** null when unknown, deleted, or another team's. */
  blobStatus: (teamId: string, blobId: string) => Promise<BlobState | null>;
  completeBlob: (
    teamId: string,
    blobId: string,
    expected: { chunkCount: number; size: number; sha256: string },
    now: number,
  ) => Promise<Result<BlobState, CompleteBlobError>>;
  /** Calls onChunk for every chunk in order (a complete blob only). */
  readBlob: (
    teamId: string,
    blobId: string,
    onChunk: (data: Buffer) => Promise<void>,
  ) => Promise<Result<{ size: number }, 'not-found' | 'blob-incomplete'>>;
  /**
   * Deletes a blob of this team (complete or not): its chunks go, its row stays as a
   * tombstone so the id is never uploaded again. false when unknown or deleted already.
   */
  deleteBlob: (teamId: string, blobId: string, now: number) => Promise<boolean>;
  close: () => Promise<void>;
};
