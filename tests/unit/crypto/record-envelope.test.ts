import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64, toBase64Url, utf8 } from '../../../src/crypto/bytes';
import { createKeyring, parseKeyring, serializeKeyring } from '../../../src/crypto/keyring';
import {
  decryptRecord,
  encryptRecord,
  envelopeEpoch,
  type RecordAddress,
} from '../../../src/crypto/record-envelope';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const address: RecordAddress = {
  teamId: TEAM,
  kind: 'person',
  recordId: '0190a000-0000-7000-8000-0000000000aa',
  rev: 4,
};
const person = { id: address.recordId, familyName: 'Öztürk', givenNames: 'محمد', deleted: false };

describe('record envelopes', () => {
  it('round-trips a record and starts with version 1 and the epoch', async () => {
    const keyring = await createKeyring(TEAM);
    const envelope = await encryptRecord(keyring, address, person);
    expect(envelope[0]).toBe(1);
    expect(envelopeEpoch(envelope)).toBe(1);
    const text = new TextDecoder().decode(envelope);
    expect(text).not.toContain('rk'); // "Öztürk" is not readable in the ciphertext
    expect(await decryptRecord(keyring, address, envelope)).toEqual({ ok: true, value: person });
  });

  it('uses a fresh nonce each time', async () => {
    const keyring = await createKeyring(TEAM);
    const a = await encryptRecord(keyring, address, person);
    const b = await encryptRecord(keyring, address, person);
    expect(toBase64(a)).not.toBe(toBase64(b));
  });

  it('refuses a ciphertext swapped to another record, kind, revision or team', async () => {
    const keyring = await createKeyring(TEAM);
    const envelope = await encryptRecord(keyring, address, person);
    const swaps: RecordAddress[] = [
      { ...address, recordId: '0190a000-0000-7000-8000-0000000000bb' },
      { ...address, kind: 'case' },
      // An older version served as a newer revision (a replay of the same record).
      { ...address, rev: 5 },
    ];
    for (const other of swaps) {
      expect(await decryptRecord(keyring, other, envelope)).toEqual({
        ok: false,
        code: 'crypto-tampered',
      });
    }
    const otherTeam = await createKeyring('0190a000-0000-7000-8000-000000000002');
    expect(await decryptRecord(otherTeam, address, envelope)).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
  });

  it('refuses a ciphertext replayed into another team even under the same key', async () => {
    // The team id in the associated data keeps teams apart even if keys were shared.
    const keyring = await createKeyring(TEAM);
    const envelope = await encryptRecord(keyring, address, person);
    const otherTeam = '0190a000-0000-7000-8000-000000000009';
    const sameKeys = { ...keyring, teamId: otherTeam };
    expect(await decryptRecord(sameKeys, { ...address, teamId: otherTeam }, envelope)).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
  });

  it('detects a flipped bit anywhere after the header, and a relabelled epoch', async () => {
    const keyring = await createKeyring(TEAM);
    const envelope = await encryptRecord(keyring, address, person);
    for (const index of [5, 10, 17, envelope.length - 1]) {
      const damaged = envelope.slice();
      damaged[index] = (damaged[index] ?? 0) ^ 1;
      expect(await decryptRecord(keyring, address, damaged)).toEqual({
        ok: false,
        code: 'crypto-tampered',
      });
    }
    const relabelled = envelope.slice();
    relabelled[4] = 2; // epoch 1 → 2: no key for it
    expect(await decryptRecord(keyring, address, relabelled)).toEqual({
      ok: false,
      code: 'crypto-unknown-epoch',
    });
  });

  it('reports unknown versions and short input as codes, never exceptions', async () => {
    const keyring = await createKeyring(TEAM);
    const envelope = await encryptRecord(keyring, address, person);
    const future = envelope.slice();
    future[0] = 2;
    expect(await decryptRecord(keyring, address, future)).toEqual({
      ok: false,
      code: 'crypto-unsupported-version',
    });
    expect(await decryptRecord(keyring, address, new Uint8Array(0))).toEqual({
      ok: false,
      code: 'crypto-malformed',
    });
    expect(await decryptRecord(keyring, address, envelope.subarray(0, 12))).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
  });

  it('serialises a keyring with a version byte and reads it back', async () => {
    const keyring = await createKeyring(TEAM);
    const bytes = await serializeKeyring(keyring);
    expect(bytes[0]).toBe(1);
    const parsed = await parseKeyring(bytes);
    if (!parsed.ok) throw new Error(parsed.code);
    const envelope = await encryptRecord(keyring, address, person);
    expect(await decryptRecord(parsed.value, address, envelope)).toEqual({
      ok: true,
      value: person,
    });
    expect(await parseKeyring(bytes.subarray(0, 20))).toEqual({
      ok: false,
      code: 'crypto-malformed',
    });
  });

  it('encodes base64url and refuses text that is not base64', () => {
    const bytes = utf8('ÿ?>~ lotse');
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(fromBase64Url(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64Url('not base64!')).toBeNull();
  });
});
