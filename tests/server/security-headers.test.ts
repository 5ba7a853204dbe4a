import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/server/security-headers.js';
import { rawRequest, useStaticServer } from './fixture.js';

const server = useStaticServer();

const cases: Array<[string, string, number]> = [
  ['GET', '/', 200],
  ['GET', '/assets/app-abc123.js', 200],
  ['HEAD', '/sw.js', 200],
  ['GET', '/api/health', 200],
  ['GET', '/missing.js', 404],
  ['GET', '/api/nope', 404],
  ['POST', '/', 405],
  ['DELETE', '/api/health', 405],
  ['GET', '/../secret.txt', 400],
  ['GET', `/${'a'.repeat(9000)}`, 414],
];

describe('security headers', () => {
  it.each(cases)('%s %s (%i) carries every security header', async (method, target, status) => {
    const res = await rawRequest(server.app.port, target, { method });
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(res.headers[name.toLowerCase()], name).toBe(value);
    }
    expect(res.headers.server).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('has the agreed policy: nothing inline, nothing third-party', () => {
    const csp = securityHeaders['Content-Security-Policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(securityHeaders['Permissions-Policy']).toContain('camera=(self)');
    expect(securityHeaders['Permissions-Policy']).toContain('microphone=()');
    expect(securityHeaders['Permissions-Policy']).toContain('geolocation=()');
    expect(securityHeaders['Permissions-Policy']).toContain('interest-cohort=()');
  });
});
