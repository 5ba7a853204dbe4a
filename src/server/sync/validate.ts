// Turns untrusted JSON into typed requests. Anything of the wrong shape is a value
// ('invalid-request'), never an exception. Opaque blobs are checked as base64 and size only.
import { err, ok, type Result } from '../../shared/result.js';
import {
  base64Pattern,
  base64UrlPattern,
  kindPattern,
  sha256HexPattern,
  syncLimits,
  uuidPattern,
  type CompleteBlobRequest,
  type DeviceRole,
  type PushRejectCode,
} from '../../shared/sync-protocol.js';
import type { HistoryCheck, PushCursor, ValidChange } from './store/store-types.js';

type Invalid = 'invalid-request';
type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && uuidPattern.test(value);

/** Decoded bytes of a base64 string of at most maxBytes, else null. */
export function decodeBase64(value: unknown, maxBytes: number): Buffer | null {
  if (typeof value !== 'string' || value.length > Math.ceil(maxBytes / 3) * 4) return null;
  if (!base64Pattern.test(value)) return null;
  return Buffer.from(value, 'base64');
}

const isClaimToken = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= 22 &&
  value.length <= 128 &&
  base64UrlPattern.test(value);

export function parseKeyMaterial(body: unknown): Result<Buffer, Invalid> {
  const keyMaterial = isObject(body) ? decodeBase64(body.keyMaterial, syncLimits.maxKeyBlob) : null;
  return keyMaterial ? ok(keyMaterial) : err('invalid-request');
}

/** An optional opaque key field (public keys): absent is null, present must be non-empty base64. */
export function parseOptionalKey(body: unknown, field: string): Result<Buffer | null, Invalid> {
  const value = isObject(body) ? body[field] : undefined;
  if (value === undefined) return ok(null);
  const bytes = decodeBase64(value, syncLimits.maxKeyBlob);
  return bytes && bytes.length > 0 ? ok(bytes) : err('invalid-request');
}

export type RotateInput = { epoch: number; grants: { deviceId: string; wrappedKey: Buffer }[] };

export function parseRotate(body: unknown): Result<RotateInput, Invalid> {
  if (!isObject(body) || !isInt(body.epoch, 1, 2 ** 31 - 1) || !Array.isArray(body.grants)) {
    return err('invalid-request');
  }
  const list: readonly unknown[] = body.grants;
  if (list.length === 0 || list.length > syncLimits.maxGrants) return err('invalid-request');
  const grants: RotateInput['grants'] = [];
  for (const grant of list) {
    if (!isObject(grant) || !isUuid(grant.deviceId)) return err('invalid-request');
    const wrappedKey = decodeBase64(grant.wrappedKey, syncLimits.maxKeyBlob);
    if (!wrappedKey || wrappedKey.length === 0) return err('invalid-request');
    grants.push({ deviceId: grant.deviceId, wrappedKey });
  }
  return ok({ epoch: body.epoch, grants });
}

export type InviteInput = {
  inviteId: string | null;
  claimToken: string;
  wrappedTeamKey: Buffer;
  expiresInSeconds: number;
  role: DeviceRole;
};

export function parseCreateInvite(body: unknown): Result<InviteInput, Invalid> {
  if (!isObject(body) || !isClaimToken(body.claimToken)) return err('invalid-request');
  const wrappedTeamKey = decodeBase64(body.wrappedTeamKey, syncLimits.maxKeyBlob);
  const expires = body.expiresInSeconds ?? syncLimits.defaultInviteSeconds;
  const role = body.role ?? 'member';
  if (!wrappedTeamKey || !isInt(expires, 60, syncLimits.maxInviteSeconds)) {
    return err('invalid-request');
  }
  if (role !== 'member' && role !== 'admin') return err('invalid-request');
  const inviteId = body.inviteId ?? null;
  if (inviteId !== null && !isUuid(inviteId)) return err('invalid-request');
  return ok({
    inviteId,
    claimToken: body.claimToken,
    wrappedTeamKey,
    expiresInSeconds: expires,
    role,
  });
}

export function parseClaim(
  body: unknown,
): Result<{ claimToken: string; keyMaterial: Buffer; publicKey: Buffer | null }, Invalid> {
  if (!isObject(body) || !isClaimToken(body.claimToken)) return err('invalid-request');
  const keyMaterial = decodeBase64(body.keyMaterial, syncLimits.maxKeyBlob);
  const publicKey = parseOptionalKey(body, 'publicKey');
  if (!keyMaterial || !publicKey.ok) return err('invalid-request');
  return ok({ claimToken: body.claimToken, keyMaterial, publicKey: publicKey.value });
}

/** The changes array of a push; the changes themselves are checked one by one. */
export function parsePushBody(body: unknown): Result<readonly unknown[], Invalid> {
  if (!isObject(body) || !Array.isArray(body.changes)) return err('invalid-request');
  const changes: readonly unknown[] = body.changes;
  if (changes.length === 0 || changes.length > syncLimits.maxPushBatch)
    return err('invalid-request');
  return ok(changes);
}

/** The optional cursor of a push (PushRequest.after/afterChange); null when absent. */
export function parsePushCursor(body: unknown): Result<PushCursor | null, Invalid> {
  if (!isObject(body)) return ok(null);
  const { after, afterChange, check, checkChange } = body;
  const cursor: PushCursor = {};
  if (after !== undefined) {
    if (!isInt(after, 0, Number.MAX_SAFE_INTEGER)) return err('invalid-request');
    cursor.after = after;
    if (afterChange !== undefined) {
      if (!isUuid(afterChange)) return err('invalid-request');
      cursor.afterChange = afterChange;
    }
  } else if (afterChange !== undefined) {
    return err('invalid-request');
  }
  if (check !== undefined || checkChange !== undefined) {
    if (!isInt(check, 1, Number.MAX_SAFE_INTEGER) || !isUuid(checkChange)) {
      return err('invalid-request');
    }
    cursor.check = { seq: check, changeId: checkChange };
  }
  return ok(cursor.after === undefined && !cursor.check ? null : cursor);
}

export type ChangeCheck =
  | { ok: true; change: ValidChange }
  | { ok: false; id: string; changeId: string; code: PushRejectCode };

export function parseChange(value: unknown): ChangeCheck {
  const change = isObject(value) ? value : {};
  const id = typeof change.id === 'string' ? change.id.slice(0, 100) : '';
  const changeId = typeof change.changeId === 'string' ? change.changeId.slice(0, 100) : '';
  const rejected = (code: PushRejectCode): ChangeCheck => ({ ok: false, id, changeId, code });
  const { kind, baseRev, keyEpoch, deleted, ciphertext } = change;
  if (
    !isUuid(change.id) ||
    !isUuid(change.changeId) ||
    typeof kind !== 'string' ||
    !kindPattern.test(kind) ||
    !isInt(baseRev, 0, 2 ** 31 - 2) ||
    !isInt(keyEpoch, 0, 2 ** 31 - 1) ||
    typeof deleted !== 'boolean' ||
    typeof ciphertext !== 'string' ||
    !base64Pattern.test(ciphertext)
  ) {
    return rejected('invalid-change');
  }
  const bytes = decodeBase64(ciphertext, syncLimits.maxRecordCiphertext);
  if (!bytes || bytes.length > syncLimits.maxRecordCiphertext)
    return rejected('ciphertext-too-large');
  return {
    ok: true,
    change: {
      id: change.id,
      changeId: change.changeId,
      kind,
      baseRev,
      keyEpoch,
      deleted,
      ciphertext: bytes,
    },
  };
}

export function parseCompleteBlob(body: unknown): Result<CompleteBlobRequest, Invalid> {
  if (!isObject(body)) return err('invalid-request');
  const { chunkCount, size, sha256 } = body;
  if (
    !isInt(chunkCount, 1, syncLimits.maxChunks) ||
    !isInt(size, 0, syncLimits.maxChunks * syncLimits.maxChunkSize) ||
    typeof sha256 !== 'string' ||
    !sha256HexPattern.test(sha256)
  ) {
    return err('invalid-request');
  }
  return ok({ chunkCount, size, sha256 });
}

/** A non-negative integer query parameter; `fallback` when absent. */
/**
 * The optional extra history check of a pull (`check` = a seq ≥ 1, `checkChange` = the
 * changeId acknowledged there): both or neither; null when absent.
 */
export function parseHistoryCheck(query: URLSearchParams): Result<HistoryCheck | null, Invalid> {
  const seq = query.get('check');
  const changeId = query.get('checkChange');
  if (seq === null && changeId === null) return ok(null);
  if (seq === null || !/^[1-9]\d{0,14}$/.test(seq) || !isUuid(changeId)) {
    return err('invalid-request');
  }
  return ok({ seq: Number(seq), changeId });
}

export function parseQueryInt(
  query: URLSearchParams,
  name: string,
  fallback: number | null,
  max: number,
): Result<number, Invalid> {
  const raw = query.get(name);
  if (raw === null) return fallback === null ? err('invalid-request') : ok(fallback);
  if (!/^\d{1,15}$/.test(raw)) return err('invalid-request');
  const value = Number(raw);
  return value <= max ? ok(value) : err('invalid-request');
}
