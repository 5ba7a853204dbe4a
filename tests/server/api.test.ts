import { describe, expect, it } from 'vitest';
import { isApiErrorEnvelope } from '../../src/shared/api-errors.js';
import { rawRequest, useStaticServer } from './fixture.js';

const server = useStaticServer();

describe('/api/health', () => {
  it('reports ok and the version, never cached', async () => {
    const res = await fetch(`${server.app.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, version: '9.9.9-test' });
  });

  it('answers HEAD with headers only', async () => {
    const res = await fetch(`${server.app.baseUrl}/api/health`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const res = await fetch(`${server.app.baseUrl}/api/health`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const body: unknown = await res.json();
    expect(isApiErrorEnvelope(body)).toBe(true);
    expect(body).toMatchObject({ error: { code: 'method-not-allowed' } });
  });
});

describe('API errors', () => {
  it.each(['/api', '/api/', '/api/sync', '/api/health/extra', '/api/__proto__', '/api/toString'])(
    '%s is a 404 in the envelope, whatever the client accepts',
    async (path) => {
      const res = await fetch(`${server.app.baseUrl}${path}`, { headers: { Accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body: unknown = await res.json();
      expect(isApiErrorEnvelope(body)).toBe(true);
      expect(body).toMatchObject({ error: { code: 'not-found' } });
    },
  );

  it('never falls back to index.html under /api', async () => {
    const res = await fetch(`${server.app.baseUrl}/api/cases`, {
      headers: { Accept: 'text/html' },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<html');
  });
});

describe('static methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s / is 405 with Allow', async (m) => {
    const res = await rawRequest(server.app.port, '/', { method: m });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).not.toContain('<html');
  });

  it('answers 405 in the envelope to a JSON client', async () => {
    const res = await rawRequest(server.app.port, '/index.html', {
      method: 'PUT',
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'method-not-allowed', message: 'Method not allowed' },
    });
  });

  it('answers an unknown method with 400 and keeps serving', async () => {
    const res = await rawRequest(server.app.port, '/', { method: 'BREW' });
    expect(res.status).toBe(400);
    expect((await rawRequest(server.app.port, '/')).status).toBe(200);
  });
});

describe('long URLs', () => {
  it('answers 414 above 8 KB', async () => {
    const res = await rawRequest(server.app.port, `/cases/${'x'.repeat(8200)}`);
    expect(res.status).toBe(414);
    const api = await rawRequest(server.app.port, `/api/health?${'q'.repeat(8200)}`);
    expect(api.status).toBe(414);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'bad-request' } });
  });

  it('still serves a long but acceptable URL', async () => {
    const res = await rawRequest(server.app.port, `/?${'q'.repeat(4000)}`);
    expect(res.status).toBe(200);
  });

  it('answers 431 to headers beyond what Node accepts, and stays up', async () => {
    const res = await rawRequest(server.app.port, '/', {
      headers: { 'X-Big': 'y'.repeat(20_000) },
    });
    expect(res.status).toBe(431);
    expect((await rawRequest(server.app.port, '/')).status).toBe(200);
  });
});
