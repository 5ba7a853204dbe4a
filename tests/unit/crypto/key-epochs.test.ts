import { describe, expect, it } from 'vitest';
import {
  acceptGrant,
  reencryptBatch,
  retireEpochs,
  rotateEpoch,
} from '../../../src/crypto/key-epochs';
import { createKeyring, parseKeyring, serializeKeyring } from '../../../src/crypto/keyring';
import { generateMemberKeys } from '../../../src/crypto/member-keys';
import { decryptRecord, encryptRecord, envelopeEpoch } from '../../../src/crypto/record-envelope';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const addressOf = (n: number) => ({
  teamId: TEAM,
  kind: 'case',
  recordId: `0190a000-0000-7000-8000-0000000000${n.toString(16).padStart(2, '0')}`,
  rev: 1,
});

async function copyOf(keyring: Awaited<ReturnType<typeof createKeyring>>) {
  const parsed = await parseKeyring(await serializeKeyring(keyring));
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.value;
}

describe('key epochs', () => {
  it('removing a member: new epoch for the others, the removed one cannot read new records', async () => {
    const admin = await createKeyring(TEAM);
    const staying = { keys: await generateMemberKeys(), keyring: await copyOf(admin) };
    const removed = { keys: await generateMemberKeys(), keyring: await copyOf(admin) };

    const rotation = await rotateEpoch(admin, [
      { memberId: 'staying', publicKey: staying.keys.publicKey },
    ]);
    expect(rotation.keyring.current).toBe(2);
    expect(rotation.grants.map((grant) => grant.memberId)).toEqual(['staying']);
    expect(rotation.failed).toEqual([]);

    const newRecord = await encryptRecord(rotation.keyring, addressOf(1), { label: 'neu' });
    expect(envelopeEpoch(newRecord)).toBe(2);

    const grant = rotation.grants[0]?.grant ?? new Uint8Array();
    const accepted = await acceptGrant(staying.keyring, staying.keys, grant);
    if (!accepted.ok) throw new Error(accepted.code);
    expect(accepted.value.current).toBe(2);
    expect(await decryptRecord(accepted.value, addressOf(1), newRecord)).toEqual({
      ok: true,
      value: { label: 'neu' },
    });

    // The removed member has only epoch 1, and the grant is not addressed to them.
    expect(await decryptRecord(removed.keyring, addressOf(1), newRecord)).toEqual({
      ok: false,
      code: 'crypto-unknown-epoch',
    });
    expect(await acceptGrant(removed.keyring, removed.keys, grant)).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
  });

  it('reports a member whose public key is not a curve point, and serves the rest', async () => {
    const admin = await createKeyring(TEAM);
    const good = await generateMemberKeys();
    const rotation = await rotateEpoch(admin, [
      { memberId: 'bad', publicKey: new Uint8Array(65) },
      { memberId: 'good', publicKey: good.publicKey },
    ]);
    expect(rotation.failed).toEqual([{ memberId: 'bad', code: 'crypto-malformed' }]);
    expect(rotation.grants.map((grant) => grant.memberId)).toEqual(['good']);
  });

  it('re-encrypts older records batch by batch and reports a tampered one without stopping', async () => {
    const keyring = await createKeyring(TEAM);
    const old = await Promise.all(
      [1, 2, 3].map(async (n) => ({
        address: addressOf(n),
        envelope: await encryptRecord(keyring, addressOf(n), { n }),
      })),
    );
    const tampered = old[1]?.envelope.slice() ?? new Uint8Array();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    const { keyring: rotated } = await rotateEpoch(keyring, []);
    const current = await encryptRecord(rotated, addressOf(4), { n: 4 });

    const outcomes = await reencryptBatch(rotated, [
      old[0]!,
      { address: addressOf(2), envelope: tampered },
      old[2]!,
      { address: addressOf(4), envelope: current },
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'reencrypted',
      'failed',
      'reencrypted',
      'current',
    ]);
    expect(outcomes[1]).toMatchObject({ code: 'crypto-tampered' });
    for (const outcome of outcomes) {
      if (outcome.status !== 'reencrypted') continue;
      expect(envelopeEpoch(outcome.envelope)).toBe(2);
      // Bound to the revision it will be pushed as.
      expect(outcome.address.rev).toBe(2);
      // Readable with epoch 2 alone, once epoch 1 is retired.
      const retired = retireEpochs(rotated, new Set());
      if (!retired.ok) throw new Error(retired.code);
      expect([...retired.value.keys.keys()]).toEqual([2]);
      expect((await decryptRecord(retired.value, outcome.address, outcome.envelope)).ok).toBe(true);
    }
  });
});
