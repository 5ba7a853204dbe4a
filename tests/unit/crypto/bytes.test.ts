// The hand-written base64 decoder against Node's Buffer, and the cached record AAD against
// the generic associatedData (both sit on every pulled record's path, so they are fast
// rewrites of simple code and must agree with it byte for byte).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { associatedData, fromBase64Url, u32 } from '../../../src/crypto/bytes';
import { recordAad } from '../../../src/crypto/record-envelope';

describe('fromBase64Url', () => {
  it('decodes standard and url alphabets, padded or not, like Buffer', () => {
    for (let length = 0; length < 200; length += 1) {
      const bytes = randomBytes(length);
      const expected = new Uint8Array(bytes);
      const standard = bytes.toString('base64');
      const url = bytes.toString('base64url');
      expect(fromBase64Url(standard)).toEqual(expected);
      expect(fromBase64Url(standard.replace(/=+$/, ''))).toEqual(expected);
      expect(fromBase64Url(url)).toEqual(expected);
    }
  });

  it('refuses what is not base64', () => {
    for (const text of [
      'not base64!',
      'ab=c',
      'abc===',
      'a',
      'abcde',
      'ab\u00e9c',
      'ab c',
      '====',
    ]) {
      expect(fromBase64Url(text), text).toBeNull();
    }
    expect(fromBase64Url('')).toEqual(new Uint8Array());
    expect(fromBase64Url('ab==')).toEqual(new Uint8Array([0x69]));
  });
});

describe('recordAad', () => {
  it('is associatedData of label, team, kind, id, revision and epoch', () => {
    const addresses = [
      { teamId: '0190a000-0000-7000-8000-000000000001', kind: 'person', recordId: 'x', rev: 1 },
      { teamId: 't', kind: 'case', recordId: '0190a000-0000-7000-8000-0000000000aa', rev: 9 },
      { teamId: 't', kind: 'ünbekannt', recordId: 'مرحبا', rev: 0xffffffff },
    ];
    for (const address of addresses) {
      for (const epoch of [1, 7, 0xffffffff]) {
        const { teamId, kind, recordId, rev } = address;
        expect(recordAad(address, epoch)).toEqual(
          associatedData('lotse/record/v1', teamId, kind, recordId, rev, epoch),
        );
      }
    }
  });

  it('refuses numbers that are not u32, as before', () => {
    const address = { teamId: 't', kind: 'case', recordId: 'x', rev: 2 ** 32 };
    expect(() => recordAad(address, 1)).toThrow(RangeError);
    expect(() => recordAad({ ...address, rev: 1 }, -1)).toThrow(RangeError);
    expect(() => u32(1.5)).toThrow(RangeError);
    expect(u32(0x01020304)).toEqual(new Uint8Array([1, 2, 3, 4]));
  });
});
