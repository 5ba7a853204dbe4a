import { describe, expect, it } from 'vitest';
import { decryptBlob, decryptChunk, encryptBlob } from '../../../src/crypto/blob-chunks';
import { createKeyring } from '../../../src/crypto/keyring';

const TEAM = '0190a000-0000-7000-8000-000000000001';
const blob = { teamId: TEAM, blobId: '0190a000-0000-7000-8000-0000000000cc' };
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);

describe('blob chunks', () => {
  it('round-trips in chunks, including an empty blob', async () => {
    const keyring = await createKeyring(TEAM);
    const chunks = await encryptBlob(keyring, blob, bytes, 300);
    expect(chunks).toHaveLength(4);
    expect(chunks.every((chunk) => chunk[0] === 1)).toBe(true);
    expect(await decryptBlob(keyring, blob, chunks)).toEqual({ ok: true, value: bytes });
    const empty = await encryptBlob(keyring, blob, new Uint8Array(0), 300);
    expect(empty).toHaveLength(1);
    expect(await decryptBlob(keyring, blob, empty)).toEqual({
      ok: true,
      value: new Uint8Array(0),
    });
  });

  it('detects reordered, dropped, duplicated and foreign chunks', async () => {
    const keyring = await createKeyring(TEAM);
    const chunks = await encryptBlob(keyring, blob, bytes, 300);
    const [c0, c1, c2, c3] = chunks as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const tampered = { ok: false, code: 'crypto-tampered' };
    expect(await decryptBlob(keyring, blob, [c1, c0, c2, c3])).toEqual(tampered);
    expect(await decryptBlob(keyring, blob, [c0, c1, c1, c3])).toEqual(tampered);
    // Truncation: the last chunk dropped. Every chunk knows the total, so this is caught.
    expect(await decryptBlob(keyring, blob, [c0, c1, c2])).toEqual({
      ok: false,
      code: 'crypto-chunks-incomplete',
    });
    expect(await decryptBlob(keyring, blob, [])).toEqual({
      ok: false,
      code: 'crypto-chunks-incomplete',
    });
    const other = { ...blob, blobId: '0190a000-0000-7000-8000-0000000000dd' };
    expect(await decryptBlob(keyring, other, chunks)).toEqual(tampered);
  });

  it('refuses a chunk whose header lies about its index or total', async () => {
    const keyring = await createKeyring(TEAM);
    const chunks = await encryptBlob(keyring, blob, bytes, 300);
    const relabelled = (chunks[1] as Uint8Array).slice();
    relabelled[8] = 0; // index 1 → 0
    expect(await decryptChunk(keyring, blob, relabelled, 0)).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
    const shortened = (chunks[1] as Uint8Array).slice();
    shortened[12] = 2; // total 4 → 2
    expect(await decryptChunk(keyring, blob, shortened, 1)).toEqual({
      ok: false,
      code: 'crypto-tampered',
    });
  });
});
