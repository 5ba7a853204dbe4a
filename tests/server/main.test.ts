// Starts the real entry point (through tsx, no build needed) the way `npm start` would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createStaticFixture, indexHtml, type StaticFixture } from './fixture.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let fixture: StaticFixture;

beforeAll(async () => {
  fixture = await createStaticFixture();
});

afterAll(async () => {
  await fixture.cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: () => string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out; output so far:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('src/server/main.ts', () => {
  it('listens on PORT, serves LOTSE_STATIC_DIR, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_STATIC_DIR: fixture.staticDir,
      DATA_DIR: join(fixture.root, 'data'),
    });
    try {
      await waitFor(() => main.output().includes('Lotse listening on'), main.output);
      expect(main.output()).toContain(`Lotse listening on http://localhost:${port}`);
      // Nothing to set up: the SQLite sync store is created on first start.
      expect(existsSync(join(fixture.root, 'data', 'lotse.sqlite'))).toBe(true);

      const pkgText = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
      const pkg = JSON.parse(pkgText) as { version: string };
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ ok: true, version: pkg.version });
      const index = await fetch(`http://127.0.0.1:${port}/`);
      expect(await index.text()).toBe(indexHtml);

      // fetch keeps its connection alive: shutdown must not wait for it.
      const pid = main.child.pid ?? 0;
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, 'SIGTERM');
      expect(await main.exited).toBe(0);
      expect(main.output()).toContain('Received SIGTERM');
    } finally {
      if (main.child.exitCode === null && main.child.pid) process.kill(main.child.pid, 'SIGKILL');
    }
  }, 30_000);

  it('refuses an invalid PORT with exit code 1', async () => {
    const main = startMain({ PORT: 'eighty', LOTSE_STATIC_DIR: fixture.staticDir });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain('PORT must be an integer');
  }, 30_000);
});
