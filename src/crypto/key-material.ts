// A member's key material on the device: the team keyring and the member's own ECDH key
// pair, serialised and wrapped with the member's passphrase (passphrase.ts).
//
//   version 1 | keyring length u32 | keyring | pkcs8 length u32 | pkcs8 | public key (65)
import { err, ok, type Result } from '../shared/result';
import { concatBytes, readU32, sliceBytes, u32, type Bytes } from './bytes';
import type { CryptoErrorCode } from './codes';
import { parseKeyring, serializeKeyring, type Keyring } from './keyring';
import { exportPrivateKey, importPrivateKey, type MemberKeys } from './member-keys';
import { unwrapWithPassphrase, wrapWithPassphrase } from './passphrase';

export const KEY_MATERIAL_VERSION = 1;
const PUBLIC_KEY_LENGTH = 65;

export type KeyMaterial = { keyring: Keyring; member: MemberKeys };

export async function serializeKeyMaterial(material: KeyMaterial): Promise<Bytes> {
  const keyring = await serializeKeyring(material.keyring);
  const pkcs8 = await exportPrivateKey(material.member.privateKey);
  return concatBytes(
    Uint8Array.of(KEY_MATERIAL_VERSION),
    u32(keyring.length),
    keyring,
    u32(pkcs8.length),
    pkcs8,
    material.member.publicKey,
  );
}

export async function parseKeyMaterial(
  bytes: Bytes,
): Promise<Result<KeyMaterial, CryptoErrorCode>> {
  if (bytes.length < 1) return err('crypto-malformed');
  if (bytes[0] !== KEY_MATERIAL_VERSION) return err('crypto-unsupported-version');
  if (bytes.length < 5) return err('crypto-malformed');
  const keyringEnd = 5 + readU32(bytes, 1);
  if (bytes.length < keyringEnd + 4) return err('crypto-malformed');
  const pkcs8End = keyringEnd + 4 + readU32(bytes, keyringEnd);
  if (bytes.length !== pkcs8End + PUBLIC_KEY_LENGTH) return err('crypto-malformed');
  const keyring = await parseKeyring(sliceBytes(bytes, 5, keyringEnd));
  if (!keyring.ok) return keyring;
  const privateKey = await importPrivateKey(sliceBytes(bytes, keyringEnd + 4, pkcs8End));
  if (!privateKey) return err('crypto-malformed');
  const publicKey = sliceBytes(bytes, pkcs8End);
  return ok({ keyring: keyring.value, member: { privateKey, publicKey } });
}

/** Wraps the key material with a passphrase for storage on the device. */
export async function lockKeyMaterial(passphrase: string, material: KeyMaterial): Promise<Bytes> {
  return wrapWithPassphrase(passphrase, await serializeKeyMaterial(material));
}

export async function unlockKeyMaterial(
  passphrase: string,
  locked: Uint8Array,
): Promise<Result<KeyMaterial, CryptoErrorCode>> {
  const bytes = await unwrapWithPassphrase(passphrase, locked);
  if (!bytes.ok) return bytes;
  return parseKeyMaterial(bytes.value);
}
