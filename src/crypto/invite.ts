// Invites: a new member receives the team keyring through a link.
//
// The link carries `#invite=<inviteId>.<secret>`; a URL fragment never reaches a server.
// From the 32-byte secret, HKDF-SHA256 derives two independent values:
//   (a) "wrap"  → an AES-GCM key that seals the keyring (the sealed blob is stored with the
//                 invite on the server, which cannot open it), and
//   (b) "claim" → a claim token the device sends to the server to claim the invite.
// HKDF outputs under different `info` are independent, so knowing (b) reveals nothing of (a).
//
//   sealed invite: version 1 | nonce (12) | AES-GCM ciphertext + tag (AAD binds inviteId)
import { err, ok, type Result } from '../shared/result';
import { open, seal } from './aes-gcm';
import {
  associatedData,
  concatBytes,
  fromBase64Url,
  randomBytes,
  toBase64Url,
  utf8,
  type Bytes,
} from './bytes';
import type { CryptoErrorCode } from './codes';
import { parseKeyring, serializeKeyring, type Keyring } from './keyring';

export const INVITE_FORMAT_VERSION = 1;
const SECRET_LENGTH = 32;
const SALT = utf8('lotse/invite/v1');

/** A fresh random invite secret, base64url (43 characters). */
export function createInviteSecret(): string {
  return toBase64Url(randomBytes(SECRET_LENGTH));
}

export type InviteKeys = { wrappingKey: CryptoKey; claimToken: string };

export async function deriveInviteKeys(
  secret: string,
): Promise<Result<InviteKeys, 'crypto-invite-invalid'>> {
  const raw = fromBase64Url(secret);
  if (!raw || raw.length !== SECRET_LENGTH) return err('crypto-invite-invalid');
  const hkdf = await globalThis.crypto.subtle.importKey('raw', raw, 'HKDF', false, [
    'deriveKey',
    'deriveBits',
  ]);
  const wrappingKey = await globalThis.crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: utf8('wrap') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const claim = await globalThis.crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: utf8('claim') },
    hkdf,
    256,
  );
  return ok({ wrappingKey, claimToken: toBase64Url(new Uint8Array(claim)) });
}

const inviteAad = (inviteId: string): Bytes => associatedData('lotse/invite/v1', inviteId);

/** Seals the keyring for an invite. The result and the claim token go to the server. */
export async function sealInvite(
  secret: string,
  inviteId: string,
  keyring: Keyring,
): Promise<{ claimToken: string; sealedKeyring: Bytes }> {
  const keys = await deriveInviteKeys(secret);
  if (!keys.ok) throw new Error('sealInvite needs a secret from createInviteSecret');
  const sealed = await seal(
    keys.value.wrappingKey,
    await serializeKeyring(keyring),
    inviteAad(inviteId),
  );
  return {
    claimToken: keys.value.claimToken,
    sealedKeyring: concatBytes(Uint8Array.of(INVITE_FORMAT_VERSION), sealed),
  };
}

/** Opens the sealed keyring the server handed out for a claimed invite. */
export async function openInvite(
  secret: string,
  inviteId: string,
  sealedKeyring: Uint8Array,
): Promise<Result<Keyring, CryptoErrorCode>> {
  if (sealedKeyring.length < 1) return err('crypto-malformed');
  if (sealedKeyring[0] !== INVITE_FORMAT_VERSION) return err('crypto-unsupported-version');
  const keys = await deriveInviteKeys(secret);
  if (!keys.ok) return keys;
  const opened = await open(keys.value.wrappingKey, sealedKeyring.subarray(1), inviteAad(inviteId));
  if (!opened.ok) return err('crypto-invite-invalid');
  return parseKeyring(opened.value);
}

const INVITE_ID = /^[A-Za-z0-9-]{1,64}$/;

export function inviteFragment(inviteId: string, secret: string): string {
  return `#invite=${inviteId}.${secret}`;
}

/** Reads `#invite=<inviteId>.<secret>` from a location hash. */
export function parseInviteFragment(
  hash: string,
): Result<{ inviteId: string; secret: string }, 'crypto-invite-invalid'> {
  const match = /^#?invite=([^.]+)\.([A-Za-z0-9_-]+)$/.exec(hash.trim());
  const inviteId = match?.[1];
  const secret = match?.[2];
  if (!inviteId || !secret || !INVITE_ID.test(inviteId)) return err('crypto-invite-invalid');
  const raw = fromBase64Url(secret);
  if (!raw || raw.length !== SECRET_LENGTH) return err('crypto-invite-invalid');
  return ok({ inviteId, secret });
}
