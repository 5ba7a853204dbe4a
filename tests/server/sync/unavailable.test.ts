// When PostgreSQL goes away under a running server, sync requests get 503 `unavailable` with
// Retry-After (the client backs off and retries) instead of a 500, and the process stays up.
import { describe, expect, it } from 'vitest';
import { call, createTeam, useSyncServer } from './harness.js';

describe('database gone on postgres', () => {
  const errors: unknown[] = [];
  const server = useSyncServer('postgres', {
    log: { info: () => {}, error: (_message, error) => errors.push(error) },
  });

  it('answers 503 unavailable with Retry-After, and keeps serving', async () => {
    const team = await createTeam(server.baseUrl);
    await server.database?.drop();
    const reply = await call(server.baseUrl, 'GET', '/api/v1/sync/pull?after=0', {
      token: team.deviceToken,
    });
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ error: { code: 'unavailable' } });
    expect(reply.headers.get('retry-after')).toBe('5');
    expect(errors.length).toBeGreaterThan(0);
    expect((await call(server.baseUrl, 'GET', '/api/health')).status).toBe(200);
  });
});
