import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { appJs, indexHtml, manifest, swJs, useStaticServer } from './fixture.js';

const server = useStaticServer();

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.app.baseUrl}${path}`, { headers });

/** fetch always decompresses; this keeps the bytes as sent, to check them ourselves. */
function getCompressed(
  path: string,
  acceptEncoding: string,
): Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.app.port,
        path,
        headers: { 'Accept-Encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            vary: res.headers.vary,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('content types', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/style-def456.css', 'text/css; charset=utf-8'],
    ['/sw.js', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/icons/icon.svg', 'image/svg+xml'],
    ['/icons/icon-192.png', 'image/png'],
  ])('%s is served as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves the files byte for byte', async () => {
    expect(await (await get('/')).text()).toBe(indexHtml);
    expect(await (await get('/assets/app-abc123.js')).text()).toBe(appJs);
    expect(await (await get('/sw.js')).text()).toBe(swJs);
    expect(await (await get('/manifest.webmanifest')).text()).toBe(manifest);
  });

  it('ignores the query string', async () => {
    const res = await get('/?source=pwa');
    expect(await res.text()).toBe(indexHtml);
  });
});

describe('SPA fallback', () => {
  it('answers client-side routes with index.html for browsers', async () => {
    for (const path of ['/cases', '/cases/42/forms', '/settings/']) {
      const res = await get(path, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(await res.text()).toBe(indexHtml);
    }
  });

  it('does not fall back when the client does not want HTML', async () => {
    const res = await get('/cases/42', { Accept: 'application/json' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not-found', message: 'Not found' } });
  });

  it('answers a missing asset with 404, even for a browser', async () => {
    for (const path of ['/assets/app-gone99.js', '/missing.css', '/icons/nope.png']) {
      const res = await get(path, { Accept: 'text/html,*/*' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 404 in the envelope when the client accepts JSON', async () => {
    const res = await get('/assets/app-gone99.js', { Accept: 'application/json' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: { code: 'not-found', message: 'Not found' } });
  });
});

describe('caching', () => {
  it('caches hashed assets for a year', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/icons/icon.svg'])(
    '%s must be revalidated',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('answers 304 to a matching If-None-Match, with no body', async () => {
    const first = await get('/assets/app-abc123.js');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/assets/app-abc123.js', { 'If-None-Match': `"other", ${etag ?? ''}` });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await again.text()).toBe('');
  });

  it('answers 200 when the ETag does not match', async () => {
    const res = await get('/sw.js', { 'If-None-Match': 'W/"0-0"' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(swJs);
  });
});

describe('compression', () => {
  it('sends gzip that inflates to the original', async () => {
    const res = await getCompressed('/assets/app-abc123.js', 'gzip, deflate');
    expect(res.encoding).toBe('gzip');
    expect(res.vary).toContain('Accept-Encoding');
    expect(res.body.length).toBeLessThan(appJs.length);
    expect(gunzipSync(res.body).toString('utf8')).toBe(appJs);
  });

  it('prefers brotli when the client accepts it', async () => {
    const res = await getCompressed('/', 'gzip, deflate, br');
    expect(res.encoding).toBe('br');
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(indexHtml);
  });

  it('respects q=0 and sends identity when nothing else is acceptable', async () => {
    const noBr = await getCompressed('/assets/app-abc123.js', 'br;q=0, gzip');
    expect(noBr.encoding).toBe('gzip');
    const none = await getCompressed('/assets/app-abc123.js', 'identity');
    expect(none.encoding).toBeUndefined();
    expect(none.body.toString('utf8')).toBe(appJs);
  });

  it('gives the same bytes on repeated requests (served from the cache)', async () => {
    const a = await getCompressed('/assets/app-abc123.js', 'br');
    const b = await getCompressed('/assets/app-abc123.js', 'br');
    expect(b.body.equals(a.body)).toBe(true);
  });

  it('does not compress images', async () => {
    const res = await getCompressed('/icons/icon-192.png', 'gzip, br');
    expect(res.encoding).toBeUndefined();
  });
});

describe('HEAD', () => {
  it('returns the headers of GET and no body', async () => {
    const head = await fetch(`${server.app.baseUrl}/assets/app-abc123.js`, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(appJs)));
    expect(head.headers.get('etag')).toMatch(/^W\//);
    expect(await head.text()).toBe('');
  });
});
