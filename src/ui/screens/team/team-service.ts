// Joining, creating and managing a team from this device. Loaded lazily with the team
// screen and the sync runtime (never on the first screen).
//
// Keys (docs/security.md): the keyring and the member's ECDH key pair are wrapped with the
// member's passphrase and kept on the device (`lockedKeyMaterial`); the server receives only
// an opaque format marker as key material, the public key, and — for an invite — the
// keyring sealed with a key derived from the invite's secret, which stays in the link's
// fragment. For sync after a reload the device keeps non-extractable copies of the data
// keys (team-repository.ts). The unlocked key material stays in memory for this session
// (invites need it); after a reload an invite asks for the passphrase again.
import { fromBase64Url, toBase64, utf8 } from '../../../crypto/bytes';
import {
  deriveInviteKeys,
  createInviteSecret,
  inviteFragment,
  openInvite,
  parseInviteFragment,
  sealInvite,
} from '../../../crypto/invite';
import { lockKeyMaterial, unlockKeyMaterial, type KeyMaterial } from '../../../crypto/key-material';
import { createKeyring, withEpochKey, type Keyring } from '../../../crypto/keyring';
import {
  exportPrivateKey,
  generateMemberKeys,
  unwrapKeyForMember,
} from '../../../crypto/member-keys';
import { createHttpTransport } from '../../../sync/http-transport';
import { finishPendingRotation, syncKeyOf } from './key-refresh';
import type { LotseDb } from '../../../db/database';
import {
  createTeamRepository,
  type SyncKeys,
  type TeamMembership,
} from '../../../db/team-repository';
import { err, ok, type Result } from '../../../shared/result';
import type { DeviceCredentials } from '../../../shared/sync-protocol';
import { createTeamApi, type TeamApiCode } from './team-api';

export type TeamErrorCode =
  | TeamApiCode
  | 'passphrase-too-short'
  | 'wrong-passphrase'
  | 'invite-link-invalid'
  | 'storage-failed';

export const MIN_PASSPHRASE_LENGTH = 10;
/** What the server keeps as this device's key material: a format marker, no secret. */
const KEY_MATERIAL_MARKER = toBase64(utf8('lotse-device-v1'));

let unlocked: KeyMaterial | null = null;

/** Where the sync server is: the origin the app came from. */
export const serverUrl = (): string => location.origin;

async function nonExtractable(material: KeyMaterial): Promise<SyncKeys> {
  const keys = new Map<number, CryptoKey>();
  for (const [epoch, key] of material.keyring.keys) keys.set(epoch, await syncKeyOf(key));
  const pkcs8 = await exportPrivateKey(material.member.privateKey);
  const privateKey = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    pkcs8,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    ['deriveBits'],
  );
  return {
    teamId: material.keyring.teamId,
    current: material.keyring.current,
    keys,
    member: { privateKey, publicKey: material.member.publicKey },
  };
}

async function remember(
  db: LotseDb,
  credentials: DeviceCredentials,
  material: KeyMaterial,
  passphrase: string,
): Promise<Result<TeamMembership, TeamErrorCode>> {
  const membership: TeamMembership = {
    teamId: credentials.teamId,
    deviceId: credentials.deviceId,
    deviceToken: credentials.deviceToken,
    role: credentials.role,
    serverUrl: '',
    joinedAt: new Date().toISOString(),
    lockedKeyMaterial: await lockKeyMaterial(passphrase, material),
    syncKeys: await nonExtractable(material),
  };
  const saved = await createTeamRepository(db).save(membership);
  if (!saved.ok) return err('storage-failed');
  unlocked = material;
  return ok(membership);
}

export async function createTeam(
  db: LotseDb,
  passphrase: string,
): Promise<Result<TeamMembership, TeamErrorCode>> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return err('passphrase-too-short');
  const member = await generateMemberKeys();
  const created = await createTeamApi(serverUrl()).createTeam({
    keyMaterial: KEY_MATERIAL_MARKER,
    publicKey: toBase64(member.publicKey),
  });
  if (!created.ok) return created;
  const keyring = await createKeyring(created.value.teamId);
  return remember(db, created.value, { keyring, member }, passphrase);
}

export async function joinTeam(
  db: LotseDb,
  link: string,
  passphrase: string,
): Promise<Result<TeamMembership, TeamErrorCode>> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return err('passphrase-too-short');
  const invite = parseInviteFragment(link);
  if (!invite.ok) return err('invite-link-invalid');
  const keys = await deriveInviteKeys(invite.value.secret);
  if (!keys.ok) return err('invite-link-invalid');
  const member = await generateMemberKeys();
  const claimed = await createTeamApi(serverUrl()).claimInvite(invite.value.inviteId, {
    claimToken: keys.value.claimToken,
    keyMaterial: KEY_MATERIAL_MARKER,
    publicKey: toBase64(member.publicKey),
  });
  if (!claimed.ok) return claimed;
  const sealed = fromBase64Url(claimed.value.wrappedTeamKey);
  // The server assigns the invite id after sealing, so the seal binds the team id instead.
  const keyring = sealed && (await openInvite(invite.value.secret, claimed.value.teamId, sealed));
  if (!keyring || !keyring.ok) return err('invite-invalid');
  return remember(db, claimed.value, { keyring: keyring.value, member }, passphrase);
}

/**
 * Unlocks the key material with the passphrase (for invites after a reload), with the keys
 * of later epochs granted to this device added (the wrapped copy predates them).
 */
export async function unlock(
  membership: TeamMembership,
  passphrase: string,
): Promise<Result<KeyMaterial, TeamErrorCode>> {
  const material = await unlockKeyMaterial(passphrase, membership.lockedKeyMaterial);
  if (!material.ok) return err('wrong-passphrase');
  let keyring = material.value.keyring;
  const session = await createHttpTransport({
    baseUrl: membership.serverUrl || serverUrl(),
    deviceToken: membership.deviceToken,
  }).session();
  for (const grant of session.ok ? session.value.grants : []) {
    const bytes = fromBase64Url(grant.wrappedKey);
    if (!bytes || keyring.keys.has(grant.epoch)) continue;
    const opened = await unwrapKeyForMember(membership.teamId, material.value.member, bytes);
    if (opened.ok) keyring = withEpochKey(keyring, opened.value.epoch, opened.value.key);
  }
  unlocked = { ...material.value, keyring };
  return ok(unlocked);
}

/** The unlocked keyring of this session (null: ask for the passphrase). */
export const unlockedKeyring = (): Keyring | null => unlocked?.keyring ?? null;

/** After a rotation: the session's keyring gains the new epoch. */
export function setUnlockedKeyring(keyring: Keyring): void {
  if (unlocked) unlocked = { ...unlocked, keyring };
}

export const isUnlocked = (): boolean => unlocked !== null;

/**
 * Makes the key rotation owed since a device was removed (key-refresh.ts), if the keys are
 * unlocked: true when it was made now (the caller restarts the sync runtime, whose
 * membership holds the old keys), false when none was owed; `locked` or `rotation-failed`
 * when it stays owed.
 */
export async function finishOwedRotation(
  db: LotseDb,
  membership: TeamMembership,
): Promise<Result<boolean, 'locked' | 'rotation-failed'>> {
  if (!membership.pendingKeyRotation) return ok(false);
  if (!unlocked) return err('locked');
  const transport = createHttpTransport({
    baseUrl: membership.serverUrl || serverUrl(),
    deviceToken: membership.deviceToken,
  });
  const rotated = await finishPendingRotation(db, membership, unlocked.keyring, transport);
  if (!rotated.ok) return rotated;
  if (rotated.value) unlocked = { ...unlocked, keyring: rotated.value };
  return ok(true);
}

/** A single-use invite link (valid 7 days). Needs the key material unlocked. */
export async function createInviteLink(
  membership: TeamMembership,
): Promise<Result<string, TeamErrorCode | 'locked'>> {
  if (!unlocked) return err('locked');
  const secret = createInviteSecret();
  const { claimToken, sealedKeyring } = await sealInvite(
    secret,
    membership.teamId,
    unlocked.keyring,
  );
  const created = await createTeamApi(serverUrl()).createInvite(membership.deviceToken, {
    claimToken,
    wrappedTeamKey: toBase64(sealedKeyring),
  });
  if (!created.ok) return created;
  const base = `${location.origin}${location.pathname}`;
  return ok(`${base}${inviteFragment(created.value.inviteId, secret)}`);
}

/** After the database was wiped: the membership from the note, unlocked with the passphrase. */
export async function restoreMembership(
  db: LotseDb,
  credentials: DeviceCredentials,
  lockedKeyMaterial: Uint8Array,
  passphrase: string,
): Promise<Result<TeamMembership, TeamErrorCode>> {
  const material = await unlockKeyMaterial(passphrase, lockedKeyMaterial);
  if (!material.ok) return err('wrong-passphrase');
  return remember(db, credentials, material.value, passphrase);
}

export function forgetUnlocked(): void {
  unlocked = null;
}
