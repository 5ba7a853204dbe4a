// Load benchmark of the sync server: 200 simulated devices in 20 teams of 10 (a realistic
// deployment: many small teams, each a Helferkreis — one team of 200 would serialise every
// push on a single team row lock, which no real team ever causes) push small batches of
// opaque random ciphertext and pull to their team's head in a closed loop, against the real
// server in its own process, once on SQLite and once on PostgreSQL. Every device runs
// push → pull → push … with no think time, so the figures are the server's capacity on this
// machine, not a real team's traffic. Rate limits are raised for the run (BENCH_RATE_LIMIT).
// Each device has its own keep-alive connection. Before the timed window every device does one
// push and one pull at once (warm-up: connections, JIT), reported separately.
//
// At the end every device pulls to the head from where it stood (its incrementally pulled ids
// and revisions) and, separately, everything from cursor 0 (ids, revisions and ciphertext);
// both must equal exactly what the server acknowledged to that team's devices. The client's own
// event-loop stalls are reported, to show how much latency the load generator itself adds.
// Run alone: `npx tsx tests/bench/sync-load.ts` (SYNC_LOAD_SECONDS=20,
// SYNC_LOAD_BACKENDS=sqlite,postgres).
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  syncPaths,
  type DeviceCredentials,
  type PullResponse,
  type PushResponse,
  type RecordChange,
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

export type SyncLoadOptions = {
  teams: number;
  devicesPerTeam: number;
  seconds: number;
  /** Changes per push. */
  batch: number;
  /** Share of changes that edit one of the device's own earlier records. */
  updateShare: number;
};

export const defaultLoadOptions: SyncLoadOptions = {
  teams: 20,
  devicesPerTeam: 10,
  seconds: Number(process.env.SYNC_LOAD_SECONDS ?? 20),
  batch: 10,
  updateShare: 0.3,
};

export type SyncLoadResult = {
  backend: Backend;
  devices: number;
  teams: number;
  seconds: number;
  pushRequests: number;
  changesAccepted: number;
  pushRequestsPerSecond: number;
  changesPerSecond: number;
  pullRequests: number;
  recordsPulled: number;
  push: { p50: number; p95: number; p99: number };
  pull: { p50: number; p95: number; p99: number };
  errors: number;
  /** All devices connecting at once and doing their first push and pull (not in the figures). */
  warmUpMs: number;
  /** Longest event-loop delay of this (client) process during the run: latency it added. */
  clientMaxStallMs: number;
  /** Devices whose final record sets differ from what the server acknowledged (must be 0). */
  mismatchedDevices: number;
  recordsAcknowledged: number;
  loadAverage: string;
};

type Acked = { rev: number; ciphertext: string };
/** id → revision: kept small (no ciphertext), so the client's GC stays out of the figures. */
type Replica = Map<string, number>;

type Device = {
  credentials: DeviceCredentials;
  team: Map<string, Acked>;
  own: Map<string, { kind: string; rev: number }>;
  replica: Replica;
  cursor: number;
};

type Stats = {
  pushMs: number[];
  pullMs: number[];
  pushRequests: number;
  changes: number;
  pullRequests: number;
  pulled: number;
  errors: string[];
};

const ciphertext = (): string => randomBase64(200 + Math.floor(Math.random() * 600));

function nextBatch(device: Device, options: SyncLoadOptions): RecordChange[] {
  const changes: RecordChange[] = [];
  const used = new Set<string>();
  const ownIds = [...device.own.keys()];
  for (let i = 0; i < options.batch; i += 1) {
    const pick = ownIds[Math.floor(Math.random() * ownIds.length)];
    if (pick && !used.has(pick) && Math.random() < options.updateShare) {
      used.add(pick);
      const own = device.own.get(pick);
      if (!own) continue;
      changes.push({
        id: pick,
        kind: own.kind,
        baseRev: own.rev,
        changeId: randomUUID(),
        keyEpoch: 1,
        deleted: false,
        ciphertext: ciphertext(),
      });
    } else {
      changes.push({
        id: randomUUID(),
        kind: i % 4 === 0 ? 'case' : 'person',
        baseRev: 0,
        changeId: randomUUID(),
        keyEpoch: 1,
        deleted: false,
        ciphertext: ciphertext(),
      });
    }
  }
  return changes;
}

async function push(baseUrl: string, device: Device, options: SyncLoadOptions, stats: Stats) {
  const changes = nextBatch(device, options);
  const started = performance.now();
  const reply = await callJson<PushResponse>(
    baseUrl,
    'POST',
    syncPaths.push,
    device.credentials.deviceToken,
    { changes },
  );
  stats.pushMs.push(performance.now() - started);
  stats.pushRequests += 1;
  if (reply.status !== 200) {
    stats.errors.push(`push ${reply.status}`);
    return;
  }
  reply.body.results.forEach((result, index) => {
    const sent = changes[index];
    if (result.status !== 'ok' || !sent || sent.id !== result.id) {
      stats.errors.push(`push result ${result.status}`);
      return;
    }
    stats.changes += 1;
    device.own.set(sent.id, { kind: sent.kind, rev: result.rev });
    const known = device.team.get(sent.id);
    if (!known || known.rev < result.rev) {
      device.team.set(sent.id, { rev: result.rev, ciphertext: sent.ciphertext });
    }
  });
}

/** Pulls from `after` to the team's head into `replica`; returns the new cursor. */
async function pullToHead(
  baseUrl: string,
  token: string,
  after: number,
  replica: Replica,
  stats: Stats,
  full?: Map<string, Acked>,
): Promise<number> {
  let cursor = after;
  for (;;) {
    const started = performance.now();
    const reply = await callJson<PullResponse>(
      baseUrl,
      'GET',
      `${syncPaths.pull}?after=${cursor}&limit=1000`,
      token,
    );
    stats.pullMs.push(performance.now() - started);
    stats.pullRequests += 1;
    if (reply.status !== 200) {
      stats.errors.push(`pull ${reply.status}`);
      return cursor;
    }
    for (const record of reply.body.records) {
      replica.set(record.id, record.rev);
      if (full) full.set(record.id, { rev: record.rev, ciphertext: record.ciphertext });
    }
    stats.pulled += reply.body.records.length;
    cursor = reply.body.nextCursor;
    if (!reply.body.hasMore) return cursor;
  }
}

const sameRevisions = (replica: Replica, team: Map<string, Acked>): boolean =>
  replica.size === team.size && [...team].every(([id, acked]) => replica.get(id) === acked.rev);

const sameRecords = (a: Map<string, Acked>, b: Map<string, Acked>): boolean =>
  a.size === b.size &&
  [...a].every(([id, v]) => {
    const w = b.get(id);
    return w !== undefined && w.rev === v.rev && w.ciphertext === v.ciphertext;
  });

/** Push, pull to head, repeat until `end` — or `rounds` times. */
async function deviceLoop(
  baseUrl: string,
  device: Device,
  options: SyncLoadOptions,
  end: number,
  stats: Stats,
  rounds = Infinity,
) {
  for (let round = 0; round < rounds && performance.now() < end; round += 1) {
    try {
      await push(baseUrl, device, options, stats);
      device.cursor = await pullToHead(
        baseUrl,
        device.credentials.deviceToken,
        device.cursor,
        device.replica,
        stats,
      );
    } catch (error) {
      stats.errors.push(`network: ${String(error)}`);
    }
  }
}

export async function runSyncLoad(
  backend: Backend,
  options: SyncLoadOptions = defaultLoadOptions,
): Promise<SyncLoadResult> {
  const server = await startBenchServer(backend);
  try {
    const { baseUrl } = server;
    const devices: Device[] = [];
    for (let t = 0; t < options.teams; t += 1) {
      const team = new Map<string, Acked>();
      for (const credentials of await createTeamOf(baseUrl, options.devicesPerTeam)) {
        devices.push({ credentials, team, own: new Map(), replica: new Map(), cursor: 0 });
      }
    }
    const newStats = (): Stats => ({
      pushMs: [],
      pullMs: [],
      pushRequests: 0,
      changes: 0,
      pullRequests: 0,
      pulled: 0,
      errors: [],
    });
    // Warm-up, not timed: every device connects and does one push and one pull at once.
    const warmUp = newStats();
    const warmUpStarted = performance.now();
    await Promise.all(
      devices.map((device) => deviceLoop(baseUrl, device, options, Infinity, warmUp, 1)),
    );
    const warmUpMs = performance.now() - warmUpStarted;
    const stats = newStats();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const end = started + options.seconds * 1000;
    await Promise.all(devices.map((device) => deviceLoop(baseUrl, device, options, end, stats)));
    const elapsed = (performance.now() - started) / 1000;
    loop.disable();
    const load = loadAverage();

    // Verification (not timed): catch up from each device's cursor, and pull all from 0.
    const check: Stats = { ...stats, pullMs: [], errors: [] };
    let mismatched = 0;
    for (const device of devices) {
      const token = device.credentials.deviceToken;
      await pullToHead(baseUrl, token, device.cursor, device.replica, check);
      const fresh = new Map<string, Acked>();
      await pullToHead(baseUrl, token, 0, new Map(), check, fresh);
      if (!sameRevisions(device.replica, device.team) || !sameRecords(fresh, device.team)) {
        mismatched += 1;
      }
    }
    const teams = new Set(devices.map((d) => d.team));
    const quantiles = (values: number[]) => ({
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      p99: percentile(values, 99),
    });
    if (stats.errors.length > 0) console.error('errors:', stats.errors.slice(0, 5));
    return {
      backend,
      devices: devices.length,
      teams: options.teams,
      seconds: elapsed,
      pushRequests: stats.pushRequests,
      changesAccepted: stats.changes,
      pushRequestsPerSecond: stats.pushRequests / elapsed,
      changesPerSecond: stats.changes / elapsed,
      pullRequests: stats.pullRequests,
      recordsPulled: stats.pulled,
      push: quantiles(stats.pushMs),
      pull: quantiles(stats.pullMs),
      errors: stats.errors.length + check.errors.length + warmUp.errors.length,
      warmUpMs,
      clientMaxStallMs: loop.max / 1e6,
      mismatchedDevices: mismatched,
      recordsAcknowledged: [...teams].reduce((sum, team) => sum + team.size, 0),
      loadAverage: load,
    };
  } finally {
    await server.stop();
  }
}

export function syncLoadTable(results: SyncLoadResult[]): string {
  return markdownTable(
    [
      'backend',
      'devices (teams)',
      'pushes/s (requests)',
      'record changes/s',
      'push p50 / p95 / p99',
      'pull p50 / p95 / p99',
      'errors',
      'lost or wrong records',
      'client loop max stall',
      'warm-up: 200 first push + pull',
      'load avg (1/5/15)',
    ],
    results.map((r) => [
      r.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      `${r.devices} (${r.teams})`,
      r.pushRequestsPerSecond.toFixed(0),
      r.changesPerSecond.toFixed(0),
      `${ms(r.push.p50)} / ${ms(r.push.p95)} / ${ms(r.push.p99)}`,
      `${ms(r.pull.p50)} / ${ms(r.pull.p95)} / ${ms(r.pull.p99)}`,
      String(r.errors),
      r.mismatchedDevices === 0
        ? `none (${r.recordsAcknowledged} records checked on every device)`
        : `${r.mismatchedDevices} devices differ`,
      ms(r.clientMaxStallMs),
      ms(r.warmUpMs),
      r.loadAverage,
    ]),
  );
}

async function main(): Promise<void> {
  const only = process.env.SYNC_LOAD_BACKENDS?.split(',') ?? [...backends];
  const results: SyncLoadResult[] = [];
  for (const backend of backends.filter((b) => only.includes(b))) {
    console.log(
      `${backend}: ${defaultLoadOptions.teams} × ${defaultLoadOptions.devicesPerTeam} devices, ${defaultLoadOptions.seconds} s …`,
    );
    results.push(await runSyncLoad(backend));
  }
  console.log(`\n${syncLoadTable(results)}\n`);
  console.log(
    `${machineLine()}. Batches of ${defaultLoadOptions.batch} changes (${defaultLoadOptions.updateShare * 100} % edits of earlier records), ` +
      '200–800 random bytes of ciphertext each; rate limit raised to RATE_LIMIT_BURST=100000, RATE_LIMIT_PER_SECOND=100000.',
  );
  console.log(`Command: npx tsx tests/bench/sync-load.ts`);
  if (results.some((r) => r.errors > 0 || r.mismatchedDevices > 0)) process.exitCode = 1;
}

if (isMain(import.meta.url)) await main();
