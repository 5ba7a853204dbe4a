// Reason codes of the crypto module. Decryption never throws at the caller: a damaged,
// swapped or replayed ciphertext comes back as a value with one of these codes.

export type CryptoErrorCode =
  /** Authentication failed: the bytes were changed, or belong to another record/team/epoch. */
  | 'crypto-tampered'
  /** Too short, not base64, or fields out of range. */
  | 'crypto-malformed'
  /** Written by a newer format version this client does not know. */
  | 'crypto-unsupported-version'
  /** The key of that epoch is not in the keyring (e.g. a removed member's old device). */
  | 'crypto-unknown-epoch'
  /** The passphrase did not open the key material. */
  | 'crypto-wrong-passphrase'
  /** A passphrase blob asks for fewer KDF iterations than Lotse allows (downgrade). */
  | 'crypto-weak-kdf'
  /** The invite secret did not open the invite's key blob. */
  | 'crypto-invite-invalid'
  /** Blob chunks missing, reordered, duplicated or truncated. */
  | 'crypto-chunks-incomplete';
