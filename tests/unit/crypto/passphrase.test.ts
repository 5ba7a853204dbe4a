import { describe, expect, it } from 'vitest';
import { randomBytes, u32 } from '../../../src/crypto/bytes';
import { createKeyring } from '../../../src/crypto/keyring';
import { lockKeyMaterial, unlockKeyMaterial } from '../../../src/crypto/key-material';
import { generateMemberKeys } from '../../../src/crypto/member-keys';
import {
  PBKDF2_ITERATIONS,
  changePassphrase,
  kdfIterations,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from '../../../src/crypto/passphrase';
import { decryptRecord, encryptRecord } from '../../../src/crypto/record-envelope';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const address = {
  teamId: TEAM,
  kind: 'case',
  recordId: '0190a000-0000-7000-8000-0000000000aa',
  rev: 3,
};

describe('passphrase wrapping', () => {
  it('uses PBKDF2 with at least 600,000 iterations and writes the count into the blob', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const wrapped = await wrapWithPassphrase('Sonnenblume 42', randomBytes(32));
    expect(wrapped[0]).toBe(1);
    expect(kdfIterations(wrapped)).toBeGreaterThanOrEqual(600_000);
    await expect(wrapWithPassphrase('x', randomBytes(8), 100_000)).rejects.toThrow(RangeError);
  });

  it('opens with the right passphrase (any Unicode composition), not with a wrong one', async () => {
    const secret = randomBytes(32);
    const wrapped = await wrapWithPassphrase('Kürbis', secret);
    expect(await unwrapWithPassphrase('Ku\u0308rbis', wrapped)).toEqual({
      ok: true,
      value: secret,
    });
    expect(await unwrapWithPassphrase('Kurbis', wrapped)).toEqual({
      ok: false,
      code: 'crypto-wrong-passphrase',
    });
  });

  it('refuses a blob downgraded to fewer iterations', async () => {
    const wrapped = await wrapWithPassphrase('pass', randomBytes(16));
    const downgraded = wrapped.slice();
    downgraded.set(u32(1000), 1);
    expect(await unwrapWithPassphrase('pass', downgraded)).toEqual({
      ok: false,
      code: 'crypto-weak-kdf',
    });
  });

  it('changing the passphrase re-wraps the key material; the data stays readable', async () => {
    const keyring = await createKeyring(TEAM);
    const member = await generateMemberKeys();
    const envelope = await encryptRecord(keyring, address, { label: 'Familie Haidari' });
    const locked = await lockKeyMaterial('alt', { keyring, member });

    const changed = await changePassphrase('alt', 'neu', locked);
    if (!changed.ok) throw new Error(changed.code);
    expect(await unlockKeyMaterial('alt', changed.value)).toEqual({
      ok: false,
      code: 'crypto-wrong-passphrase',
    });
    const unlocked = await unlockKeyMaterial('neu', changed.value);
    if (!unlocked.ok) throw new Error(unlocked.code);
    expect(unlocked.value.member.publicKey).toEqual(member.publicKey);
    // The envelope written before the change opens with the unlocked keyring as it is.
    expect(await decryptRecord(unlocked.value.keyring, address, envelope)).toEqual({
      ok: true,
      value: { label: 'Familie Haidari' },
    });
    expect(await changePassphrase('falsch', 'neu', locked)).toEqual({
      ok: false,
      code: 'crypto-wrong-passphrase',
    });
  });
});
