// AES-GCM with a random 96-bit nonce; decryption failures become a value, not an exception.
import { err, ok, type Result } from '../shared/result';
import { concatBytes, randomBytes, sliceBytes, type Bytes } from './bytes';

export const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;

/** nonce | ciphertext-with-tag */
export async function seal(key: CryptoKey, plaintext: Bytes, aad: Bytes): Promise<Bytes> {
  const nonce = randomBytes(NONCE_LENGTH);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: aad },
    key,
    plaintext,
  );
  return concatBytes(nonce, new Uint8Array(ciphertext));
}

/** Opens `nonce | ciphertext`; 'auth-failed' when the tag does not verify. */
export async function open(
  key: CryptoKey,
  sealed: Uint8Array,
  aad: Bytes,
): Promise<Result<Bytes, 'auth-failed'>> {
  if (sealed.length < NONCE_LENGTH + TAG_LENGTH) return err('auth-failed');
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sliceBytes(sealed, 0, NONCE_LENGTH), additionalData: aad },
      key,
      // A view, not a copy (WebCrypto copies its input anyway): every pulled record comes here.
      sealed.buffer instanceof ArrayBuffer
        ? new Uint8Array(
            sealed.buffer,
            sealed.byteOffset + NONCE_LENGTH,
            sealed.length - NONCE_LENGTH,
          )
        : sliceBytes(sealed, NONCE_LENGTH),
    );
    return ok(new Uint8Array(plaintext));
  } catch {
    // WebCrypto reports a failed tag check as an OperationError; nothing else can fail here.
    return err('auth-failed');
  }
}
