// Hostile and broken input: every case gets a 4xx with an error code in the envelope, the
// security headers, and the server keeps serving. Plus per-device rate limits (429).
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { isSyncErrorEnvelope } from '../../../src/shared/sync-protocol.js';
import { contentSecurityPolicy } from '../../../src/server/security-headers.js';
import {
  addMember,
  b64,
  backends,
  call,
  createTeam,
  rawRequest,
  useSyncServer,
} from './harness.js';
import { badInputCases } from './bad-input-cases.js';

describe.each(backends)('bad input on %s', (backend) => {
  const server = useSyncServer(backend);

  it.each(badInputCases)('$name → $status $code', async (c) => {
    const team = await createTeam(server.baseUrl);
    const headers: Record<string, string> = {};
    if (c.auth) headers.Authorization = `Bearer ${team.deviceToken}`;
    if (c.contentType) headers['Content-Type'] = c.contentType;
    if (c.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(c.body));
    const reply = await rawRequest(server.port, c.path, {
      method: c.method,
      headers,
      body: c.body,
    });
    expect(reply.status).toBe(c.status);
    const body: unknown = JSON.parse(reply.body);
    expect(isSyncErrorEnvelope(body)).toBe(true);
    expect(body).toMatchObject({ error: { code: c.code } });
    expect(reply.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('refuses an oversized JSON body with 413 and keeps serving', async () => {
    const big = JSON.stringify({ keyMaterial: 'A'.repeat(5 * 1024 * 1024) });
    const reply = await call(server.baseUrl, 'POST', '/api/v1/teams', {
      body: big,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: { code: 'payload-too-large' } });
    expect((await call(server.baseUrl, 'GET', '/api/health')).status).toBe(200);
  });

  it('refuses an oversized chunk with 413', async () => {
    const team = await createTeam(server.baseUrl);
    const reply = await call(server.baseUrl, 'PUT', `/api/v1/blobs/${randomUUID()}/chunks/0`, {
      token: team.deviceToken,
      body: Buffer.alloc(1024 * 1024 + 1),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: { code: 'payload-too-large' } });
  });

  it('puts the security headers on successful API answers too', async () => {
    const team = await createTeam(server.baseUrl);
    const reply = await call(server.baseUrl, 'GET', '/api/v1/session', { token: team.deviceToken });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
  });

  it('never lets a member act on ids of another team', async () => {
    const teamA = await createTeam(server.baseUrl);
    const memberA = await addMember(server.baseUrl, teamA);
    const teamB = await createTeam(server.baseUrl);
    const invite = await call(server.baseUrl, 'POST', '/api/v1/invites', {
      token: teamB.deviceToken,
      json: { claimToken: 'b'.repeat(43), wrappedTeamKey: b64('k') },
    });
    expect(invite.status).toBe(201);
    for (const target of [memberA.deviceId, teamA.deviceId]) {
      const reply = await call(server.baseUrl, 'POST', `/api/v1/devices/${target}/revoke`, {
        token: teamB.deviceToken,
      });
      expect(reply.status).toBe(404);
    }
    expect((await server.store.listDevices(teamA.teamId)).every((d) => d.revokedAt === null)).toBe(
      true,
    );
  });
});

describe.each(backends)('rate limits on %s', (backend) => {
  const server = useSyncServer(backend, { rateLimit: { capacity: 5, refillPerSecond: 1 } });

  it('answers 429 with Retry-After once a device spends its bucket, without slowing others', async () => {
    const one = await createTeam(server.baseUrl);
    const two = await createTeam(server.baseUrl);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const reply = await call(server.baseUrl, 'GET', '/api/v1/session', {
        token: one.deviceToken,
      });
      statuses.push(reply.status);
      if (reply.status === 429) {
        expect(reply.body).toMatchObject({ error: { code: 'rate-limited' } });
        retryAfter = reply.headers.get('retry-after');
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await call(server.baseUrl, 'GET', '/api/v1/session', { token: two.deviceToken });
    expect(other.status).toBe(200);
  });
});
