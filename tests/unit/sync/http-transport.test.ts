// The HTTP transport against a real node:http server on a random port, answering as the
// sync server does (status codes, error envelope, Retry-After), or cutting the connection.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePullPage } from '../../../src/server/sync/pull-page';
import { pullPageMediaType } from '../../../src/shared/sync-protocol';
import { createHttpTransport } from '../../../src/sync/http-transport';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_req, res) => res.end();
const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
    handler(req, res, body);
  });
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const envelope = (code: string, extra = {}) => ({ error: { code, message: code }, ...extra });

describe('HTTP transport', () => {
  it('sends the bearer token and the push as JSON, and reads the results', async () => {
    handler = json(200, { results: [], seq: 7 });
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok' });
    expect(await transport.push({ changes: [] })).toEqual({
      ok: true,
      value: { results: [], seq: 7 },
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/v1/sync/push',
      auth: 'Bearer tok',
      body: '{"changes":[]}',
    });
    handler = json(200, { records: [], nextCursor: 5, hasMore: false });
    expect((await transport.pull(5, 100)).ok).toBe(true);
    expect(seen.at(-1)?.url).toBe('/api/v1/sync/pull?after=5&limit=100');
  });

  it.each([
    [
      json(429, envelope('rate-limited'), { 'retry-after': '30' }),
      { code: 'rate-limited', retryAfterMs: 30_000 },
    ],
    [
      json(503, envelope('unavailable')),
      { code: 'server-unavailable', status: 503, retryAfterMs: null },
    ],
    [json(500, 'oops'), { code: 'server-unavailable', status: 500, retryAfterMs: null }],
    [json(401, envelope('device-revoked', { wipe: true })), { code: 'device-revoked', wipe: true }],
    [json(401, envelope('unauthorized')), { code: 'unauthorized' }],
    [
      json(400, envelope('invalid-request')),
      { code: 'request-refused', status: 400, apiCode: 'invalid-request' },
    ],
    [
      json(200, { unexpected: true }),
      { code: 'request-refused', status: 200, apiCode: 'bad-response' },
    ],
  ] as [Handler, unknown][])('maps an answer to a failure value (%#)', async (answer, failure) => {
    handler = answer;
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok' });
    expect(await transport.pull(0, 10)).toEqual({
      ok: false,
      code: (failure as { code: string }).code,
      failure,
    });
  });

  it('asks for binary pull pages, reads them, and refuses one that does not add up', async () => {
    const page = encodePullPage({
      records: [
        {
          id: 'r1',
          kind: 'person',
          rev: 1,
          seq: 4,
          keyEpoch: 1,
          deleted: false,
          changeId: 'c1',
          ciphertext: Buffer.from([9, 8, 7]),
        },
      ],
      nextCursor: 4,
      hasMore: false,
      seq: 4,
      cursorKnown: true,
    });
    let accept: string | undefined;
    const binary =
      (body: Buffer): Handler =>
      (req, res) => {
        accept = req.headers.accept;
        res.writeHead(200, { 'content-type': pullPageMediaType });
        res.end(body);
      };
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok' });
    handler = binary(page);
    const pulled = await transport.pull(3, 10);
    expect(accept).toContain(pullPageMediaType);
    expect(
      pulled.ok && pulled.value.records.map((r) => [r.id, [...(r.ciphertext as Uint8Array)]]),
    ).toEqual([['r1', [9, 8, 7]]]);
    handler = binary(page.subarray(0, page.length - 1));
    expect(await transport.pull(3, 10)).toMatchObject({
      ok: false,
      failure: { code: 'request-refused', status: 200, apiCode: 'bad-response' },
    });
    // Binary bytes under a JSON content type are not JSON either.
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(page);
    };
    expect(await transport.pull(3, 10)).toMatchObject({ ok: false, code: 'request-refused' });
  });

  it('a connection cut mid-response or a server that never answers is a network error', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"records":[');
      res.destroy();
    };
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok', requestTimeoutMs: 300 });
    expect(await transport.pull(0, 10)).toMatchObject({ ok: false, code: 'network-error' });
    handler = () => undefined; // never answers
    expect(await transport.push({ changes: [] })).toMatchObject({
      ok: false,
      code: 'network-error',
    });
    const offline = createHttpTransport({ baseUrl: 'http://127.0.0.1:1', deviceToken: 'tok' });
    expect(await offline.pull(0, 10)).toMatchObject({ ok: false, code: 'network-error' });
  });

  it('a body cut after the headers arrived is a network error, not a refused request', async () => {
    // The headers reach the client first; the cut comes while it reads the body. (Reading the
    // body with .json().catch() once turned this into request-refused, which halts sync.)
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.flushHeaders();
      setTimeout(() => {
        res.write('{"records":[{"id":"');
        setTimeout(() => res.destroy(), 30);
      }, 30);
    };
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok' });
    expect(await transport.pull(0, 10)).toMatchObject({ ok: false, code: 'network-error' });
  });

  it('long-polls with the timeout in the query and can be aborted', async () => {
    handler = json(200, { seq: 9, changed: true });
    const transport = createHttpTransport({ baseUrl, deviceToken: 'tok' });
    expect(await transport.events(4, 25)).toEqual({ ok: true, value: { seq: 9, changed: true } });
    expect(seen.at(-1)?.url).toBe('/api/v1/sync/events?after=4&timeout=25');
    handler = () => undefined;
    const controller = new AbortController();
    const waiting = transport.events(9, 25, controller.signal);
    controller.abort();
    expect(await waiting).toMatchObject({ ok: false, code: 'network-error' });
  });
});
