// Starts the production server (dist-server/) on a free port — for browser tests that need
// their own server (e.g. one serving a copy of the build to ship an update) and for the
// benchmark. The server is the real one: same headers, compression and caching as `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 15_000;

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

/** Serves `staticDir` (default: the build in dist/) with the real server until `stop()`. */
export async function startAppServer(staticDir = join(ROOT, 'dist')): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist-server/server/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOTSE_STATIC_DIR: staticDir },
    // stdout is drained (a full pipe would block the server); errors go to our stderr.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
  const stopChild = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stopChild();
      throw new Error('app server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, staticDir, stop: stopChild };
}

/** Copies dist/ to a temporary folder and serves the copy (which a test may then change). */
export async function startAppServerWithCopy(): Promise<AppServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'lotse-dist-'));
  cpSync(join(ROOT, 'dist'), staticDir, { recursive: true });
  try {
    const server = await startAppServer(staticDir);
    return {
      ...server,
      async stop() {
        await server.stop();
        rmSync(staticDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(staticDir, { recursive: true, force: true });
    throw error;
  }
}
