// Push and pull: compare-and-swap on revisions, idempotent retries, per-record results,
// paging by server-assigned sequence numbers, tombstones. SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type {
  CreateTeamResponse,
  PullResponse,
  PushResponse,
  RecordChange,
  ServerRecord,
} from '../../../src/shared/sync-protocol.js';
import { pullPageMediaType } from '../../../src/shared/sync-protocol.js';
import { decodePullPage, type PullPage } from '../../../src/sync/pull-page.js';
import { addMember, b64, backends, call, change, createTeam, useSyncServer } from './harness.js';

describe.each(backends)('push and pull on %s', (backend) => {
  const server = useSyncServer(backend);

  const push = (team: CreateTeamResponse, changes: unknown[]) =>
    call<PushResponse>(server.baseUrl, 'POST', '/api/v1/sync/push', {
      token: team.deviceToken,
      json: { changes },
    });
  const pull = (team: CreateTeamResponse, after: number, limit?: number) =>
    call<PullResponse>(
      server.baseUrl,
      'GET',
      `/api/v1/sync/pull?after=${after}${limit ? `&limit=${limit}` : ''}`,
      { token: team.deviceToken },
    );

  async function pullAll(team: CreateTeamResponse, limit: number): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    let after = 0;
    for (;;) {
      const page = await pull(team, after, limit);
      expect(page.status).toBe(200);
      pages.push(page.body);
      after = page.body.nextCursor;
      if (!page.body.hasMore) return pages;
    }
  }

  it('assigns revisions and sequence numbers, and pulls what another device pushed', async () => {
    const admin = await createTeam(server.baseUrl);
    const member = await addMember(server.baseUrl, admin);
    const a = change({ kind: 'person' });
    const b = change();
    const pushed = await push(admin, [a, b]);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toEqual({
      seq: 2,
      results: [
        { status: 'ok', id: a.id, changeId: a.changeId, rev: 1, seq: 1 },
        { status: 'ok', id: b.id, changeId: b.changeId, rev: 1, seq: 2 },
      ],
      cursorKnown: true,
    });
    const page = await pull(member, 0);
    expect(page.body.hasMore).toBe(false);
    expect(page.body.nextCursor).toBe(2);
    expect(page.body.records).toEqual<ServerRecord[]>([
      {
        id: a.id,
        kind: 'person',
        rev: 1,
        seq: 1,
        keyEpoch: 0,
        deleted: false,
        ciphertext: a.ciphertext,
        changeId: a.changeId,
      },
      {
        id: b.id,
        kind: 'case',
        rev: 1,
        seq: 2,
        keyEpoch: 0,
        deleted: false,
        ciphertext: b.ciphertext,
        changeId: b.changeId,
      },
    ]);
    const empty = await pull(member, 2);
    expect(empty.body).toEqual({
      records: [],
      nextCursor: 2,
      hasMore: false,
      seq: 2,
      cursorKnown: true,
    });
  });

  it('compare-and-swaps on the revision: a stale change gets the current version back', async () => {
    const team = await createTeam(server.baseUrl);
    const first = change();
    await push(team, [first]);
    const mine = change({ id: first.id, baseRev: 1, ciphertext: b64('mine') });
    const theirs = change({ id: first.id, baseRev: 1, ciphertext: b64('theirs') });
    const ok = await push(team, [mine]);
    expect(ok.body.results[0]).toMatchObject({ status: 'ok', rev: 2 });
    const conflict = await push(team, [theirs]);
    expect(conflict.body.results[0]).toEqual({
      status: 'conflict',
      id: first.id,
      changeId: theirs.changeId,
      current: expect.objectContaining({
        rev: 2,
        ciphertext: b64('mine'),
        changeId: mine.changeId,
      }),
    });
    const neverSeen = change({ baseRev: 3 });
    expect((await push(team, [neverSeen])).body.results[0]).toMatchObject({
      status: 'conflict',
      current: null,
    });
    const page = await pull(team, 0);
    expect(page.body.records).toHaveLength(1);
    expect(page.body.records[0]).toMatchObject({ rev: 2, ciphertext: b64('mine') });
  });

  it('answers a retried push (response lost) with the original results and no duplicates', async () => {
    const team = await createTeam(server.baseUrl);
    const existing = change();
    await push(team, [existing]);
    const batch = [
      change(),
      change({ id: existing.id, baseRev: 1 }),
      change({ kind: 'visit-note' }),
    ];
    const first = await push(team, batch);
    // Meanwhile another device edits the record the batch updated.
    await push(team, [change({ id: existing.id, baseRev: 2 })]);
    const retry = await push(team, batch);
    expect(retry.body.results).toEqual(first.body.results);
    expect(retry.body.results.every((r) => r.status === 'ok')).toBe(true);
    const records = (await pull(team, 0)).body.records;
    expect(records).toHaveLength(3);
    expect(records.find((r) => r.id === existing.id)?.rev).toBe(3);
    expect(records.map((r) => r.seq)).toEqual([2, 4, 5]);
  });

  it('refuses a changeId reused for another record instead of answering for the wrong one', async () => {
    const team = await createTeam(server.baseUrl);
    const first = change();
    await push(team, [first]);
    const reused = change({ changeId: first.changeId });
    const reply = await push(team, [reused]);
    expect(reply.body.results[0]).toEqual({
      status: 'rejected',
      id: reused.id,
      changeId: first.changeId,
      code: 'invalid-change',
    });
    expect((await pull(team, 0)).body.records.map((r) => r.id)).toEqual([first.id]);
  });

  it('survives a response lost on the wire after the server committed', async () => {
    const team = await createTeam(server.baseUrl);
    const batch = [change(), change(), change()];
    const body = JSON.stringify({ changes: batch });
    // The request goes out whole; the client never reads the answer and cuts the connection
    // once the server has committed (as when the answer is lost on a flaky mobile network).
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write(
      `POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${team.deviceToken}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const deadline = Date.now() + 4000;
    while ((await server.store.teamSeq(team.teamId)) < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.destroy();
    expect(await server.store.teamSeq(team.teamId)).toBe(3);
    const retry = await push(team, batch);
    expect(retry.body.results.map((r) => r.status === 'ok' && [r.id, r.rev, r.seq])).toEqual(
      batch.map((c, i) => [c.id, 1, i + 1]),
    );
    expect(retry.body.seq).toBe(3);
    expect((await pull(team, 0)).body.records).toHaveLength(3);
  });

  it('gives one result per record, so a bad record never blocks the others', async () => {
    const team = await createTeam(server.baseUrl);
    const good = change();
    const caseRecord = change();
    await push(team, [caseRecord]);
    const results = await push(team, [
      { ...change(), id: 'not-a-uuid' },
      good,
      { ...change(), ciphertext: 'not base64!' },
      { ...change(), kind: 'Bad Kind' },
      { ...change(), baseRev: -1 },
      { ...change(), deleted: 'yes' },
      42,
      change({ id: caseRecord.id, baseRev: 1, kind: 'person' }),
      change({ ciphertext: Buffer.alloc(256 * 1024 + 1).toString('base64') }),
    ]);
    expect(results.status).toBe(200);
    expect(results.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'invalid-change',
      'ok',
      'invalid-change',
      'invalid-change',
      'invalid-change',
      'invalid-change',
      'invalid-change',
      'kind-mismatch',
      'ciphertext-too-large',
    ]);
    expect(results.body.results[1]).toMatchObject({ id: good.id, status: 'ok' });
  });

  it('keeps deletes as tombstones that pull like any change', async () => {
    const team = await createTeam(server.baseUrl);
    const record = change();
    await push(team, [record]);
    const tombstone = change({ id: record.id, baseRev: 1, deleted: true, ciphertext: '' });
    expect((await push(team, [tombstone])).body.results[0]).toMatchObject({
      status: 'ok',
      rev: 2,
      seq: 2,
    });
    const page = await pull(team, 1);
    expect(page.body.records).toEqual([
      expect.objectContaining({ id: record.id, deleted: true, rev: 2, seq: 2, ciphertext: '' }),
    ]);
    // An edit against the deleted record's old revision is a conflict showing the tombstone.
    const late = await push(team, [change({ id: record.id, baseRev: 1 })]);
    expect(late.body.results[0]).toMatchObject({ status: 'conflict', current: { deleted: true } });
  });

  it('pages by cursor: a batch exactly filling a page, then the next push', async () => {
    const team = await createTeam(server.baseUrl);
    const batch: RecordChange[] = Array.from({ length: 10 }, () => change());
    await push(team, batch);
    const full = await pull(team, 0, 10);
    expect(full.body.records).toHaveLength(10);
    expect(full.body.hasMore).toBe(false);
    expect(full.body.nextCursor).toBe(10);
    const next = change();
    await push(team, [next]);
    const after = await pull(team, full.body.nextCursor, 10);
    expect(after.body.records.map((r) => r.id)).toEqual([next.id]);
  });

  it('pages through many records without skipping or repeating one', async () => {
    const team = await createTeam(server.baseUrl);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const batch = Array.from({ length: 40 }, () => change());
      ids.push(...batch.map((c) => c.id));
      await push(team, batch);
    }
    const pages = await pullAll(team, 17);
    expect(pages.map((p) => p.records.length)).toEqual([
      17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 13,
    ]);
    const pulled = pages.flatMap((p) => p.records);
    expect(pulled.map((r) => r.id)).toEqual(ids);
    expect(pulled.map((r) => r.seq)).toEqual(ids.map((_, i) => i + 1));
    // The default page size applies without a limit.
    expect((await pull(team, 0)).body.records).toHaveLength(200);
  });

  it('serves the same pages as raw bytes to a client that accepts the binary page', async () => {
    const team = await createTeam(server.baseUrl);
    const batch = Array.from({ length: 5 }, () => change());
    await push(team, batch);
    const gone = batch[1];
    if (!gone) throw new Error('no record');
    await push(team, [
      { ...gone, changeId: randomUUID(), baseRev: 1, deleted: true, ciphertext: '' },
    ]);
    const asJson = await pullAll(team, 4);
    const asBytes: PullPage[] = [];
    let after = 0;
    for (;;) {
      const response = await fetch(`${server.baseUrl}/api/v1/sync/pull?after=${after}&limit=4`, {
        headers: { authorization: `Bearer ${team.deviceToken}`, accept: pullPageMediaType },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(pullPageMediaType);
      expect(response.headers.get('vary')).toContain('Accept');
      const page = decodePullPage(await response.arrayBuffer());
      if (!page) throw new Error('binary page did not decode');
      asBytes.push(page);
      after = page.nextCursor;
      if (!page.hasMore) break;
    }
    // Byte for byte the JSON pages, ciphertexts as raw bytes instead of base64.
    expect(
      asBytes.map((page) => ({
        ...page,
        records: page.records.map((r) => ({
          ...r,
          ciphertext: Buffer.from(r.ciphertext as Uint8Array).toString('base64'),
        })),
      })),
    ).toEqual(asJson);
    expect(asJson.flatMap((p) => p.records).map((r) => r.deleted)).toContain(true);
  });

  it('keeps teams apart: a push never shows up in another team', async () => {
    const teamA = await createTeam(server.baseUrl);
    const teamB = await createTeam(server.baseUrl);
    const shared = change();
    await push(teamA, [shared]);
    // The same record id in another team is another record (ids are per team).
    const result = await push(teamB, [{ ...shared, changeId: randomUUID(), ciphertext: b64('b') }]);
    expect(result.body.results[0]).toMatchObject({ status: 'ok', rev: 1, seq: 1 });
    const pageB = await pull(teamB, 0);
    expect(pageB.body.records.map((r) => r.ciphertext)).toEqual([b64('b')]);
  });

  it('never lets a puller skip a record while pushes commit concurrently', async () => {
    const team = await createTeam(server.baseUrl);
    const pushed: string[] = [];
    const seen = new Set<string>();
    let pushing = true;
    let after = 0;
    const pullOnce = async (): Promise<boolean> => {
      const page = await pull(team, after, 25);
      for (const record of page.body.records) seen.add(record.id);
      after = page.body.nextCursor;
      return page.body.hasMore;
    };
    const puller = (async () => {
      while (pushing) await pullOnce();
      // Catch up from the cursor: a record committed late with a seq below the cursor would
      // stay unseen — exactly the bug that per-team seq under the team's row lock prevents.
      while (await pullOnce());
    })();
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let i = 0; i < 8; i++) {
          const batch = Array.from({ length: 3 }, () => change());
          pushed.push(...batch.map((c) => c.id));
          await push(team, batch);
        }
      }),
    );
    pushing = false;
    await puller;
    expect(seen.size).toBe(pushed.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
  });

  it('serialises concurrent pushes so sequence numbers have no gaps and no repeats', async () => {
    const team = await createTeam(server.baseUrl);
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 5 }, () => change()));
    const replies = await Promise.all(batches.map((batch) => push(team, batch)));
    const seqs = replies.flatMap((r) =>
      r.body.results.map((x) => (x.status === 'ok' ? x.seq : -1)),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const pulled = (await pullAll(team, 7)).flatMap((p) => p.records);
    expect(pulled.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
