import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withErrorBoundary, type RequestHandler } from '../../src/server/error-boundary.js';
import type { Logger } from '../../src/server/logger.js';
import { securityHeaders } from '../../src/server/security-headers.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  server = undefined;
});

async function serve(handler: RequestHandler): Promise<{ url: string; logged: string[] }> {
  const logged: string[] = [];
  const log: Logger = { info: () => {}, error: (message) => logged.push(message) };
  server = createServer(withErrorBoundary(handler, log));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, logged };
}

describe('withErrorBoundary', () => {
  it('turns a thrown error into a logged 500 envelope without internals', async () => {
    const { url, logged } = await serve(() => {
      throw new Error('secret stack detail');
    });
    const res = await fetch(`${url}/cases?token=abc`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-security-policy')).toBe(
      securityHeaders['Content-Security-Policy'],
    );
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Internal server error' },
    });
    expect(text).not.toContain('secret stack detail');
    expect(logged).toEqual(['Internal error on GET /cases']);
  });

  it('catches rejected promises and stays up', async () => {
    let calls = 0;
    const { url } = await serve(async () => {
      calls += 1;
      await Promise.resolve();
      throw new Error('async boom');
    });
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(500);
    expect(calls).toBe(2);
  });

  it('drops headers the handler set before failing', async () => {
    const { url } = await serve((_req, res) => {
      res.setHeader('Content-Encoding', 'br');
      res.setHeader('ETag', '"x"');
      throw new Error('half-way');
    });
    const res = await fetch(url);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
  });

  it('cuts the connection when the failure comes after the headers', async () => {
    const { url, logged } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
      throw new Error('mid-body');
    });
    await expect(fetch(url).then((res) => res.text())).rejects.toThrow();
    expect(logged).toHaveLength(1);
  });
});
