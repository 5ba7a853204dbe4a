// Clients that go away mid-download must not crash the server or be logged as failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../../src/server/logger.js';
import {
  createStaticFixture,
  startServer,
  type RunningServer,
  type StaticFixture,
} from './fixture.js';

let fixture: StaticFixture;
let app: RunningServer;
const errors: string[] = [];
const bigSize = 16 * 1024 * 1024;

beforeAll(async () => {
  fixture = await createStaticFixture();
  await writeFile(join(fixture.staticDir, 'big.pdf'), Buffer.alloc(bigSize, 7));
  await writeFile(join(fixture.staticDir, 'big.json'), JSON.stringify('x'.repeat(1_000_000)));
  const log: Logger = { info: () => {}, error: (message) => errors.push(message) };
  app = await startServer(fixture.staticDir, log);
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

function abortAfterFirstChunk(path: string, acceptEncoding: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: app.port, path, headers: { 'Accept-Encoding': acceptEncoding } },
      (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

describe('aborted requests', () => {
  it('survives clients that disconnect mid-download', async () => {
    for (let i = 0; i < 5; i++) {
      await abortAfterFirstChunk('/big.pdf', 'identity');
      await abortAfterFirstChunk('/big.json', 'br');
    }
    const res = await fetch(`${app.baseUrl}/big.pdf`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(bigSize);
    expect(errors).toEqual([]);
  });

  it('survives a request whose body is cut off', async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: app.port,
        path: '/api/health',
        method: 'POST',
        headers: { 'Content-Length': '100000' },
      });
      req.on('error', () => resolve());
      req.write('{"partial":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    expect(errors).toEqual([]);
  });
});
