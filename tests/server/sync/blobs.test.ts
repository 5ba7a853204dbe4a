// Encrypted attachments: chunked upload interrupted mid-chunk and resumed from the status,
// completion checked by size and SHA-256, download, team scoping. SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { BlobStatusResponse, CreateTeamResponse } from '../../../src/shared/sync-protocol.js';
import { backends, call, createTeam, useSyncServer } from './harness.js';

const chunkSize = 64 * 1024;
const octets = { 'Content-Type': 'application/octet-stream' };
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe.each(backends)('blobs on %s', (backend) => {
  const server = useSyncServer(backend);

  const putChunk = (team: CreateTeamResponse, blobId: string, index: number, data: Buffer) =>
    call(server.baseUrl, 'PUT', `/api/v1/blobs/${blobId}/chunks/${index}`, {
      token: team.deviceToken,
      body: new Uint8Array(data),
      headers: octets,
    });
  const status = (team: CreateTeamResponse, blobId: string) =>
    call<BlobStatusResponse>(server.baseUrl, 'GET', `/api/v1/blobs/${blobId}/status`, {
      token: team.deviceToken,
    });
  const complete = (team: CreateTeamResponse, blobId: string, body: unknown) =>
    call<BlobStatusResponse>(server.baseUrl, 'POST', `/api/v1/blobs/${blobId}/complete`, {
      token: team.deviceToken,
      json: body,
    });
  const chunksOf = (data: Buffer): Buffer[] =>
    Array.from({ length: Math.ceil(data.length / chunkSize) }, (_, i) =>
      data.subarray(i * chunkSize, (i + 1) * chunkSize),
    );

  /** Sends the headers and half the body of a chunk, then cuts the connection. */
  function cutChunkUpload(team: CreateTeamResponse, blobId: string, index: number, data: Buffer) {
    return new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `PUT /api/v1/blobs/${blobId}/chunks/${index} HTTP/1.1\r\nHost: x\r\n` +
            `Authorization: Bearer ${team.deviceToken}\r\nContent-Type: application/octet-stream\r\n` +
            `Content-Length: ${data.length}\r\n\r\n`,
        );
        socket.write(data.subarray(0, data.length / 2), () => {
          setTimeout(() => socket.destroy(), 100);
        });
      });
      socket.on('close', () => resolve());
      socket.on('error', () => {});
    });
  }

  it('resumes an upload interrupted mid-chunk and serves the exact bytes once complete', async () => {
    const team = await createTeam(server.baseUrl);
    const blobId = randomUUID();
    const data = randomBytes(chunkSize * 3 + 1000);
    const chunks = chunksOf(data);
    expect(chunks).toHaveLength(4);
    expect((await putChunk(team, blobId, 0, chunks[0]!)).status).toBe(200);
    expect((await putChunk(team, blobId, 1, chunks[1]!)).status).toBe(200);
    await cutChunkUpload(team, blobId, 2, chunks[2]!);

    const before = await status(team, blobId);
    expect(before.body).toEqual({
      blobId,
      complete: false,
      chunks: [
        { index: 0, size: chunkSize },
        { index: 1, size: chunkSize },
      ],
      size: null,
      sha256: null,
    });
    const download = await call(server.baseUrl, 'GET', `/api/v1/blobs/${blobId}`, {
      token: team.deviceToken,
    });
    expect(download.status).toBe(409);
    expect(download.body).toMatchObject({ error: { code: 'blob-incomplete' } });
    const early = await complete(team, blobId, {
      chunkCount: 4,
      size: data.length,
      sha256: sha256(data),
    });
    expect(early.body).toMatchObject({ error: { code: 'blob-incomplete' } });

    const have = new Set(before.body.chunks.map((c) => c.index));
    for (const [index, chunk] of chunks.entries()) {
      if (!have.has(index)) expect((await putChunk(team, blobId, index, chunk)).status).toBe(200);
    }
    const done = await complete(team, blobId, {
      chunkCount: 4,
      size: data.length,
      sha256: sha256(data),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ complete: true, size: data.length, sha256: sha256(data) });

    const res = await fetch(`${server.baseUrl}/api/v1/blobs/${blobId}`, {
      headers: { Authorization: `Bearer ${team.deviceToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(Number(res.headers.get('content-length'))).toBe(data.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it('checks size and SHA-256 of the ciphertext, and freezes a complete blob', async () => {
    const team = await createTeam(server.baseUrl);
    const blobId = randomUUID();
    const data = randomBytes(1000);
    await putChunk(team, blobId, 0, data);
    const wrongSize = await complete(team, blobId, {
      chunkCount: 1,
      size: 999,
      sha256: sha256(data),
    });
    expect(wrongSize.status).toBe(422);
    expect(wrongSize.body).toMatchObject({ error: { code: 'blob-size-mismatch' } });
    const wrongHash = await complete(team, blobId, {
      chunkCount: 1,
      size: 1000,
      sha256: sha256(Buffer.from('something else')),
    });
    expect(wrongHash.status).toBe(422);
    expect(wrongHash.body).toMatchObject({ error: { code: 'blob-hash-mismatch' } });
    const extra = await complete(team, blobId, { chunkCount: 2, size: 1000, sha256: sha256(data) });
    expect(extra.body).toMatchObject({ error: { code: 'blob-incomplete' } });

    const ok = await complete(team, blobId, { chunkCount: 1, size: 1000, sha256: sha256(data) });
    expect(ok.status).toBe(200);
    // Completing again with the same figures is a harmless retry.
    expect(
      (await complete(team, blobId, { chunkCount: 1, size: 1000, sha256: sha256(data) })).status,
    ).toBe(200);
    const overwrite = await putChunk(team, blobId, 0, randomBytes(1000));
    expect(overwrite.status).toBe(409);
    expect(overwrite.body).toMatchObject({ error: { code: 'blob-complete' } });
  });

  it('keeps blobs inside their team: another team cannot see, read or extend them', async () => {
    const owner = await createTeam(server.baseUrl);
    const stranger = await createTeam(server.baseUrl);
    const blobId = randomUUID();
    const data = randomBytes(500);
    await putChunk(owner, blobId, 0, data);
    await complete(owner, blobId, { chunkCount: 1, size: 500, sha256: sha256(data) });
    expect((await status(stranger, blobId)).status).toBe(404);
    const download = await call(server.baseUrl, 'GET', `/api/v1/blobs/${blobId}`, {
      token: stranger.deviceToken,
    });
    expect(download.status).toBe(404);
    expect(download.body).toMatchObject({ error: { code: 'not-found' } });
    const other = await complete(stranger, blobId, {
      chunkCount: 1,
      size: 500,
      sha256: sha256(data),
    });
    expect(other.status).toBe(404);
    // The stranger's upload under the same id is the stranger's own blob; the owner's is untouched.
    expect((await putChunk(stranger, blobId, 0, Buffer.from('mine'))).status).toBe(200);
    const res = await fetch(`${server.baseUrl}/api/v1/blobs/${blobId}`, {
      headers: { Authorization: `Bearer ${owner.deviceToken}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });
});
