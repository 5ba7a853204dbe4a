// Starts the production server (dist-server/) on a free port, serving a given static
// folder — for browser tests that need their own copy of the build (e.g. to ship an update).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export type AppServer = { url: string; staticDir: string; stop(): Promise<void> };

/** Copies dist/ to a temporary folder and serves it with the real server. */
export async function startAppServerWithCopy(): Promise<AppServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'lotse-dist-'));
  cpSync(join(ROOT, 'dist'), staticDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist-server/server/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOTSE_STATIC_DIR: staticDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('app server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    staticDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
