// Runs the real entry point (src/server/main.ts through tsx) as a child process on a free port,
// for tests that need separate server processes or kill one with SIGKILL, and the data such a
// process runs on (a SQLite folder or a PostgreSQL database), kept across restarts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';
import type { Backend } from './harness.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ServerProcess = {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL and wait for the exit. */
  kill: () => Promise<void>;
};

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const port = /Lotse listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port) {
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        child,
        output: () => output,
        stop: () => signal('SIGTERM'),
        kill: () => signal('SIGKILL'),
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type ServerData = {
  /** The environment for startServerProcess. */
  env: Record<string, string>;
  dataDir: string;
  /** The PostgreSQL database (postgres backend only). */
  database: TestDatabase | undefined;
  remove: () => Promise<void>;
};

/** A fresh data folder and, on PostgreSQL, a fresh database, for server processes that may
 * be stopped and started again on the same data; rate limits out of the way. */
export async function createServerData(backend: Backend): Promise<ServerData> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lotse-process-'));
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  return {
    // DATABASE_URL is set even for SQLite, so an outer environment cannot turn it into PostgreSQL.
    env: {
      DATA_DIR: dataDir,
      LOTSE_STATIC_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_SECOND: '100000',
    },
    dataDir,
    database,
    remove: async () => {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
