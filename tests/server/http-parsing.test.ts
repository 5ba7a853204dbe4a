// The small parsers behind the server, checked without a socket.
import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../src/server/cache-policy.js';
import { createCompressionCache } from '../../src/server/compression-cache.js';
import { chooseEncoding, etagMatches } from '../../src/server/http-negotiation.js';
import { hasExtension, parseRequestPath } from '../../src/server/request-path.js';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['x-gzip', 'gzip'],
    ['br;q=nonsense, gzip', 'gzip'],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('etagMatches', () => {
  const etag = 'W/"1a-2b"';
  it('compares weakly, in lists, and honours *', () => {
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches('"1a-2b"', etag)).toBe(true);
    expect(etagMatches('"x", W/"1a-2b"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"1a-2c"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe('parseRequestPath', () => {
  it('decodes and normalises', () => {
    expect(parseRequestPath('/cases//42/./forms?x=1')).toEqual({
      ok: true,
      pathname: '/cases/42/forms',
      segments: ['cases', '42', 'forms'],
      isDirectory: false,
    });
    expect(parseRequestPath('/F%C3%A4lle/')).toMatchObject({
      segments: ['Fälle'],
      isDirectory: true,
    });
    expect(parseRequestPath('/')).toMatchObject({ segments: [], isDirectory: false });
  });

  it.each([
    ['/..', 'forbidden'],
    ['/a/%2e%2e/b', 'forbidden'],
    ['/a%2fb', 'forbidden'],
    ['/a%5Cb', 'forbidden'],
    ['/a\\b', 'forbidden'],
    ['/a%00', 'forbidden'],
    ['/%E0%A4%A', 'malformed'],
    ['*', 'malformed'],
    ['http://host/', 'malformed'],
  ])('%s is %s', (target, reason) => {
    expect(parseRequestPath(target)).toEqual({ ok: false, reason });
  });

  it('knows extension-less client routes from files', () => {
    expect(hasExtension(['cases', '42'])).toBe(false);
    expect(hasExtension(['assets', 'app.js'])).toBe(true);
    expect(hasExtension(['.hidden'])).toBe(false);
  });
});

describe('cacheControlFor', () => {
  it('treats only /assets/* as immutable', () => {
    expect(cacheControlFor(['assets', 'app-1.js'])).toContain('immutable');
    expect(cacheControlFor(['assets'])).toBe('no-cache');
    expect(cacheControlFor(['sw.js'])).toBe('no-cache');
    expect(cacheControlFor(['workbox-abc.js'])).toBe('no-cache');
  });
});

describe('compression cache', () => {
  const text = Buffer.from('Lotse '.repeat(1000));

  it('reads and compresses each file version once', async () => {
    const cache = createCompressionCache();
    let reads = 0;
    const read = async (): Promise<Buffer> => {
      reads += 1;
      return text;
    };
    const version = { mtimeMs: 1, size: text.length };
    const [a, b] = await Promise.all([
      cache.get('/x.js', version, read, 'gzip'),
      cache.get('/x.js', version, read, 'gzip'),
    ]);
    expect(a.encoding).toBe('gzip');
    expect(b.body).toBe(a.body);
    expect(reads).toBe(1);
    await cache.get('/x.js', { mtimeMs: 2, size: text.length }, read, 'gzip');
    expect(reads).toBe(2);
  });

  it('keeps to its memory budget, dropping the least recently used', async () => {
    const cache = createCompressionCache(text.length * 3 * 2);
    let reads = 0;
    const read = async (): Promise<Buffer> => {
      reads += 1;
      return text;
    };
    const version = { mtimeMs: 1, size: text.length };
    await cache.get('/a', version, read, 'identity');
    await cache.get('/b', version, read, 'identity');
    await cache.get('/a', version, read, 'identity'); // hit; /b is now the oldest
    await cache.get('/c', version, read, 'identity'); // evicts /b
    expect(reads).toBe(3);
    await cache.get('/a', version, read, 'identity');
    expect(reads).toBe(3);
    await cache.get('/b', version, read, 'identity');
    expect(reads).toBe(4);
  });

  it('sends identity when compression would not make it smaller', async () => {
    const cache = createCompressionCache();
    const tiny = Buffer.from('x');
    const result = await cache.get('/t', { mtimeMs: 1, size: 1 }, async () => tiny, 'br');
    expect(result).toEqual({ body: tiny, encoding: 'identity' });
  });
});
