// New key epochs on this device: after an admin removed a member, the new data key arrives
// as a grant wrapped for this device's public key (GET /session). The sync engine asks for
// it when the server refuses a push as `stale-key-epoch` or a record carries an unknown
// epoch (`refreshKeys`); the admin who removed the member starts the epoch (rotateAfterRevoke).
// That needs the keys unlocked, and the server: until it is done, the membership says a
// rotation is owed (`pendingKeyRotation`, saved), and it is made the next time it can be.
import { fromBase64Url, toBase64 } from '../../../crypto/bytes';
import { rotateEpoch } from '../../../crypto/key-epochs';
import type { Keyring } from '../../../crypto/keyring';
import { exportDataKey } from '../../../crypto/keyring';
import { unwrapKeyForMember } from '../../../crypto/member-keys';
import type { LotseDb } from '../../../db/database';
import {
  createTeamRepository,
  type SyncKeys,
  type TeamMembership,
} from '../../../db/team-repository';
import type { StorageResult } from '../../../db/record-repository';
import { err, ok, type Result } from '../../../shared/result';
import type { HttpTransport } from '../../../sync/http-transport';

/** A non-extractable copy of a data key (what the device keeps for syncing). */
export async function syncKeyOf(key: CryptoKey): Promise<CryptoKey> {
  const usages: KeyUsage[] = ['encrypt', 'decrypt'];
  return globalThis.crypto.subtle.importKey(
    'raw',
    await exportDataKey(key),
    'AES-GCM',
    false,
    usages,
  );
}

/** Adds the keys of every grant addressed to this device; true when a new epoch arrived. */
export async function refreshSyncKeys(
  db: LotseDb,
  membership: TeamMembership,
  transport: HttpTransport,
): Promise<boolean> {
  const member = membership.syncKeys.member;
  if (!member) return false;
  const session = await transport.session();
  if (!session.ok) return false;
  const keys = new Map(membership.syncKeys.keys);
  let current = membership.syncKeys.current;
  for (const grant of session.value.grants) {
    if (keys.has(grant.epoch)) continue;
    const bytes = fromBase64Url(grant.wrappedKey);
    const memberKeys = {
      privateKey: member.privateKey,
      publicKey: new Uint8Array(member.publicKey),
    };
    const opened = bytes && (await unwrapKeyForMember(membership.teamId, memberKeys, bytes));
    if (!opened || !opened.ok) continue;
    keys.set(opened.value.epoch, await syncKeyOf(opened.value.key));
    current = Math.max(current, opened.value.epoch);
  }
  if (current === membership.syncKeys.current) return false;
  const syncKeys: SyncKeys = { ...membership.syncKeys, keys, current };
  membership.syncKeys = syncKeys; // the codec reads it on every call
  await createTeamRepository(db).save(membership);
  return true;
}

/**
 * After removing a device: a new epoch's key for every remaining device (this one
 * included), uploaded as grants. Needs the keyring unlocked (extractable keys).
 */
export async function rotateAfterRevoke(
  db: LotseDb,
  membership: TeamMembership,
  keyring: Keyring,
  transport: HttpTransport,
  remaining: { deviceId: string; publicKey: string | null }[],
): Promise<Result<Keyring, 'rotation-failed'>> {
  const members = remaining.flatMap((device) => {
    const publicKey = device.publicKey && fromBase64Url(device.publicKey);
    return publicKey ? [{ memberId: device.deviceId, publicKey }] : [];
  });
  const rotated = await rotateEpoch(keyring, members);
  if (rotated.failed.length > 0) return err('rotation-failed');
  const sent = await transport.rotateKeyEpoch({
    epoch: rotated.keyring.current,
    grants: rotated.grants.map((g) => ({ deviceId: g.memberId, wrappedKey: toBase64(g.grant) })),
  });
  if (!sent.ok) return err('rotation-failed');
  const newKey = rotated.keyring.keys.get(rotated.keyring.current);
  if (!newKey) return err('rotation-failed');
  const keys = new Map(membership.syncKeys.keys);
  keys.set(rotated.keyring.current, await syncKeyOf(newKey));
  membership.syncKeys = { ...membership.syncKeys, keys, current: rotated.keyring.current };
  membership.pendingKeyRotation = false;
  await createTeamRepository(db).save(membership);
  return ok(rotated.keyring);
}

/** After a revoke: a new key epoch is owed until it is made (kept across reloads). */
export async function markRotationPending(
  db: LotseDb,
  membership: TeamMembership,
): Promise<StorageResult<void>> {
  membership.pendingKeyRotation = true;
  return createTeamRepository(db).save(membership);
}

/**
 * Makes an owed key rotation for the team's active devices: the new keyring, null when
 * none was owed, `rotation-failed` when it stays owed (server unreachable, a device joined
 * or was removed meanwhile — the next attempt lists the devices again).
 */
export async function finishPendingRotation(
  db: LotseDb,
  membership: TeamMembership,
  keyring: Keyring,
  transport: HttpTransport,
): Promise<Result<Keyring | null, 'rotation-failed'>> {
  if (!membership.pendingKeyRotation) return ok(null);
  const listed = await transport.devices();
  if (!listed.ok) return err('rotation-failed');
  const remaining = listed.value.devices.filter((device) => device.revokedAt === null);
  return rotateAfterRevoke(db, membership, keyring, transport, remaining);
}
