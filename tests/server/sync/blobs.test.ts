// Encrypted attachments: chunked upload interrupted mid-chunk and resumed from the status,
// completion checked by size and SHA-256, download, team scoping, deletion (a tombstone: the id
// is never taken again). SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { openPostgresDriver } from '../../../src/server/sync/store/postgres-driver.js';
import { openSqliteDriver } from '../../../src/server/sync/store/sqlite-driver.js';
import { sqliteFileName } from '../../../src/server/sync/store/sync-store.js';
import type { BlobStatusResponse, CreateTeamResponse } from '../../../src/shared/sync-protocol.js';
import { addMember, backends, call, createTeam, useSyncServer } from './harness.js';

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
  const remove = (team: { deviceToken: string }, blobId: string) =>
    call(server.baseUrl, 'DELETE', `/api/v1/blobs/${blobId}`, { token: team.deviceToken });
  const download = (team: { deviceToken: string }, blobId: string, method = 'GET') =>
    call(server.baseUrl, method, `/api/v1/blobs/${blobId}`, { token: team.deviceToken });
  /** A complete blob of `size` random bytes, one chunk. */
  async function completeBlob(team: CreateTeamResponse, blobId = randomUUID(), size = 700) {
    const data = randomBytes(size);
    expect((await putChunk(team, blobId, 0, data)).status).toBe(200);
    const done = await complete(team, blobId, { chunkCount: 1, size, sha256: sha256(data) });
    expect(done.status).toBe(200);
    return { blobId, data };
  }
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

  it('deletes a blob for good: gone for every route, and its id never taken again', async () => {
    const team = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, team);
    const { blobId, data } = await completeBlob(team);
    const kept = await completeBlob(team);

    // Any device of the team may delete (here a member's, not the admin that uploaded it).
    const deleted = await remove(member, blobId);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect(deleted.headers.get('cache-control')).toBe('no-store');

    const notFound = { error: { code: 'not-found' } };
    for (const reply of [
      await status(team, blobId),
      await download(team, blobId),
      await complete(team, blobId, { chunkCount: 1, size: data.length, sha256: sha256(data) }),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject(notFound);
    }
    expect((await download(team, blobId, 'HEAD')).status).toBe(404);
    // Deleting again: 404, as for any unknown blob.
    const again = await remove(team, blobId);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject(notFound);

    // The id cannot be uploaded again, by any device of the team, and status stays 404.
    for (const device of [team, member]) {
      const put = await putChunk(device, blobId, 0, data);
      expect(put.status).toBe(410);
      expect(put.body).toMatchObject({ error: { code: 'blob-deleted' } });
    }
    expect((await status(team, blobId)).status).toBe(404);

    // In the database the chunks are gone; the row stays, as the tombstone.
    const db = server.databaseUrl
      ? openPostgresDriver(server.databaseUrl, 1)
      : openSqliteDriver(join(server.dataDir, sqliteFileName));
    try {
      const where = [team.teamId, blobId];
      const chunks = await db.get(
        'SELECT COUNT(*) AS n FROM blob_chunks WHERE team_id = ? AND blob_id = ?',
        where,
      );
      expect(Number(chunks?.n)).toBe(0);
      const row = await db.get('SELECT deleted_at FROM blobs WHERE team_id = ? AND id = ?', where);
      expect(Number(row?.deleted_at)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
    const other = await fetch(`${server.baseUrl}/api/v1/blobs/${kept.blobId}`, {
      headers: { Authorization: `Bearer ${team.deviceToken}` },
    });
    expect(Buffer.from(await other.arrayBuffer()).equals(kept.data)).toBe(true);
  });

  it('deletes an incomplete upload too; an unknown id is 404 and stays usable', async () => {
    const team = await createTeam(server.baseUrl);
    const blobId = randomUUID();
    expect((await putChunk(team, blobId, 0, randomBytes(100))).status).toBe(200);
    expect((await remove(team, blobId)).status).toBe(204);
    expect((await status(team, blobId)).status).toBe(404);
    expect((await putChunk(team, blobId, 1, randomBytes(100))).status).toBe(410);

    // Deleting what was never there leaves nothing behind: the id can still be uploaded.
    const unknown = randomUUID();
    const reply = await remove(team, unknown);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not-found' } });
    await completeBlob(team, unknown);
  });

  it("cannot delete another team's blob, nor learn that it exists", async () => {
    const owner = await createTeam(server.baseUrl);
    const stranger = await createTeam(server.baseUrl);
    const { blobId, data } = await completeBlob(owner);
    const unknownReply = await remove(stranger, randomUUID());
    const reply = await remove(stranger, blobId);
    // The same answer as for an id nobody has.
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(unknownReply.body);
    expect((await status(owner, blobId)).body).toMatchObject({ complete: true });

    // Each team's blob under the same id is its own: deleting one leaves the other.
    const theirs = await completeBlob(stranger, blobId, 300);
    expect((await remove(owner, blobId)).status).toBe(204);
    const res = await fetch(`${server.baseUrl}/api/v1/blobs/${blobId}`, {
      headers: { Authorization: `Bearer ${stranger.deviceToken}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(theirs.data)).toBe(true);
    expect((await download(owner, blobId)).status).toBe(404);
    expect(data.length).toBe(700);
  });

  it('refuses a revoked device and a request without a token', async () => {
    const team = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, team);
    const { blobId } = await completeBlob(team);
    const revoked = await call(
      server.baseUrl,
      'POST',
      `/api/v1/devices/${member.deviceId}/revoke`,
      { token: team.deviceToken },
    );
    expect(revoked.status).toBe(200);
    const byRevoked = await remove(member, blobId);
    expect(byRevoked.status).toBe(401);
    expect(byRevoked.body).toMatchObject({ error: { code: 'device-revoked' } });
    const anonymous = await call(server.baseUrl, 'DELETE', `/api/v1/blobs/${blobId}`);
    expect(anonymous.status).toBe(401);
    expect((await status(team, blobId)).body).toMatchObject({ complete: true });
  });
});
