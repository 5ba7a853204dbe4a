// Shared pieces of the sync benchmarks (sync-load, sync-latency, sync-initial): a real Lotse
// server in its own process (tsx, src/server/main.ts) over a fresh SQLite file or a fresh
// PostgreSQL database, a small JSON client, percentiles and Markdown tables.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createTestDatabase } from '../helpers/postgres';
import { startServerProcess } from '../server/sync/server-process';
import {
  syncPaths,
  type CreateInviteResponse,
  type CreateTeamResponse,
  type DeviceCredentials,
} from '../../src/shared/sync-protocol';

export const backends = ['sqlite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

/** Raised for the benchmarks so that 200 devices in a closed loop are not throttled. */
export const BENCH_RATE_LIMIT = { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SECOND: '100000' };

export type BenchServer = {
  baseUrl: string;
  /** One per instance; all share the database (more than one: PostgreSQL only). */
  baseUrls: string[];
  stop: () => Promise<void>;
};

/** The server as `npm start` runs it, in separate processes, on a fresh database. */
export async function startBenchServer(backend: Backend, instances = 1): Promise<BenchServer> {
  if (instances > 1 && backend !== 'postgres') {
    throw new Error('several instances share a PostgreSQL database only');
  }
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    closeDeviceConnections();
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const env: Record<string, string> = { ...BENCH_RATE_LIMIT };
    const dataDir = await mkdtemp(join(os.tmpdir(), 'lotse-bench-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
    env.LOTSE_STATIC_DIR = dataDir;
    env.DATABASE_URL = '';
    if (backend === 'postgres') {
      const database = await createTestDatabase();
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    }
    const baseUrls: string[] = [];
    for (let i = 0; i < instances; i += 1) {
      const server = await startServerProcess(env);
      cleanups.push(server.stop);
      baseUrls.push(server.baseUrl);
    }
    return { baseUrl: baseUrls[0] ?? '', baseUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type Reply<T> = { status: number; body: T };

// One keep-alive connection per device, as each phone has its own: Node's global fetch pools
// connections per origin, and with 200 devices on one pool some requests waited seconds behind
// others — latency of the load generator, not of the server.
const agents = new Map<string, Agent>();

function agentFor(token: string | undefined): Agent {
  const key = token ?? '';
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes the devices' connections (at the end of a run). */
export function closeDeviceConnections(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

export function callJson<T>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  json?: unknown,
  isRetry = false,
): Promise<Reply<T>> {
  const url = new URL(path, baseUrl);
  const body = json === undefined ? undefined : JSON.stringify(json);
  const headers: Record<string, string | number> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        agent: agentFor(token),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // The body of a benchmark reply is trusted to have the documented shape.
          resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server closed an idle keep-alive connection just as this request went out on it
      // (the race Node's http docs describe): the request never reached the server, so send it
      // again once on a fresh connection. Pushes are idempotent by change id anyway.
      if (req.reusedSocket && error.code === 'ECONNRESET' && !isRetry) {
        resolve(callJson<T>(baseUrl, method, path, token, json, true));
      } else {
        reject(error);
      }
    });
    req.end(body);
  });
}

const opaque = (bytes: number): string =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64');

/** A team of `size` devices: the first creates it, the others join by invite. */
export async function createTeamOf(baseUrl: string, size: number): Promise<DeviceCredentials[]> {
  const created = await callJson<CreateTeamResponse>(baseUrl, 'POST', syncPaths.teams, undefined, {
    keyMaterial: opaque(64),
  });
  if (created.status !== 201) throw new Error(`team creation failed: ${created.status}`);
  const devices: DeviceCredentials[] = [created.body];
  for (let i = 1; i < size; i += 1) {
    const claimToken = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString(
      'base64url',
    );
    const invite = await callJson<CreateInviteResponse>(
      baseUrl,
      'POST',
      syncPaths.invites,
      created.body.deviceToken,
      { claimToken, wrappedTeamKey: opaque(60) },
    );
    if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
    const claimed = await callJson<DeviceCredentials>(
      baseUrl,
      'POST',
      syncPaths.claimInvite(invite.body.inviteId),
      undefined,
      { claimToken, keyMaterial: opaque(64) },
    );
    if (claimed.status !== 201) throw new Error(`claim failed: ${claimed.status}`);
    devices.push(claimed.body);
  }
  return devices;
}

export { opaque as randomBase64 };

/** Nearest-rank percentile of unsorted values (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export function markdownTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}`;
}

/** True when the module is the script node was started with (`npx tsx tests/bench/x.ts`). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(resolve(entry)).href;
}

/** Median and range of repeated timings, e.g. "2710 ms (2530–3120)". */
export function medianOf(values: readonly number[]): number {
  return percentile(values, 50);
}
export const msRange = (values: readonly number[]): string =>
  values.length > 1
    ? `${ms(medianOf(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`
    : ms(values[0] ?? Number.NaN);

const CHILD_RESULT = '@@bench-result ';

/**
 * Runs a bench script in a fresh Node process and returns what it reported with
 * `reportToParent`: a measurement that must not inherit the heap, JIT state and open
 * connections of the parts measured before it in the same `npm run bench`.
 */
export async function runInChild<T>(script: string, env: Record<string, string> = {}): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, BENCH_CHILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let result: string | undefined;
  // Its progress lines pass through; the result line is kept.
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(CHILD_RESULT)) result = line.slice(CHILD_RESULT.length);
    else console.log(line);
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0 || result === undefined) throw new Error(`${script} failed (exit ${code})`);
  return JSON.parse(result) as T;
}

/** In a script started by runInChild: true, and the result goes to the parent. */
export const isBenchChild = (): boolean => process.env.BENCH_CHILD === '1';
export function reportToParent(result: unknown): void {
  console.log(`${CHILD_RESULT}${JSON.stringify(result)}`);
}
