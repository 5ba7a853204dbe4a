import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../../src/crypto/bytes';
import {
  createInviteSecret,
  deriveInviteKeys,
  inviteFragment,
  openInvite,
  parseInviteFragment,
  sealInvite,
} from '../../../src/crypto/invite';
import { createKeyring } from '../../../src/crypto/keyring';
import { decryptRecord, encryptRecord } from '../../../src/crypto/record-envelope';
import { base64UrlPattern } from '../../../src/shared/sync-protocol';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const INVITE = '0190a000-0000-7000-8000-0000000000e1';
const address = {
  teamId: TEAM,
  kind: 'note',
  recordId: '0190a000-0000-7000-8000-0000000000aa',
  rev: 1,
};

describe('invites', () => {
  it('hands the keyring to a new member through the secret', async () => {
    const keyring = await createKeyring(TEAM);
    const secret = createInviteSecret();
    expect(fromBase64Url(secret)).toHaveLength(32);
    const { claimToken, sealedKeyring } = await sealInvite(secret, INVITE, keyring);
    expect(claimToken).toMatch(base64UrlPattern);
    expect(sealedKeyring[0]).toBe(1);

    const joined = await openInvite(secret, INVITE, sealedKeyring);
    if (!joined.ok) throw new Error(joined.code);
    expect(joined.value.teamId).toBe(TEAM);
    const envelope = await encryptRecord(keyring, address, { text: 'Besuch' });
    expect(await decryptRecord(joined.value, address, envelope)).toEqual({
      ok: true,
      value: { text: 'Besuch' },
    });
  });

  it('derives a claim token that is not the wrapping key, and the same one every time', async () => {
    const secret = createInviteSecret();
    const first = await deriveInviteKeys(secret);
    const second = await deriveInviteKeys(secret);
    if (!first.ok || !second.ok) throw new Error('derive failed');
    expect(first.value.claimToken).toBe(second.value.claimToken);
    expect(first.value.claimToken).not.toBe(secret);
    // The wrapping key is not extractable: nothing can send it anywhere by mistake.
    expect(first.value.wrappingKey.extractable).toBe(false);
  });

  it('refuses the wrong secret, another invite id, and a damaged blob', async () => {
    const keyring = await createKeyring(TEAM);
    const secret = createInviteSecret();
    const { sealedKeyring } = await sealInvite(secret, INVITE, keyring);
    const invalid = { ok: false, code: 'crypto-invite-invalid' };
    expect(await openInvite(createInviteSecret(), INVITE, sealedKeyring)).toEqual(invalid);
    expect(await openInvite(secret, '0190a000-0000-7000-8000-0000000000e2', sealedKeyring)).toEqual(
      invalid,
    );
    const damaged = sealedKeyring.slice();
    damaged[20] = (damaged[20] ?? 0) ^ 0xff;
    expect(await openInvite(secret, INVITE, damaged)).toEqual(invalid);
    expect(await openInvite('short', INVITE, sealedKeyring)).toEqual(invalid);
  });

  it('puts the invite in a URL fragment and reads it back', () => {
    const secret = createInviteSecret();
    const fragment = inviteFragment(INVITE, secret);
    expect(fragment.startsWith('#invite=')).toBe(true);
    expect(parseInviteFragment(fragment)).toEqual({
      ok: true,
      value: { inviteId: INVITE, secret },
    });
    expect(parseInviteFragment('#invite=abc')).toEqual({
      ok: false,
      code: 'crypto-invite-invalid',
    });
    expect(parseInviteFragment(`#invite=../x.${secret}`).ok).toBe(false);
  });
});
