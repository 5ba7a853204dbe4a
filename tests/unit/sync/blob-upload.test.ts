// Encrypted attachment upload against the real server (SQLite, real HTTP): interrupted,
// resumed from the chunks the server reports, completed, downloaded and decrypted.
import { describe, expect, it } from 'vitest';
import { decryptBlob, encryptBlob, splitEncryptedBlob } from '../../../src/crypto/blob-chunks';
import { createKeyring } from '../../../src/crypto/keyring';
import { encryptedSizeOf, sealAttachment } from '../../../src/sync/blob-ref';
import { createHttpBlobTransport } from '../../../src/sync/blob-transport';
import { uploadBlob } from '../../../src/sync/blob-upload';
import { createTeam, useSyncServer } from '../../server/sync/harness';

describe('blob upload', () => {
  const server = useSyncServer('sqlite');

  it('resumes an interrupted upload and the download decrypts to the original', async () => {
    const device = await createTeam(server.baseUrl);
    const keyring = await createKeyring(device.teamId);
    const blob = { teamId: device.teamId, blobId: crypto.randomUUID() };
    const photo = Uint8Array.from({ length: 130_000 }, (_, i) => (i * 31) % 251);
    const chunkSize = 20_000;
    const chunks = await encryptBlob(keyring, blob, photo, chunkSize);
    expect(chunks).toHaveLength(7);

    // The connection drops after three chunks went through.
    let puts = 0;
    const flaky = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
      fetch: async (input, init) => {
        if (init?.method === 'PUT' && ++puts > 3) throw new TypeError('network down');
        return fetch(input, init);
      },
    });
    expect(await uploadBlob(flaky, blob.blobId, chunks)).toMatchObject({
      ok: false,
      code: 'network-error',
    });

    const link = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
    });
    const status = await link.status(blob.blobId);
    expect(status.ok && status.value?.chunks.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(await uploadBlob(link, blob.blobId, chunks)).toEqual({
      ok: true,
      value: { sent: 4, skipped: 3 },
    });
    expect(await uploadBlob(link, blob.blobId, chunks)).toEqual({
      ok: true,
      value: { sent: 0, skipped: 7 },
    });

    const downloaded = await link.download(blob.blobId);
    if (!downloaded.ok) throw new Error(downloaded.code);
    const opened = await decryptBlob(
      keyring,
      blob,
      splitEncryptedBlob(downloaded.value, chunkSize),
    );
    expect(opened).toEqual({ ok: true, value: photo });
    // The server never saw the plaintext: no run of it appears in what it stored.
    const text = Buffer.from(downloaded.value).toString('latin1');
    expect(text.includes(Buffer.from(photo.subarray(5000, 5064)).toString('latin1'))).toBe(false);
  }, 30_000);

  it('completes when the server holds chunks of another sealing of the same blob', async () => {
    // Two devices re-upload a blob the server lost (blob-sync.ts seals it again under the same
    // id): same chunk sizes, other nonces. A is cut after three chunks; B then finds chunks
    // 0-2 of A's ciphertext on the server, whose sizes match its own.
    const device = await createTeam(server.baseUrl);
    const keyring = await createKeyring(device.teamId);
    const blob = { teamId: device.teamId, blobId: crypto.randomUUID() };
    const pdf = Uint8Array.from({ length: 130_000 }, (_, i) => (i * 31) % 251);
    const chunksA = await encryptBlob(keyring, blob, pdf, 20_000);
    const chunksB = await encryptBlob(keyring, blob, pdf, 20_000);
    let puts = 0;
    const flaky = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
      fetch: async (input, init) => {
        if (init?.method === 'PUT' && ++puts > 3) throw new TypeError('network down');
        return fetch(input, init);
      },
    });
    const link = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
    });
    expect((await uploadBlob(flaky, blob.blobId, chunksA)).ok).toBe(false);

    // B: the first pass skips 0-2 and completing fails; the second sends all seven.
    expect(await uploadBlob(link, blob.blobId, chunksB)).toEqual({
      ok: true,
      value: { sent: 7, skipped: 0 },
    });
    // A, resuming, finds the blob complete (B's sealing opens to the same bytes).
    expect(await uploadBlob(link, blob.blobId, chunksA)).toEqual({
      ok: true,
      value: { sent: 0, skipped: 7 },
    });
    const downloaded = await link.download(blob.blobId);
    if (!downloaded.ok) throw new Error(downloaded.code);
    expect(Buffer.from(downloaded.value).equals(Buffer.concat(chunksB))).toBe(true);
    const opened = await decryptBlob(keyring, blob, splitEncryptedBlob(downloaded.value, 20_000));
    expect(opened).toEqual({ ok: true, value: pdf });
  }, 30_000);

  it('refuses a download larger than the reference allows, announced or not', async () => {
    const device = await createTeam(server.baseUrl);
    const keyring = await createKeyring(device.teamId);
    const pdf = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 13) % 241);
    const pending = await sealAttachment(keyring, crypto.randomUUID(), pdf, 20_000);
    if (!pending) throw new Error('not sealed');
    const link = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
    });
    expect((await uploadBlob(link, pending.ref.blobId, pending.chunks)).ok).toBe(true);
    const exact = encryptedSizeOf(pending.ref);
    expect(exact).toBe(pending.chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    // Without Content-Length the body is counted while it streams in.
    const unannounced = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const headers = new Headers(response.headers);
        headers.delete('content-length');
        return new Response(response.body, { status: response.status, headers });
      },
    });
    for (const transport of [link, unannounced]) {
      const whole = await transport.download(pending.ref.blobId, exact);
      expect(whole.ok && whole.value.byteLength).toBe(exact);
      expect(await transport.download(pending.ref.blobId, exact - 1)).toMatchObject({
        ok: false,
        failure: { code: 'request-refused', apiCode: 'blob-too-large' },
      });
    }
  });

  it('an unknown blob has no status yet', async () => {
    const device = await createTeam(server.baseUrl);
    const link = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
    });
    expect(await link.status(crypto.randomUUID())).toEqual({ ok: true, value: null });
  });
});
