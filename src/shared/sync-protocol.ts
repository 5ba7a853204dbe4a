// The wire format of the team-sync API (/api/v1), shared by the server (src/server/sync) and the
// client (src/sync). Everything the server stores about case data is opaque: ciphertext, wrapped
// keys and key material are base64 strings it never reads. docs/sync-protocol.md explains the
// rules (cursors, compare-and-swap, idempotency, long-poll, blobs).
import type { ApiErrorCode } from './api-errors.js';

export const syncApiPrefix = '/api/v1';

/** Paths. Every id is a lowercase UUID (8-4-4-4-12 hex), see uuidPattern. */
export const syncPaths = {
  /** POST CreateTeamRequest → CreateTeamResponse (no auth; the creating device becomes admin). */
  teams: '/api/v1/teams',
  /** GET → SessionResponse: who am I, my key material, the team's current seq. */
  session: '/api/v1/session',
  /** GET → DeviceListResponse. */
  devices: '/api/v1/devices',
  /** POST (admin) → RevokeDeviceResponse. */
  revokeDevice: (deviceId: string) => `/api/v1/devices/${deviceId}/revoke`,
  /** PUT SetKeyMaterialRequest → SetKeyMaterialResponse (the device itself, or an admin). */
  keyMaterial: (deviceId: string) => `/api/v1/devices/${deviceId}/key-material`,
  /** PUT SetPublicKeyRequest → SetPublicKeyResponse (the device itself only). */
  publicKey: (deviceId: string) => `/api/v1/devices/${deviceId}/public-key`,
  /** POST (admin) RotateKeyEpochRequest → RotateKeyEpochResponse: a new key epoch + grants. */
  keyEpochs: '/api/v1/key-epochs',
  /** POST (admin) CreateInviteRequest → CreateInviteResponse. */
  invites: '/api/v1/invites',
  /** POST ClaimInviteRequest → ClaimInviteResponse (no auth; the claim token proves the link). */
  claimInvite: (inviteId: string) => `/api/v1/invites/${inviteId}/claim`,
  /** POST PushRequest → PushResponse. */
  push: '/api/v1/sync/push',
  /**
   * GET ?after=<seq>&limit=<n>[&afterChange=<id>][&check=<seq>&checkChange=<id>] → PullResponse
   * (JSON), or the binary page (`pullPageMediaType`) when the request accepts it.
   */
  pull: '/api/v1/sync/pull',
  /** GET ?after=<seq>[&timeout=<seconds>] → EventsResponse (long-poll). */
  events: '/api/v1/sync/events',
  /** PUT raw bytes (application/octet-stream) → ChunkResponse. */
  blobChunk: (blobId: string, index: number) => `/api/v1/blobs/${blobId}/chunks/${index}`,
  /** GET → BlobStatusResponse. */
  blobStatus: (blobId: string) => `/api/v1/blobs/${blobId}/status`,
  /** POST CompleteBlobRequest → BlobStatusResponse. */
  blobComplete: (blobId: string) => `/api/v1/blobs/${blobId}/complete`,
  /**
   * GET → the ciphertext bytes (application/octet-stream), once complete. DELETE → 204: the
   * blob is gone for good (404 when unknown or deleted already; its id is never taken again).
   */
  blob: (blobId: string) => `/api/v1/blobs/${blobId}`,
} as const;

/** Limits the server enforces; the client sizes its batches and chunks by them. */
export const syncLimits = {
  /** Largest JSON request body, in bytes. */
  maxJsonBody: 4 * 1024 * 1024,
  /** Most changes in one push. */
  maxPushBatch: 200,
  /** Largest ciphertext of one record, in bytes after base64 decoding. */
  maxRecordCiphertext: 256 * 1024,
  /** Largest opaque key blob (key material, wrapped team key, public key, grant), bytes. */
  maxKeyBlob: 16 * 1024,
  /** Most grants in one key rotation (one per active device of the team). */
  maxGrants: 1000,
  /** Pull page size when `limit` is not given, and the largest accepted. */
  defaultPullLimit: 200,
  maxPullLimit: 1000,
  /** Longest long-poll wait, and the default. */
  maxEventsTimeoutSeconds: 25,
  /** One blob chunk (the body of a chunk PUT), bytes. */
  maxChunkSize: 1024 * 1024,
  /** Chunk indexes run from 0 to maxChunks - 1. */
  maxChunks: 256,
  /** Record kinds: 1–40 characters of [a-z0-9-]. */
  maxKindLength: 40,
  /** Default and longest invite lifetime. */
  defaultInviteSeconds: 7 * 24 * 3600,
  maxInviteSeconds: 30 * 24 * 3600,
} as const;

export type DeviceRole = 'admin' | 'member';

// ---------------------------------------------------------------- teams, devices, invites

export type CreateTeamRequest = {
  /**
   * Opaque (base64) key material of the creating device. Lotse's app sends no secret here
   * (docs/security.md: the passphrase-wrapped keyring stays on the device); any opaque
   * bytes the device wants back from GET /session, e.g. a format marker.
   */
  keyMaterial: string;
  /** The device's public key (base64; Lotse: raw ECDH P-256, 65 bytes) for key-epoch grants. */
  publicKey?: string;
};

/** What a device receives when it joins: its id and bearer token (shown once, stored hashed). */
export type DeviceCredentials = {
  teamId: string;
  deviceId: string;
  /** Send as `Authorization: Bearer <deviceToken>` on every authenticated request. */
  deviceToken: string;
  role: DeviceRole;
};

export type CreateTeamResponse = DeviceCredentials;

/** One epoch's data key wrapped for one device's public key (crypto/member-keys.ts). */
export type KeyGrant = {
  epoch: number;
  /** Opaque (base64) grant; only the device holding the matching private key opens it. */
  wrappedKey: string;
};

export type SessionResponse = {
  teamId: string;
  deviceId: string;
  role: DeviceRole;
  keyMaterial: string;
  /** This device's public key (base64), null until it sent one. */
  publicKey: string | null;
  /** The team's current sequence number (the newest cursor). */
  seq: number;
  /** The team's current key epoch (0 until the first rotation); pushes below it are refused. */
  keyEpoch: number;
  /** Every grant addressed to this device, ascending by epoch. */
  grants: KeyGrant[];
};

export type DeviceInfo = {
  deviceId: string;
  role: DeviceRole;
  /** Base64 public key for grants, null when the device never sent one. */
  publicKey: string | null;
  /** ISO 8601, server clock. */
  createdAt: string;
  revokedAt: string | null;
};

export type DeviceListResponse = { devices: DeviceInfo[] };

export type RevokeDeviceResponse = { deviceId: string; revokedAt: string };

export type SetKeyMaterialRequest = { keyMaterial: string };
export type SetKeyMaterialResponse = { deviceId: string };

export type SetPublicKeyRequest = { publicKey: string };
export type SetPublicKeyResponse = { deviceId: string };

/**
 * A new key epoch, sent by the admin device that removed a member: the new data key wrapped
 * for every active device of the team (itself included), exactly one grant each.
 */
export type RotateKeyEpochRequest = {
  /** Must be above the team's current key epoch. */
  epoch: number;
  grants: { deviceId: string; wrappedKey: string }[];
};

export type RotateKeyEpochResponse = { keyEpoch: number };

export type CreateInviteRequest = {
  /**
   * The invite's id, made by the inviting device (a UUID) so that it can bind the sealed team
   * key to it (crypto/invite.ts) before the one request goes out; the server makes one when it
   * is absent. An id that exists already is 400 `invalid-request`.
   */
  inviteId?: string;
  /**
   * base64url of HKDF(secret, 'claim'): the link's secret stays in the URL fragment
   * (`…/#invite=<inviteId>.<secret>`); the server keeps only SHA-256 of this token.
   */
  claimToken: string;
  /** Opaque (base64) team key wrapped with a key derived from the secret. */
  wrappedTeamKey: string;
  /** Lifetime in seconds, 60 … maxInviteSeconds; default defaultInviteSeconds. */
  expiresInSeconds?: number;
  /** Role of the device that claims it; default 'member'. */
  role?: DeviceRole;
};

export type CreateInviteResponse = { inviteId: string; expiresAt: string };

export type ClaimInviteRequest = {
  claimToken: string;
  /** Opaque (base64) key material of the joining device. */
  keyMaterial: string;
  /** The joining device's public key (base64) for key-epoch grants. */
  publicKey?: string;
};

export type ClaimInviteResponse = DeviceCredentials & { wrappedTeamKey: string };

// ---------------------------------------------------------------- records

/** One record change pushed by a device. */
export type RecordChange = {
  /** The record's id (UUID, client-generated). */
  id: string;
  /** What the record is ('case', 'person', 'form-pack', …): 1–40 of [a-z0-9-]. Fixed per id. */
  kind: string;
  /** The revision this change was made on; 0 for a record the server has never seen. */
  baseRev: number;
  /** UUID of this change; a retry carries the same changeId and gets the same result. */
  changeId: string;
  /** Key epoch the ciphertext was encrypted under (integer ≥ 0). */
  keyEpoch: number;
  /** A delete is a tombstone: the record stays, deleted, with (usually empty) ciphertext. */
  deleted: boolean;
  /** Standard base64 (with padding) of the encrypted record. */
  ciphertext: string;
};

/** A record as the server holds it: the latest accepted version. */
export type ServerRecord = {
  id: string;
  kind: string;
  /** Revision: 1 after the first push, +1 with every accepted change. */
  rev: number;
  /** Team sequence number of the change that produced this version (the pull cursor). */
  seq: number;
  keyEpoch: number;
  deleted: boolean;
  ciphertext: string;
  /** changeId of the change that produced this version (lets a device spot its own echo). */
  changeId: string;
};

export type PushRequest = {
  changes: RecordChange[];
  /**
   * The device's pull cursor and the changeId of the record at it (as in a pull's `after` and
   * `afterChange`). When given and the server's history does not reach them (restored from an
   * older backup), nothing is applied and the answer says `cursorKnown: false`: a revision
   * number alone cannot tell a lost revision from a new one with the same number.
   */
  after?: number;
  afterChange?: string;
  /**
   * A push this device saw acknowledged above `after` (not pulled yet), held to the same test
   * as a pull's `check`/`checkChange`: both or neither, `check` ≥ 1. Without it a server
   * restored to between the cursor and that push would take new changes on top of the lost one.
   */
  check?: number;
  checkChange?: string;
};

/** Why one record of a push was refused; the others still go through. */
export const pushRejectCodes = [
  /** The change is not well-formed (bad id, kind, numbers or base64). */
  'invalid-change',
  /** The id exists with another kind. */
  'kind-mismatch',
  /** The ciphertext is larger than syncLimits.maxRecordCiphertext. */
  'ciphertext-too-large',
  /**
   * keyEpoch is below the team's current key epoch: fetch this device's grant (GET /session),
   * re-encrypt with the new key and push again. Keeps a device that missed a rotation from
   * writing data a removed member can still read.
   */
  'stale-key-epoch',
] as const;
export type PushRejectCode = (typeof pushRejectCodes)[number];

/** One result per pushed change, in the order of the request. */
export type PushResult =
  | { status: 'ok'; id: string; changeId: string; rev: number; seq: number }
  | {
      status: 'conflict';
      id: string;
      changeId: string;
      /** The server's version (null: baseRev > 0 but the server has no such record). */
      current: ServerRecord | null;
    }
  | { status: 'rejected'; id: string; changeId: string; code: PushRejectCode };

export type PushResponse = {
  /** Empty when `cursorKnown` is false. */
  results: PushResult[];
  /** The team's seq after this push. */
  seq: number;
  /** False: the push's `after`/`afterChange` are beyond the server's history; nothing applied. */
  cursorKnown: boolean;
};

export type PullResponse = {
  /** Records with seq > after, ascending by seq, at most `limit`. */
  records: ServerRecord[];
  /** Pass as `after` next time: the last record's seq, or `after` itself when the page is empty. */
  nextCursor: number;
  /** True when more records follow nextCursor right now. */
  hasMore: boolean;
  /** The team's current seq. */
  seq: number;
  /**
   * False when the server's history does not reach the cursor: `after` is above the team's
   * seq, or `afterChange` (the changeId of the record the device last pulled, at seq `after`)
   * is not in the server's change log at that seq — or the same for the optional `check` /
   * `checkChange` (a push acknowledged to the device above its cursor). The server's data was
   * restored from an older backup: pull from 0 and push again what it lost
   * (docs/sync-protocol.md).
   */
  cursorKnown: boolean;
};

/**
 * The binary form of a pull page, for a request with `Accept: application/vnd.lotse.pull-page`
 * (the app's transport asks for it; without it the server answers JSON). The ciphertexts travel
 * as raw bytes instead of base64 inside JSON: a quarter fewer bytes on the wire, and no base64
 * to decode for every record of an initial sync. Layout (integers big-endian):
 *
 *   "LPP1" | u32 header length H | H bytes UTF-8 JSON PullPageHeader | ciphertexts, in order
 *
 * The header is a PullResponse whose records carry `size` (bytes of their ciphertext) in place
 * of `ciphertext`; the ciphertexts follow back to back and fill the body exactly.
 */
export const pullPageMediaType = 'application/vnd.lotse.pull-page';
export const PULL_PAGE_MAGIC = 'LPP1';

export type PullPageHeader = Omit<PullResponse, 'records'> & {
  records: (Omit<ServerRecord, 'ciphertext'> & { size: number })[];
};

export type EventsResponse = {
  /** The team's current seq. */
  seq: number;
  /** seq > after: there is something to pull. False when the wait timed out. */
  changed: boolean;
};

// ---------------------------------------------------------------- blobs

export type ChunkResponse = { blobId: string; index: number; size: number };

export type BlobChunkInfo = { index: number; size: number };

export type BlobStatusResponse = {
  blobId: string;
  complete: boolean;
  /** Chunks received so far, ascending by index (resume by sending the missing ones). */
  chunks: BlobChunkInfo[];
  /** Set once complete. */
  size: number | null;
  /** Lowercase hex SHA-256 of the whole ciphertext; set once complete. */
  sha256: string | null;
};

export type CompleteBlobRequest = {
  /** Chunks 0 … chunkCount-1 must all be there, and no others. */
  chunkCount: number;
  /** Total bytes of the ciphertext. */
  size: number;
  /** Lowercase hex SHA-256 of the chunks concatenated in order. */
  sha256: string;
};

// ---------------------------------------------------------------- errors

/** Error codes of the sync API, on top of the general ones in api-errors.ts. */
export const syncErrorCodes = [
  /** 400: the body is not valid JSON. */
  'invalid-json',
  /** 400: JSON of the wrong shape, or a bad query parameter. */
  'invalid-request',
  /** 400: an id in the path is not a UUID (or a chunk index out of range). */
  'invalid-id',
  /** 401: no Authorization header, or an unknown token. */
  'unauthorized',
  /** 401: this device was revoked; the body carries `wipe: true`. */
  'device-revoked',
  /** 403: an admin-only action from a member device. */
  'forbidden',
  /** 403: the claim token does not match the invite. */
  'invite-invalid',
  /** 410: the invite was claimed already. */
  'invite-used',
  /** 410: the invite has expired. */
  'invite-expired',
  /** 410: a chunk for a deleted blob; its id can never be uploaded again. */
  'blob-deleted',
  /** 409: the blob is complete; its chunks cannot change. */
  'blob-complete',
  /** 409: complete or download asked for a blob with chunks missing. */
  'blob-incomplete',
  /** 409: a key rotation's epoch is not above the team's current epoch (someone was first). */
  'key-epoch-conflict',
  /** 409: a key rotation's grants are not exactly one per active device of the team. */
  'key-grants-mismatch',
  /** 422: the chunks do not add up to the announced size. */
  'blob-size-mismatch',
  /** 422: the chunks do not hash to the announced SHA-256. */
  'blob-hash-mismatch',
  /** 413: the body is larger than the endpoint accepts. */
  'payload-too-large',
  /** 415: wrong Content-Type (JSON endpoints want application/json). */
  'unsupported-media-type',
  /** 429: too many requests from this device; see Retry-After. */
  'rate-limited',
  /** 503: the database is not reachable right now; retry later. */
  'unavailable',
] as const;

export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** The envelope of every sync API error (the general envelope, plus `wipe` on revocation). */
export type SyncErrorEnvelope = {
  error: { code: ApiErrorCode | SyncErrorCode; message: string };
  /** Present (true) only with 'device-revoked': delete all local team data. */
  wipe?: true;
};

export function isSyncErrorEnvelope(value: unknown): value is SyncErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  if (typeof error !== 'object' || error === null) return false;
  if (!('code' in error) || !('message' in error)) return false;
  return typeof error.code === 'string' && typeof error.message === 'string';
}

// ---------------------------------------------------------------- formats

/** Ids (teams, devices, invites, records, changes, blobs): lowercase UUIDs, any version. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const kindPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Standard base64 with padding (what btoa produces). */
export const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** base64url without padding (device tokens, claim tokens). */
export const base64UrlPattern = /^[A-Za-z0-9_-]+$/;
export const sha256HexPattern = /^[0-9a-f]{64}$/;
