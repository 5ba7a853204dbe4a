import { afterAll, beforeAll } from 'vitest';
// Shared set-up for the server tests: a temporary static folder shaped like a Vite build, a
// secret file next to it that must never be served, and a server on a random port.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotseServer } from '../../src/server/app.js';
import type { Logger } from '../../src/server/logger.js';

export const secretContent = 'TOP-SECRET-do-not-serve-7f3a';

// Long enough that compression is clearly worth it.
export const appJs = `export const greeting = 'Moin';\n${'console.log("Lotse", greeting);\n'.repeat(200)}`;
export const indexHtml = `<!doctype html><html lang="de"><head><title>Lotse</title></head><body><div id="app"></div>${'<!-- shell -->'.repeat(100)}<script type="module" src="/assets/app-abc123.js"></script></body></html>`;
export const swJs = "self.addEventListener('install', () => self.skipWaiting());\n";
export const manifest = JSON.stringify({ name: 'Lotse', start_url: '/', display: 'standalone' });

export type StaticFixture = { root: string; staticDir: string; cleanup: () => Promise<void> };

export async function createStaticFixture(): Promise<StaticFixture> {
  const root = await mkdtemp(join(tmpdir(), 'lotse-server-'));
  const staticDir = join(root, 'dist');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await mkdir(join(staticDir, 'icons'));
  await writeFile(join(staticDir, 'index.html'), indexHtml);
  await writeFile(join(staticDir, 'assets', 'app-abc123.js'), appJs);
  await writeFile(join(staticDir, 'assets', 'style-def456.css'), 'body{margin:0}\n');
  await writeFile(join(staticDir, 'sw.js'), swJs);
  await writeFile(join(staticDir, 'manifest.webmanifest'), manifest);
  await writeFile(join(staticDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  await writeFile(
    join(staticDir, 'icons', 'icon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  await writeFile(join(staticDir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(staticDir, '.env'), secretContent);
  // Next to the static folder, and reachable only by escaping it.
  await writeFile(join(root, 'secret.txt'), secretContent);
  await writeFile(join(root, 'package.json'), secretContent);
  await symlink(join(root, 'secret.txt'), join(staticDir, 'leak.txt'));
  await symlink(root, join(staticDir, 'outside'));
  return { root, staticDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export type RunningServer = {
  server: Server;
  port: number;
  baseUrl: string;
  close: () => Promise<void>;
};

export async function startServer(staticDir: string, log?: Logger): Promise<RunningServer> {
  const quiet: Logger = { info: () => {}, error: () => {} };
  const server = createLotseServer({ staticDir, version: '9.9.9-test', log: log ?? quiet });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { server, port, baseUrl: `http://127.0.0.1:${port}`, close };
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request with the target sent byte for byte, unlike fetch, which normalises URLs. */
export function rawRequest(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Bytes straight onto a socket, for requests Node's own client refuses to send. */
export function rawSocket(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/** Starts a server over a fresh static fixture for the whole test file (vitest hooks). */
export function useStaticServer(): { fixture: StaticFixture; app: RunningServer } {
  const context = {} as { fixture: StaticFixture; app: RunningServer };
  beforeAll(async () => {
    context.fixture = await createStaticFixture();
    context.app = await startServer(context.fixture.staticDir);
  });
  afterAll(async () => {
    await context.app.close();
    await context.fixture.cleanup();
  });
  return context;
}
