// Latency benchmark: one edit made on device A becomes visible on device B, which is online and
// waiting on the long-poll (/api/v1/sync/events). Measured from the moment A starts its push to
// the moment B has pulled the record (events answer → pull → record found), 50 times, against
// the real server in its own process, on SQLite and on PostgreSQL. Target: < 1 s. On PostgreSQL
// also with A and B on two server instances sharing the database (the load-balanced deployment:
// B's instance learns of the push by polling the team's seq every 250 ms).
// Run alone: `npx tsx tests/bench/sync-latency.ts` (SYNC_LATENCY_BACKENDS=sqlite,postgres).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  syncPaths,
  type EventsResponse,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync-protocol';
import {
  backends,
  callJson,
  createTeamOf,
  isMain,
  loadAverage,
  machineLine,
  markdownTable,
  ms,
  percentile,
  randomBase64,
  startBenchServer,
  type Backend,
} from './sync-bench-common';

export const LATENCY_TARGET_MS = 1000;
const REPETITIONS = 50;

export type SyncLatencyResult = {
  backend: Backend;
  /** 2: A and B talk to two server instances sharing the PostgreSQL database. */
  instances: number;
  repetitions: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Push round trip on A alone (for comparison). */
  pushMedianMs: number;
  loadAverage: string;
};

/** B waits on the long-poll from `after` until it has pulled `recordId`; resolves with the time. */
async function waitAndPull(
  baseUrl: string,
  token: string,
  after: number,
  recordId: string,
): Promise<{ at: number; cursor: number }> {
  let cursor = after;
  for (;;) {
    const events = await callJson<EventsResponse>(
      baseUrl,
      'GET',
      `${syncPaths.events}?after=${cursor}&timeout=25`,
      token,
    );
    if (events.status !== 200) throw new Error(`events ${events.status}`);
    if (!events.body.changed) continue;
    const pulled = await callJson<PullResponse>(
      baseUrl,
      'GET',
      `${syncPaths.pull}?after=${cursor}`,
      token,
    );
    if (pulled.status !== 200) throw new Error(`pull ${pulled.status}`);
    cursor = pulled.body.nextCursor;
    if (pulled.body.records.some((r) => r.id === recordId)) {
      return { at: performance.now(), cursor };
    }
  }
}

export async function runSyncLatency(
  backend: Backend,
  instances = 1,
  repetitions = REPETITIONS,
): Promise<SyncLatencyResult> {
  const server = await startBenchServer(backend, instances);
  try {
    const { baseUrl } = server;
    const baseUrlOfB = server.baseUrls[instances - 1] ?? baseUrl;
    const [a, b] = await createTeamOf(baseUrl, 2);
    if (!a || !b) throw new Error('team of two expected');
    const latencies: number[] = [];
    const pushes: number[] = [];
    let cursor = 0;
    for (let i = 0; i < repetitions; i += 1) {
      const recordId = randomUUID();
      const seen = waitAndPull(baseUrlOfB, b.deviceToken, cursor, recordId);
      // B's long-poll is waiting at the server before A edits; the random part spreads the edits
      // over the server's 250 ms seq polling, which a fixed pause would lock onto.
      await sleep(100 + Math.random() * 250);
      const started = performance.now();
      const pushed = await callJson<PushResponse>(baseUrl, 'POST', syncPaths.push, a.deviceToken, {
        changes: [
          {
            id: recordId,
            kind: 'case',
            baseRev: 0,
            changeId: randomUUID(),
            keyEpoch: 1,
            deleted: false,
            ciphertext: randomBase64(400),
          },
        ],
      });
      pushes.push(performance.now() - started);
      if (pushed.status !== 200 || pushed.body.results[0]?.status !== 'ok') {
        throw new Error(`push failed: ${pushed.status}`);
      }
      const result = await seen;
      latencies.push(result.at - started);
      cursor = result.cursor;
    }
    return {
      backend,
      instances,
      repetitions,
      medianMs: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: Math.max(...latencies),
      pushMedianMs: percentile(pushes, 50),
      loadAverage: loadAverage(),
    };
  } finally {
    await server.stop();
  }
}

export function syncLatencyTable(results: SyncLatencyResult[]): string {
  return markdownTable(
    [
      'backend',
      'edit → visible on B, median',
      'p95',
      'max',
      'target',
      'push alone, median',
      'load avg (1/5/15)',
    ],
    results.map((r) => [
      r.backend === 'sqlite'
        ? 'SQLite'
        : r.instances > 1
          ? `PostgreSQL, A and B on ${r.instances} server instances`
          : 'PostgreSQL',
      ms(r.medianMs),
      ms(r.p95Ms),
      ms(r.maxMs),
      `< ${LATENCY_TARGET_MS} ms: ${r.p95Ms < LATENCY_TARGET_MS ? 'PASS' : 'MISSED'}`,
      ms(r.pushMedianMs),
      r.loadAverage,
    ]),
  );
}

async function main(): Promise<void> {
  const only = process.env.SYNC_LATENCY_BACKENDS?.split(',') ?? [...backends];
  const results: SyncLatencyResult[] = [];
  for (const backend of backends.filter((b) => only.includes(b))) {
    console.log(`${backend}: ${REPETITIONS} edits …`);
    results.push(await runSyncLatency(backend));
  }
  if (only.includes('postgres')) {
    console.log(`postgres, two instances: ${REPETITIONS} edits …`);
    results.push(await runSyncLatency('postgres', 2));
  }
  console.log(`\n${syncLatencyTable(results)}\n`);
  console.log(
    `${machineLine()}. Device B long-polls ${syncPaths.events}; A pushes one record; timed from A's push start to B holding the pulled record.`,
  );
  console.log('Command: npx tsx tests/bench/sync-latency.ts');
}

if (isMain(import.meta.url)) await main();
