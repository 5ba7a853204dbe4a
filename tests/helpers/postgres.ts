// A real PostgreSQL for the sync server's tests. Makes sure the local cluster runs (starting it
// with pg_ctlcluster when it is down), creates a test role and one fresh database per caller,
// copies it on request (a backup to restore), and drops them afterwards. Needs root (or the
// postgres user) on a Debian-style install; scripts/ensure-system.sh installs PostgreSQL.
// Without it, tests fail loudly.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

const role = 'lotse_test';
const password = 'lotse-test-password';

type Cluster = { version: string; name: string; port: number; running: boolean };

const notInstalled =
  'PostgreSQL is not installed (pg_lsclusters not found). Run `bash scripts/ensure-system.sh` ' +
  "(it installs Debian's postgresql package); the sync server tests need a real PostgreSQL.";

async function clusters(): Promise<Cluster[]> {
  let stdout: string;
  try {
    ({ stdout } = await run('pg_lsclusters', ['--no-header']));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(notInstalled);
    }
    throw error;
  }
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && cols[0])
    .map(([version = '', name = '', port = '', status = '']) => ({
      version,
      name,
      port: Number(port),
      running: status.startsWith('online'),
    }));
}

/** The newest cluster, started if it is down. */
async function runningCluster(): Promise<Cluster> {
  const all = await clusters();
  const cluster = all.sort((a, b) => Number(b.version) - Number(a.version))[0];
  if (!cluster) throw new Error(`${notInstalled} (no cluster found by pg_lsclusters)`);
  if (cluster.running) return cluster;
  try {
    await run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
  } catch (error) {
    // Another test file may have started it a moment ago; only fail if it is still down.
    const again = (await clusters()).find(
      (c) => c.version === cluster.version && c.name === cluster.name,
    );
    if (!again?.running) {
      throw new Error(
        `Could not start PostgreSQL ${cluster.version}/${cluster.name}: ${String(error)}`,
      );
    }
  }
  return { ...cluster, running: true };
}

async function psql(port: number, sql: string, database = 'postgres'): Promise<void> {
  await run('runuser', [
    '-u',
    'postgres',
    '--',
    'psql',
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-p',
    String(port),
    '-d',
    database,
    '-c',
    sql,
  ]).catch((error: unknown) => {
    const detail =
      error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(
      `psql as the postgres user failed (the tests run it through runuser, which needs root): ${detail}`,
    );
  });
}

export type TestDatabase = {
  url: string;
  name: string;
  drop: () => Promise<void>;
  /** A copy of the database as it is now (no connection may be open to it), e.g. a backup;
   * `restore` puts the copy back in place of the database. Dropped with the database. */
  copy: () => Promise<{ restore: () => Promise<void> }>;
};

/** A fresh, empty database owned by the test role, on the local cluster. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { port } = await runningCluster();
  await psql(
    port,
    `DO $$ BEGIN
       CREATE ROLE ${role} LOGIN PASSWORD '${password}';
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$;`,
  );
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  await psql(port, `CREATE DATABASE ${name} OWNER ${role}`);
  const copies: string[] = [];
  return {
    name,
    url: `postgres://${role}:${password}@127.0.0.1:${port}/${name}`,
    drop: async () => {
      for (const database of [name, ...copies]) {
        await psql(port, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
    },
    copy: async () => {
      const copy = `${name}_copy${copies.length + 1}`;
      copies.push(copy);
      await psql(port, `CREATE DATABASE ${copy} TEMPLATE ${name} OWNER ${role}`);
      return {
        restore: async () => {
          await psql(port, `DROP DATABASE ${name} WITH (FORCE)`);
          await psql(port, `CREATE DATABASE ${name} TEMPLATE ${copy} OWNER ${role}`);
        },
      };
    },
  };
}
