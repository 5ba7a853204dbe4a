// Reads the server's settings from the environment. Paths default relative to this module, so
// the same code works from src/server (tsx) and from dist-server/server (compiled).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type ServerConfig = {
  port: number;
  host: string;
  staticDir: string;
  version: string;
  /** Where the SQLite file (lotse.sqlite) lives when no DATABASE_URL is set. */
  dataDir: string;
  /** PostgreSQL connection string; unset means SQLite. */
  databaseUrl: string | undefined;
  /** Per-device token bucket (RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND); unset: the defaults. */
  rateLimit: { capacity: number; refillPerSecond: number } | undefined;
};

export type Env = Readonly<Record<string, string | undefined>>;

const repoRoot = new URL('../../', import.meta.url);

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

function parsePositive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new Error(`${name} must be a positive number, got "${value}"`);
  }
  return number;
}

export function parseRateLimit(env: Env): ServerConfig['rateLimit'] {
  const burst = env.RATE_LIMIT_BURST?.trim();
  const perSecond = env.RATE_LIMIT_PER_SECOND?.trim();
  if (!burst && !perSecond) return undefined;
  if (!burst || !perSecond) {
    throw new Error('Set both RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND, or neither');
  }
  return {
    capacity: parsePositive('RATE_LIMIT_BURST', burst),
    refillPerSecond: parsePositive('RATE_LIMIT_PER_SECOND', perSecond),
  };
}

export function readVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', repoRoot), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg) {
      return typeof pkg.version === 'string' ? pkg.version : 'dev';
    }
  } catch {
    // No package.json next to the build (e.g. copied without it): report "dev".
  }
  return 'dev';
}

export function readConfig(env: Env): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    staticDir: env.LOTSE_STATIC_DIR || fileURLToPath(new URL('dist', repoRoot)),
    version: readVersion(),
    dataDir: env.DATA_DIR || fileURLToPath(new URL('data', repoRoot)),
    databaseUrl: env.DATABASE_URL || undefined,
    rateLimit: parseRateLimit(env),
  };
}
