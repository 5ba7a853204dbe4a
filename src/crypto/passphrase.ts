// Passphrase wrapping of a member's key material on the device (PBKDF2-SHA256; WebCrypto
// has no Argon2id and no package may be added). Changing the passphrase re-wraps these
// few bytes only; the records stay as they are.
//
//   version 1 | iterations u32 | salt (16) | nonce (12) | AES-GCM ciphertext + tag
//
// The iteration count and salt are bound as associated data, and a blob asking for fewer
// than PBKDF2_ITERATIONS is refused (`crypto-weak-kdf`), so it cannot be downgraded.
import { err, ok, type Result } from '../shared/result';
import { open, seal } from './aes-gcm';
import {
  associatedData,
  concatBytes,
  randomBytes,
  readU32,
  sliceBytes,
  toBase64Url,
  u32,
  utf8,
  type Bytes,
} from './bytes';
import type { CryptoErrorCode } from './codes';

export const PASSPHRASE_FORMAT_VERSION = 1;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
/** Upper bound, so a hostile blob cannot make the device spin for minutes. */
const MAX_ITERATIONS = 10_000_000;
const SALT_LENGTH = 16;
const HEADER_LENGTH = 1 + 4 + SALT_LENGTH;

async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey(
    'raw',
    // The same passphrase typed on another keyboard may arrive composed differently.
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const passphraseAad = (iterations: number, salt: Bytes): Bytes =>
  associatedData('lotse/passphrase/v1', iterations, toBase64Url(salt));

export async function wrapWithPassphrase(
  passphrase: string,
  secret: Bytes,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<Bytes> {
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations out of range: ${iterations}`);
  }
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await seal(key, secret, passphraseAad(iterations, salt));
  return concatBytes(Uint8Array.of(PASSPHRASE_FORMAT_VERSION), u32(iterations), salt, sealed);
}

/** The iteration count a wrapped blob declares, or null when it is not one. */
export function kdfIterations(wrapped: Uint8Array): number | null {
  if (wrapped.length < HEADER_LENGTH || wrapped[0] !== PASSPHRASE_FORMAT_VERSION) return null;
  return readU32(wrapped, 1);
}

export async function unwrapWithPassphrase(
  passphrase: string,
  wrapped: Uint8Array,
): Promise<Result<Bytes, CryptoErrorCode>> {
  if (wrapped.length < 1) return err('crypto-malformed');
  if (wrapped[0] !== PASSPHRASE_FORMAT_VERSION) return err('crypto-unsupported-version');
  if (wrapped.length < HEADER_LENGTH) return err('crypto-malformed');
  const iterations = readU32(wrapped, 1);
  if (iterations < PBKDF2_ITERATIONS) return err('crypto-weak-kdf');
  if (iterations > MAX_ITERATIONS) return err('crypto-malformed');
  const salt = sliceBytes(wrapped, 5, HEADER_LENGTH);
  const key = await deriveKey(passphrase, salt, iterations);
  const opened = await open(key, wrapped.subarray(HEADER_LENGTH), passphraseAad(iterations, salt));
  // A wrong passphrase and a damaged blob look the same to AES-GCM; the former is likely.
  return opened.ok ? ok(opened.value) : err('crypto-wrong-passphrase');
}

/** New passphrase, same key material: only the wrapping changes. */
export async function changePassphrase(
  oldPassphrase: string,
  newPassphrase: string,
  wrapped: Uint8Array,
): Promise<Result<Bytes, CryptoErrorCode>> {
  const secret = await unwrapWithPassphrase(oldPassphrase, wrapped);
  if (!secret.ok) return secret;
  return ok(await wrapWithPassphrase(newPassphrase, secret.value));
}
