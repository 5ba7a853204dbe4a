// Record envelopes: a record's JSON encrypted with the team key of an epoch.
//
//   version 1 | key epoch u32 | nonce (12) | AES-GCM ciphertext + tag
//
// The associated data binds the team id, the record kind, the record id, the revision and
// the epoch, so the server cannot move a ciphertext to another record, kind or team, serve
// an older version of a record as a newer revision, nor relabel its epoch: any of these
// fails authentication and comes back as `crypto-tampered`. The revision is known before
// the push: a compare-and-swap push on `baseRev` creates revision `baseRev + 1`.
import { err, ok, type Result } from '../shared/result';
import { open, seal } from './aes-gcm';
import {
  associatedData,
  concatBytes,
  fromUtf8,
  readU32,
  u32,
  utf8,
  writeU32,
  type Bytes,
} from './bytes';
import type { CryptoErrorCode } from './codes';
import { currentKey, type Keyring } from './keyring';

export const RECORD_ENVELOPE_VERSION = 1;
const HEADER_LENGTH = 5;

/** What a record envelope is bound to; `rev` is the server revision of this version. */
export type RecordAddress = { teamId: string; kind: string; recordId: string; rev: number };

const RECORD_AAD_LABEL = 'lotse/record/v1';

/** associatedData(label, team id, kind) per team and kind: built once, not per record. */
const aadPrefixes = new Map<string, Bytes>();

function aadPrefix(teamId: string, kind: string): Bytes {
  const key = `${teamId}\n${kind}`;
  let prefix = aadPrefixes.get(key);
  if (!prefix) {
    if (aadPrefixes.size >= 64) aadPrefixes.clear();
    prefix = associatedData(RECORD_AAD_LABEL, teamId, kind);
    aadPrefixes.set(key, prefix);
  }
  return prefix;
}

/**
 * associatedData(label, team id, kind, record id, rev, epoch), byte for byte (a unit test
 * compares them), with the constant part cached: every pulled record needs one.
 */
export function recordAad(address: RecordAddress, epoch: number): Bytes {
  const prefix = aadPrefix(address.teamId, address.kind);
  const id = utf8(address.recordId);
  const out = new Uint8Array(prefix.length + 4 + id.length + 16);
  out.set(prefix);
  let at = prefix.length;
  writeU32(out, at, id.length);
  out.set(id, at + 4);
  at += 4 + id.length;
  writeU32(out, at, 4);
  writeU32(out, at + 4, address.rev);
  writeU32(out, at + 8, 4);
  writeU32(out, at + 12, epoch);
  return out;
}

/** Encrypts `value` (JSON-serialisable) with the keyring's current epoch. */
export async function encryptRecord(
  keyring: Keyring,
  address: RecordAddress,
  value: unknown,
): Promise<Bytes> {
  if (address.teamId !== keyring.teamId) throw new Error('record of another team');
  const epoch = keyring.current;
  const sealed = await seal(
    currentKey(keyring),
    utf8(JSON.stringify(value)),
    recordAad(address, epoch),
  );
  return concatBytes(Uint8Array.of(RECORD_ENVELOPE_VERSION), u32(epoch), sealed);
}

/** The epoch an envelope claims (unauthenticated until decrypted), or null if malformed. */
export function envelopeEpoch(envelope: Uint8Array): number | null {
  if (envelope.length < HEADER_LENGTH || envelope[0] !== RECORD_ENVELOPE_VERSION) return null;
  return readU32(envelope, 1);
}

export async function decryptRecord(
  keyring: Keyring,
  address: RecordAddress,
  envelope: Uint8Array,
): Promise<Result<unknown, CryptoErrorCode>> {
  if (envelope.length < 1) return err('crypto-malformed');
  if (envelope[0] !== RECORD_ENVELOPE_VERSION) return err('crypto-unsupported-version');
  if (envelope.length < HEADER_LENGTH) return err('crypto-malformed');
  // A ciphertext moved here from another team fails like any other swap.
  if (address.teamId !== keyring.teamId) return err('crypto-tampered');
  const epoch = readU32(envelope, 1);
  const key = keyring.keys.get(epoch);
  if (!key) return err('crypto-unknown-epoch');
  const opened = await open(key, envelope.subarray(HEADER_LENGTH), recordAad(address, epoch));
  if (!opened.ok) return err('crypto-tampered');
  const text = fromUtf8(opened.value);
  if (text === null) return err('crypto-malformed');
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err('crypto-malformed');
  }
}
