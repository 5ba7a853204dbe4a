// The server's rollback check (docs/sync-protocol.md, "Restored from a backup"): a pull or
// push whose cursor is beyond the team's history, or whose `afterChange` is not the change at
// that seq, is told `cursorKnown: false` — and such a push applies nothing. The extra
// `check`/`checkChange` of a pull or push (an acknowledged push above the cursor) is held to
// the same test.
// SQLite and PostgreSQL, real HTTP.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type {
  CreateTeamResponse,
  PullResponse,
  PushResponse,
} from '../../../src/shared/sync-protocol.js';
import { backends, call, change, createTeam, useSyncServer } from './harness.js';

describe.each(backends)('cursor check on %s', (backend) => {
  const server = useSyncServer(backend);

  const push = (team: CreateTeamResponse, body: Record<string, unknown>) =>
    call<PushResponse>(server.baseUrl, 'POST', '/api/v1/sync/push', {
      token: team.deviceToken,
      json: body,
    });
  const pull = (team: CreateTeamResponse, query: string) =>
    call<PullResponse>(server.baseUrl, 'GET', `/api/v1/sync/pull?${query}`, {
      token: team.deviceToken,
    });

  it('knows a cursor in its history and refuses one that is not', async () => {
    const team = await createTeam(server.baseUrl);
    const [a, b] = [change({ kind: 'person' }), change({ kind: 'person' })];
    expect((await push(team, { changes: [a, b] })).body.seq).toBe(2);

    const known = await pull(team, `after=1&afterChange=${a.changeId}`);
    expect(known.body).toMatchObject({ seq: 2, cursorKnown: true, nextCursor: 2 });
    expect((await pull(team, 'after=2')).body.cursorKnown).toBe(true);
    // Another change at that seq, an unknown change, or a seq the team never reached.
    expect((await pull(team, `after=1&afterChange=${b.changeId}`)).body.cursorKnown).toBe(false);
    expect((await pull(team, `after=2&afterChange=${randomUUID()}`)).body.cursorKnown).toBe(false);
    expect((await pull(team, 'after=5')).body).toMatchObject({ seq: 2, cursorKnown: false });

    const c = change({ kind: 'person' });
    const refused = await push(team, { changes: [c], after: 2, afterChange: a.changeId });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ results: [], seq: 2, cursorKnown: false });
    expect((await pull(team, 'after=0')).body.records.map((r) => r.id)).toEqual([a.id, b.id]);

    const accepted = await push(team, { changes: [c], after: 2, afterChange: b.changeId });
    expect(accepted.body).toMatchObject({ seq: 3, cursorKnown: true });
    expect(accepted.body.results[0]).toMatchObject({ status: 'ok', seq: 3 });
  });

  it('checks an acknowledged change above the cursor too (check, checkChange)', async () => {
    const team = await createTeam(server.baseUrl);
    const [a, b] = [change({ kind: 'person' }), change({ kind: 'person' })];
    expect((await push(team, { changes: [a, b] })).body.seq).toBe(2);

    const both = await pull(
      team,
      `after=1&afterChange=${a.changeId}&check=2&checkChange=${b.changeId}`,
    );
    // The page itself is unaffected: it still starts after the cursor.
    expect(both.body).toMatchObject({ seq: 2, cursorKnown: true, nextCursor: 2 });
    expect(both.body.records.map((r) => r.id)).toEqual([b.id]);
    expect((await pull(team, `after=0&check=1&checkChange=${a.changeId}`)).body.cursorKnown).toBe(
      true,
    );
    // The cursor is known, but the acknowledged change is not at that seq (or not at all).
    for (const check of [
      `check=2&checkChange=${a.changeId}`,
      `check=2&checkChange=${randomUUID()}`,
      `check=3&checkChange=${b.changeId}`,
    ]) {
      const answer = await pull(team, `after=1&afterChange=${a.changeId}&${check}`);
      expect(answer.body, check).toMatchObject({ seq: 2, cursorKnown: false });
    }
  });

  it('refuses a push whose acknowledged change is not in the history, applying nothing', async () => {
    const team = await createTeam(server.baseUrl);
    const [a, b] = [change({ kind: 'person' }), change({ kind: 'person' })];
    await push(team, { changes: [a, b] });
    const c = change({ kind: 'person' });
    for (const check of [
      { after: 1, afterChange: a.changeId, check: 2, checkChange: a.changeId },
      { after: 1, afterChange: a.changeId, check: 3, checkChange: b.changeId },
      { check: 2, checkChange: randomUUID() }, // no cursor yet, a push acknowledged
    ]) {
      const refused = await push(team, { changes: [c], ...check });
      expect(refused.body, JSON.stringify(check)).toEqual({
        results: [],
        seq: 2,
        cursorKnown: false,
      });
    }
    const accepted = await push(team, { changes: [c], check: 2, checkChange: b.changeId });
    expect(accepted.body).toMatchObject({ seq: 3, cursorKnown: true });
    expect(accepted.body.results[0]).toMatchObject({ status: 'ok', seq: 3 });
  });

  it('answers a malformed cursor with 400 invalid-request', async () => {
    const team = await createTeam(server.baseUrl);
    for (const body of [
      { changes: [change()], after: -1 },
      { changes: [change()], after: 1.5 },
      { changes: [change()], after: 1, afterChange: 'not-a-uuid' },
      { changes: [change()], afterChange: randomUUID() },
      { changes: [change()], check: 1 },
      { changes: [change()], checkChange: randomUUID() },
      { changes: [change()], check: 0, checkChange: randomUUID() },
      { changes: [change()], check: '1', checkChange: randomUUID() },
      { changes: [change()], check: 1, checkChange: 'not-a-uuid' },
    ]) {
      const answer = await push(team, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'invalid-request' } });
    }
    for (const query of [
      'after=1&afterChange=..%2F..',
      `after=0&check=1`,
      `after=0&checkChange=${randomUUID()}`,
      `after=0&check=0&checkChange=${randomUUID()}`,
      `after=0&check=-1&checkChange=${randomUUID()}`,
      `after=0&check=1.5&checkChange=${randomUUID()}`,
      'after=0&check=1&checkChange=not-a-uuid',
    ]) {
      const bad = await pull(team, query);
      expect(bad.status, query).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'invalid-request' } });
    }
  });
});
