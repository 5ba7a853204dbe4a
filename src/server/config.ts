// Reads the server's settings from the environment. Paths default relative to this module, so
// the same code works from src/server (tsx) and from dist-server/server (compiled).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type ServerConfig = { port: number; host: string; staticDir: string; version: string };

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
  };
}
