// Key epochs. Removing a member starts a new epoch: a new data key, wrapped for each
// remaining member (member-keys.ts). Records written afterwards carry the new epoch;
// records of older epochs are re-encrypted progressively in batches (reencryptBatch),
// each re-encrypted record being pushed by sync as an ordinary change.
import { err, ok, type Result } from '../shared/result';
import type { Bytes } from './bytes';
import type { CryptoErrorCode } from './codes';
import { generateDataKey, withEpochKey, type Keyring } from './keyring';
import { unwrapKeyForMember, wrapKeyForMember, type MemberKeys } from './member-keys';
import { decryptRecord, encryptRecord, envelopeEpoch, type RecordAddress } from './record-envelope';

export type MemberPublicKey = { memberId: string; publicKey: Bytes };
export type EpochGrant = { memberId: string; epoch: number; grant: Bytes };

/**
 * Starts a new epoch for the members who stay. The caller uploads the grants; a member
 * whose public key is malformed is reported (and gets no grant), the others are served.
 */
export async function rotateEpoch(
  keyring: Keyring,
  remaining: readonly MemberPublicKey[],
): Promise<{
  keyring: Keyring;
  grants: EpochGrant[];
  failed: { memberId: string; code: CryptoErrorCode }[];
}> {
  const epoch = Math.max(...keyring.keys.keys()) + 1;
  const key = await generateDataKey();
  const grants: EpochGrant[] = [];
  const failed: { memberId: string; code: CryptoErrorCode }[] = [];
  for (const member of remaining) {
    const grant = await wrapKeyForMember(keyring.teamId, epoch, key, member.publicKey);
    if (grant.ok) grants.push({ memberId: member.memberId, epoch, grant: grant.value });
    else failed.push({ memberId: member.memberId, code: grant.code });
  }
  return { keyring: withEpochKey(keyring, epoch, key), grants, failed };
}

/** A remaining member adds the new epoch's key from the grant addressed to them. */
export async function acceptGrant(
  keyring: Keyring,
  member: MemberKeys,
  grant: Uint8Array,
): Promise<Result<Keyring, CryptoErrorCode>> {
  const opened = await unwrapKeyForMember(keyring.teamId, member, grant);
  if (!opened.ok) return opened;
  return ok(withEpochKey(keyring, opened.value.epoch, opened.value.key));
}

/** A record's envelope as the server holds it; `address.rev` is that version's revision. */
export type StoredEnvelope = { address: RecordAddress; envelope: Uint8Array };
export type ReencryptOutcome =
  | { address: RecordAddress; status: 'reencrypted'; envelope: Bytes }
  | { address: RecordAddress; status: 'current' }
  | { address: RecordAddress; status: 'failed'; code: CryptoErrorCode };

/**
 * Re-encrypts the envelopes of older epochs with the current key, bound to the next
 * revision (`rev + 1`: sync pushes each one with `baseRev = rev`, so a record edited in
 * the meantime simply conflicts and is merged). One outcome per item: a tampered or
 * unreadable record is reported and does not stop the batch.
 */
export async function reencryptBatch(
  keyring: Keyring,
  batch: readonly StoredEnvelope[],
): Promise<ReencryptOutcome[]> {
  const outcomes: ReencryptOutcome[] = [];
  for (const { address, envelope } of batch) {
    const epoch = envelopeEpoch(envelope);
    if (epoch === keyring.current) {
      outcomes.push({ address, status: 'current' });
      continue;
    }
    const value = await decryptRecord(keyring, address, envelope);
    if (!value.ok) {
      outcomes.push({ address, status: 'failed', code: value.code });
      continue;
    }
    const next = { ...address, rev: address.rev + 1 };
    const fresh = await encryptRecord(keyring, next, value.value);
    outcomes.push({ address: next, status: 'reencrypted', envelope: fresh });
  }
  return outcomes;
}

/** Drops the keys of epochs no record uses any more (after re-encryption finished). */
export function retireEpochs(
  keyring: Keyring,
  stillUsed: ReadonlySet<number>,
): Result<Keyring, 'crypto-unknown-epoch'> {
  if (!keyring.keys.has(keyring.current)) return err('crypto-unknown-epoch');
  const keys = new Map(
    [...keyring.keys].filter(([epoch]) => epoch === keyring.current || stillUsed.has(epoch)),
  );
  return ok({ ...keyring, keys });
}
