// Each member device has an ECDH P-256 key pair. When a member is removed, the device
// that removes them wraps the new epoch's data key for every remaining member's public
// key (ephemeral-static ECDH → HKDF-SHA256 → AES-GCM), so the server only relays bytes
// it cannot open, and the removed member never gets the new key.
//
//   grant: version 1 | epoch u32 | ephemeral public key (65) | nonce (12) | ciphertext
import { err, ok, type Result } from '../shared/result';
import { open, seal } from './aes-gcm';
import { associatedData, concatBytes, readU32, sliceBytes, u32, type Bytes } from './bytes';
import type { CryptoErrorCode } from './codes';
import { exportDataKey, importDataKey } from './keyring';

export const GRANT_FORMAT_VERSION = 1;
const PUBLIC_KEY_LENGTH = 65;
const HEADER_LENGTH = 1 + 4 + PUBLIC_KEY_LENGTH;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export type MemberKeys = { privateKey: CryptoKey; publicKey: Bytes };

export async function generateMemberKeys(): Promise<MemberKeys> {
  const pair = await globalThis.crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
}

async function exportPublicKey(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key));
}

async function importPublicKey(raw: Bytes): Promise<CryptoKey | null> {
  if (raw.length !== PUBLIC_KEY_LENGTH) return null;
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, ECDH, true, []);
  } catch {
    return null; // not a point on the curve
  }
}

export async function exportPrivateKey(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
}

export async function importPrivateKey(pkcs8: Bytes): Promise<CryptoKey | null> {
  try {
    return await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, ECDH, true, ['deriveBits']);
  } catch {
    return null;
  }
}

async function grantKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  ephemeral: Bytes,
  recipient: Bytes,
  info: Bytes,
): Promise<CryptoKey> {
  const shared = await globalThis.crypto.subtle.deriveBits(
    { name: 'ECDH', public: publicKey },
    privateKey,
    256,
  );
  const hkdf = await globalThis.crypto.subtle.importKey('raw', shared, 'HKDF', false, [
    'deriveKey',
  ]);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: concatBytes(ephemeral, recipient), info },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const grantInfo = (teamId: string, epoch: number): Bytes =>
  associatedData('lotse/member-grant/v1', teamId, epoch);

/** Wraps one epoch's data key for a member's public key. */
export async function wrapKeyForMember(
  teamId: string,
  epoch: number,
  dataKey: CryptoKey,
  memberPublicKey: Bytes,
): Promise<Result<Bytes, CryptoErrorCode>> {
  const recipient = await importPublicKey(memberPublicKey);
  if (!recipient) return err('crypto-malformed');
  const ephemeral = await globalThis.crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const ephemeralRaw = await exportPublicKey(ephemeral.publicKey);
  const info = grantInfo(teamId, epoch);
  const key = await grantKey(ephemeral.privateKey, recipient, ephemeralRaw, memberPublicKey, info);
  const sealed = await seal(key, await exportDataKey(dataKey), info);
  return ok(concatBytes(Uint8Array.of(GRANT_FORMAT_VERSION), u32(epoch), ephemeralRaw, sealed));
}

/** Opens a grant addressed to `member`; the epoch comes authenticated with the key. */
export async function unwrapKeyForMember(
  teamId: string,
  member: MemberKeys,
  grant: Uint8Array,
): Promise<Result<{ epoch: number; key: CryptoKey }, CryptoErrorCode>> {
  if (grant.length < 1) return err('crypto-malformed');
  if (grant[0] !== GRANT_FORMAT_VERSION) return err('crypto-unsupported-version');
  if (grant.length < HEADER_LENGTH) return err('crypto-malformed');
  const epoch = readU32(grant, 1);
  const ephemeralRaw = sliceBytes(grant, 5, HEADER_LENGTH);
  const ephemeral = await importPublicKey(ephemeralRaw);
  if (!ephemeral) return err('crypto-malformed');
  const info = grantInfo(teamId, epoch);
  const key = await grantKey(member.privateKey, ephemeral, ephemeralRaw, member.publicKey, info);
  const opened = await open(key, grant.subarray(HEADER_LENGTH), info);
  if (!opened.ok || opened.value.length !== 32) return err('crypto-tampered');
  return ok({ epoch, key: await importDataKey(opened.value) });
}

/** A short, stable name for a public key (e.g. to show "device fingerprint"). */
export async function publicKeyFingerprint(publicKey: Bytes): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', publicKey));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
