// Nothing outside the static folder may ever come back, however the path is spelled.
import { describe, expect, it } from 'vitest';
import { rawRequest, rawSocket, secretContent, useStaticServer } from './fixture.js';

const server = useStaticServer();

const attacks = [
  '/../package.json',
  '/../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e/secret.txt',
  '/%2E%2E/package.json',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/..%2F..%2Fpackage.json',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/assets\\..\\..\\secret.txt',
  '/secret.txt%00.html',
  '/%00../secret.txt',
  '/%252e%252e/secret.txt',
  '//..//secret.txt',
  '/./../secret.txt',
  '/leak.txt',
  '/outside/secret.txt',
  '/outside/package.json',
  '/.env',
  '/etc/passwd',
];

describe('path traversal', () => {
  it.each(attacks)('%s never leaks a file outside the static folder', async (target) => {
    for (const accept of ['*/*', 'text/html', 'application/json']) {
      const res = await rawRequest(server.app.port, target, { headers: { Accept: accept } });
      expect(res.body).not.toContain(secretContent);
      expect([200, 400, 404]).toContain(res.status);
      if (res.status === 200) {
        // Only the SPA shell may answer (an extension-less path from a browser).
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('<title>Lotse</title>');
      }
    }
  });

  it('rejects dot-dot segments and encoded separators with 400', async () => {
    for (const target of ['/../package.json', '/%2e%2e/x', '/a/..%2fb', '/a%5cb', '/a\\b']) {
      const res = await rawRequest(server.app.port, target);
      expect(res.status, target).toBe(400);
    }
  });

  it('rejects NUL bytes with 400', async () => {
    const res = await rawRequest(server.app.port, '/index.html%00');
    expect(res.status).toBe(400);
  });

  it('does not follow a symlink out of the static folder', async () => {
    const res = await rawRequest(server.app.port, '/leak.txt');
    expect(res.status).toBe(404);
  });

  it('answers malformed percent-encoding with 400 and stays up', async () => {
    const bad = await rawRequest(server.app.port, '/%E0%A4%A');
    expect(bad.status).toBe(400);
    const api = await rawRequest(server.app.port, '/api/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: 'bad-request', message: 'Bad request path' },
    });
    const ok = await rawRequest(server.app.port, '/');
    expect(ok.status).toBe(200);
  });

  it('refuses absolute-form request targets', async () => {
    const res = await rawRequest(server.app.port, 'http://evil.example/../secret.txt');
    expect(res.status).toBe(400);
    expect(res.body).not.toContain(secretContent);
  });

  it('survives requests Node cannot parse, with security headers on the answer', async () => {
    const answer = await rawSocket(server.app.port, 'GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('X-Content-Type-Options: nosniff');
    const garbage = await rawSocket(server.app.port, '\u0000\u0001\u0002 nonsense\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    const ok = await rawRequest(server.app.port, '/sw.js');
    expect(ok.status).toBe(200);
  });
});
