// The real server process killed with SIGKILL in the middle of a burst of pushes, then restarted
// on the same data: every push that was answered ok is there, every batch is there completely or
// not at all, sequence numbers have no gaps, and retrying the unanswered pushes duplicates nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CreateTeamResponse,
  PullResponse,
  PushResponse,
  RecordChange,
} from '../../../src/shared/sync-protocol.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { backends, call, change, createTeam, type Backend } from './harness.js';
import { startServerProcess } from './server-process.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

async function environment(backend: Backend): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lotse-kill-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // DATABASE_URL is cleared so an outer environment cannot turn the SQLite run into PostgreSQL.
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOTSE_STATIC_DIR: dataDir,
    DATABASE_URL: '',
  };
  if (backend === 'postgres') {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}

const push = (baseUrl: string, team: CreateTeamResponse, changes: RecordChange[]) =>
  call<PushResponse>(baseUrl, 'POST', '/api/v1/sync/push', {
    token: team.deviceToken,
    json: { changes },
  });

describe.each(backends)('SIGKILL during a burst of pushes on %s', (backend) => {
  it('loses no acknowledged push and leaves nothing half-written', async () => {
    const env = await environment(backend);
    const first = await startServerProcess(env);
    const team = await createTeam(first.baseUrl);

    const batches: RecordChange[][] = [];
    const acked = new Map<number, PushResponse>();
    let stop = false;
    const pusher = async (): Promise<void> => {
      while (!stop) {
        const batch = Array.from({ length: 5 }, () => change());
        const index = batches.push(batch) - 1;
        try {
          const reply = await push(first.baseUrl, team, batch);
          if (reply.status === 200) acked.set(index, reply.body);
        } catch {
          return; // the server is gone; this batch's fate is unknown
        }
      }
    };
    const pushers = Array.from({ length: 4 }, pusher);
    while (acked.size < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.kill();
    stop = true;
    await Promise.all(pushers);
    expect(first.child.signalCode).toBe('SIGKILL');
    // Killed mid-burst: some pushes were on the wire and never answered.
    expect(batches.length).toBeGreaterThan(acked.size);

    const second = await startServerProcess(env);
    cleanups.push(second.stop);
    const records: PullResponse['records'] = [];
    for (let after = 0; ;) {
      const page = await call<PullResponse>(
        second.baseUrl,
        'GET',
        `/api/v1/sync/pull?after=${after}&limit=1000`,
        {
          token: team.deviceToken,
        },
      );
      expect(page.status).toBe(200);
      records.push(...page.body.records);
      after = page.body.nextCursor;
      if (!page.body.hasMore) break;
    }
    const byId = new Map(records.map((r) => [r.id, r]));

    // Every acknowledged change is there, exactly as pushed and acknowledged.
    for (const [index, reply] of acked) {
      for (const [i, sent] of (batches[index] ?? []).entries()) {
        const stored = byId.get(sent.id);
        expect(stored).toMatchObject({
          ciphertext: sent.ciphertext,
          changeId: sent.changeId,
          rev: 1,
        });
        expect(reply.results[i]).toMatchObject({ status: 'ok', seq: stored?.seq });
      }
    }
    // Batches are all-or-nothing, and sequence numbers run without gaps.
    for (const batch of batches) {
      const present = batch.filter((c) => byId.has(c.id)).length;
      expect([0, batch.length]).toContain(present);
    }
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));

    // Retrying every batch (the client cannot know which unanswered ones landed) adds each
    // missing batch once and answers the landed ones with their original results.
    for (const [index, batch] of batches.entries()) {
      const retry = await push(second.baseUrl, team, batch);
      expect(retry.body.results.every((r) => r.status === 'ok')).toBe(true);
      const original = acked.get(index);
      if (original) expect(retry.body.results).toEqual(original.results);
    }
    const session = await call<{ seq: number }>(second.baseUrl, 'GET', '/api/v1/session', {
      token: team.deviceToken,
    });
    expect(session.body.seq).toBe(batches.length * 5);
  }, 90_000);
});
