// The team keyring: one random AES-GCM-256 data key per key epoch. Records and blobs are
// encrypted with the current epoch's key; older keys stay so that records written before
// a rotation can still be read until they have been re-encrypted (see reencrypt.ts).
//
// Serialised form (wrapped by a passphrase on the device, or by an invite secret):
//   version 1 | teamId length u32 | teamId UTF-8 | current epoch u32 | count u32 |
//   count × (epoch u32 | 32 key bytes)
import { err, ok, type Result } from '../shared/result';
import { concatBytes, fromUtf8, readU32, sliceBytes, u32, utf8, type Bytes } from './bytes';
import type { CryptoErrorCode } from './codes';

export const KEYRING_FORMAT_VERSION = 1;
const KEY_LENGTH = 32;

export type Keyring = {
  teamId: string;
  /** Epoch of the key new records are written with. */
  current: number;
  keys: ReadonlyMap<number, CryptoKey>;
};

const AES_GCM = { name: 'AES-GCM', length: 256 } as const;
const USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/** A fresh random data key (extractable, so it can be wrapped for members and invites). */
export function generateDataKey(): Promise<CryptoKey> {
  return globalThis.crypto.subtle.generateKey(AES_GCM, true, USAGES);
}

export function importDataKey(raw: Bytes): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', raw, AES_GCM, true, USAGES);
}

export async function exportDataKey(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key));
}

/** A new team's keyring: epoch 1 with a random key. */
export async function createKeyring(teamId: string): Promise<Keyring> {
  return { teamId, current: 1, keys: new Map([[1, await generateDataKey()]]) };
}

/** Adds a key under an epoch; it becomes current when its epoch is the newest. */
export function withEpochKey(keyring: Keyring, epoch: number, key: CryptoKey): Keyring {
  const keys = new Map(keyring.keys);
  keys.set(epoch, key);
  return { ...keyring, keys, current: Math.max(keyring.current, epoch) };
}

export function currentKey(keyring: Keyring): CryptoKey {
  const key = keyring.keys.get(keyring.current);
  if (!key) throw new Error('keyring without its current key');
  return key;
}

export async function serializeKeyring(keyring: Keyring): Promise<Bytes> {
  const team = utf8(keyring.teamId);
  const entries: Uint8Array[] = [];
  for (const [epoch, key] of [...keyring.keys].sort(([a], [b]) => a - b)) {
    entries.push(u32(epoch), await exportDataKey(key));
  }
  return concatBytes(
    Uint8Array.of(KEYRING_FORMAT_VERSION),
    u32(team.length),
    team,
    u32(keyring.current),
    u32(keyring.keys.size),
    ...entries,
  );
}

export async function parseKeyring(bytes: Bytes): Promise<Result<Keyring, CryptoErrorCode>> {
  if (bytes.length < 1) return err('crypto-malformed');
  if (bytes[0] !== KEYRING_FORMAT_VERSION) return err('crypto-unsupported-version');
  if (bytes.length < 5) return err('crypto-malformed');
  const teamLength = readU32(bytes, 1);
  let offset = 5 + teamLength;
  if (bytes.length < offset + 8) return err('crypto-malformed');
  const teamId = fromUtf8(bytes.subarray(5, offset));
  const current = readU32(bytes, offset);
  const count = readU32(bytes, offset + 4);
  offset += 8;
  if (teamId === null || bytes.length !== offset + count * (4 + KEY_LENGTH)) {
    return err('crypto-malformed');
  }
  const keys = new Map<number, CryptoKey>();
  for (let i = 0; i < count; i += 1) {
    const epoch = readU32(bytes, offset);
    keys.set(epoch, await importDataKey(sliceBytes(bytes, offset + 4, offset + 4 + KEY_LENGTH)));
    offset += 4 + KEY_LENGTH;
  }
  if (!keys.has(current)) return err('crypto-malformed');
  return ok({ teamId, current, keys });
}
