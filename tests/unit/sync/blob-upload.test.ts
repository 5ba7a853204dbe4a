// Encrypted attachment upload against the real server (SQLite, real HTTP): interrupted,
// resumed from the chunks the server reports, completed, downloaded and decrypted.
import { describe, expect, it } from 'vitest';
import { decryptBlob, encryptBlob, splitEncryptedBlob } from '../../../src/crypto/blob-chunks';
import { createKeyring } from '../../../src/crypto/keyring';
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

  it('an unknown blob has no status yet', async () => {
    const device = await createTeam(server.baseUrl);
    const link = createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: device.deviceToken,
    });
    expect(await link.status(crypto.randomUUID())).toEqual({ ok: true, value: null });
  });
});
