// The client's real HTTP transport (src/sync/http-transport.ts) against the real server: the
// wire types in src/shared/sync-protocol.ts mean the same thing on both sides.
import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/sync/http-transport.js';
import { addMember, backends, call, change, createTeam, useSyncServer } from './harness.js';

describe.each(backends)('client transport against the server on %s', (backend) => {
  const server = useSyncServer(backend);

  it('pushes, pulls, long-polls and is told to wipe after revocation', async () => {
    const admin = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, admin);
    const adminLink = createHttpTransport({
      baseUrl: server.baseUrl,
      deviceToken: admin.deviceToken,
    });
    const memberLink = createHttpTransport({
      baseUrl: server.baseUrl,
      deviceToken: member.deviceToken,
    });

    const waiting = memberLink.events(0, 5);
    const record = change({ kind: 'person' });
    const pushed = await adminLink.push({ changes: [record] });
    expect(pushed).toEqual({
      ok: true,
      value: {
        seq: 1,
        results: [{ status: 'ok', id: record.id, changeId: record.changeId, rev: 1, seq: 1 }],
        cursorKnown: true,
      },
    });
    expect(await waiting).toEqual({ ok: true, value: { seq: 1, changed: true } });

    const pulled = await memberLink.pull(0, 10);
    // The transport asks for binary pages: the pushed base64 comes back as its raw bytes.
    expect(pulled.ok && pulled.value.records.map((r) => [r.id, r.ciphertext])).toEqual([
      [record.id, new Uint8Array(Buffer.from(record.ciphertext, 'base64'))],
    ]);
    const stale = await memberLink.push({ changes: [change({ id: record.id, kind: 'person' })] });
    expect(stale.ok && stale.value.results[0]?.status).toBe('conflict');

    await call(server.baseUrl, 'POST', `/api/v1/devices/${member.deviceId}/revoke`, {
      token: admin.deviceToken,
    });
    const revoked = await memberLink.pull(1, 10);
    expect(revoked).toMatchObject({ ok: false, failure: { code: 'device-revoked', wipe: true } });
  });
});
