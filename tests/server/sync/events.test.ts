// Long-poll for changes: wakes on a push within a second or two, times out with changed=false,
// and — on PostgreSQL — works across two separate server processes sharing one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CreateTeamResponse,
  EventsResponse,
  PullResponse,
  PushResponse,
} from '../../../src/shared/sync-protocol.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';
import { addMember, backends, call, change, createTeam, useSyncServer } from './harness.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const events = (baseUrl: string, team: CreateTeamResponse, after: number, timeout = 10) =>
  call<EventsResponse>(baseUrl, 'GET', `/api/v1/sync/events?after=${after}&timeout=${timeout}`, {
    token: team.deviceToken,
  });

const push = (baseUrl: string, team: CreateTeamResponse, changes: unknown[]) =>
  call<PushResponse>(baseUrl, 'POST', '/api/v1/sync/push', {
    token: team.deviceToken,
    json: { changes },
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('long-poll on %s', (backend) => {
  const server = useSyncServer(backend);

  it('answers at once when the team is already past the cursor', async () => {
    const team = await createTeam(server.baseUrl);
    await push(server.baseUrl, team, [change()]);
    const started = Date.now();
    const reply = await events(server.baseUrl, team, 0);
    expect(reply.body).toEqual({ seq: 1, changed: true });
    expect(Date.now() - started).toBeLessThan(5000); // far below the 10 s wait: not a timeout
  });

  it('wakes a waiting device within a second of a push from another device', async () => {
    const admin = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, admin);
    const waiting = events(server.baseUrl, member, 0);
    await sleep(300);
    const pushedAt = Date.now();
    await push(server.baseUrl, admin, [change()]);
    const reply = await waiting;
    expect(reply.body).toEqual({ seq: 1, changed: true });
    expect(Date.now() - pushedAt).toBeLessThan(5000); // woken, not timed out (latency: npm run bench)
  });

  it('times out with changed=false when nothing happens', async () => {
    const team = await createTeam(server.baseUrl);
    const started = Date.now();
    const reply = await events(server.baseUrl, team, 0, 1);
    expect(reply.body).toEqual({ seq: 0, changed: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('does not wake for another team', async () => {
    const teamA = await createTeam(server.baseUrl);
    const teamB = await createTeam(server.baseUrl);
    const waiting = events(server.baseUrl, teamA, 0, 1);
    await push(server.baseUrl, teamB, [change()]);
    expect((await waiting).body).toEqual({ seq: 0, changed: false });
  });
});

describe('two server processes sharing one PostgreSQL', () => {
  let database: TestDatabase;
  let dataDir: string;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'lotse-two-'));
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, LOTSE_STATIC_DIR: dataDir };
    // Started together: their migrations race, and must not trip over each other.
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the same team consistently through either process', async () => {
    const admin = await createTeam(one.baseUrl);
    const member = await addMember(two.baseUrl, admin);
    const pushed = await push(one.baseUrl, admin, [change(), change()]);
    expect(pushed.body.seq).toBe(2);
    const pulled = await call<PullResponse>(two.baseUrl, 'GET', '/api/v1/sync/pull?after=0', {
      token: member.deviceToken,
    });
    expect(pulled.body.records.map((r) => r.seq)).toEqual([1, 2]);
    // Pushes through both processes share one sequence.
    const viaTwo = await push(two.baseUrl, member, [change()]);
    expect(viaTwo.body.results[0]).toMatchObject({ status: 'ok', seq: 3 });
    // A revocation through one process holds in the other.
    await call(one.baseUrl, 'POST', `/api/v1/devices/${member.deviceId}/revoke`, {
      token: admin.deviceToken,
    });
    const revoked = await call(two.baseUrl, 'GET', '/api/v1/session', {
      token: member.deviceToken,
    });
    expect(revoked.body).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });
  });

  it('wakes a long-poll on one process when a push goes through the other', async () => {
    const admin = await createTeam(one.baseUrl);
    const member = await addMember(one.baseUrl, admin);
    const waiting = events(two.baseUrl, member, 0);
    await sleep(500);
    const pushedAt = Date.now();
    await push(one.baseUrl, admin, [change()]);
    const reply = await waiting;
    expect(reply.body).toEqual({ seq: 1, changed: true });
    expect(Date.now() - pushedAt).toBeLessThan(5000); // woken, not timed out (latency: npm run bench)
  });
});
