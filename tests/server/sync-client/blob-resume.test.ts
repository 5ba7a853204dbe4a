// An encrypted attachment whose upload is cut in the middle of a chunk (a real broken
// socket, through a proxy), resumed from the chunks the server reports, completed, and
// downloaded by another device that decrypts it to the original bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { decryptBlob, encryptBlob, splitEncryptedBlob } from '../../../src/crypto/blob-chunks.js';
import { createHttpBlobTransport } from '../../../src/sync/blob-transport.js';
import { uploadBlob } from '../../../src/sync/blob-upload.js';
import { backends, useSyncServer } from '../sync/harness.js';
import { createTeamDevice, joinDevice } from './client-harness.js';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js';

describe.each(backends)('blob upload cut and resumed on %s', (backend) => {
  const server = useSyncServer(backend);
  let proxy: CuttingProxy;
  beforeAll(async () => {
    proxy = await startCuttingProxy(server.port);
  });
  afterAll(() => proxy.close());

  it('resumes after a chunk was cut mid-way, and the download decrypts', async () => {
    const admin = await createTeamDevice(server.baseUrl);
    const reader = await joinDevice(server.baseUrl, admin);
    const address = { teamId: admin.creds.teamId, blobId: randomUUID() };
    const scan = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 253);
    const chunkSize = 50_000;
    const chunks = await encryptBlob(admin.keys.keyring, address, scan, chunkSize);
    expect(chunks).toHaveLength(4);

    const viaProxy = createHttpBlobTransport({
      baseUrl: proxy.baseUrl,
      deviceToken: admin.creds.deviceToken,
    });
    proxy.cutNext({ match: /chunks\/2 /, direction: 'request', afterBytes: 20_000 });
    expect(await uploadBlob(viaProxy, address.blobId, chunks)).toMatchObject({
      ok: false,
      code: 'network-error',
    });
    const status = await viaProxy.status(address.blobId);
    expect(status.ok && status.value?.chunks.map((c) => c.index)).toEqual([0, 1]);

    expect(await uploadBlob(viaProxy, address.blobId, chunks)).toEqual({
      ok: true,
      value: { sent: 2, skipped: 2 },
    });
    const download = await createHttpBlobTransport({
      baseUrl: server.baseUrl,
      deviceToken: reader.creds.deviceToken,
    }).download(address.blobId);
    if (!download.ok) throw new Error(download.code);
    const opened = await decryptBlob(
      reader.keys.keyring,
      address,
      splitEncryptedBlob(download.value, chunkSize),
    );
    expect(opened.ok && Buffer.from(opened.value).equals(Buffer.from(scan))).toBe(true);
  });
});
