import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay } from '../../../src/sync/backoff';

const options = { baseMs: 1000, maxMs: 60_000 };

describe('backoff', () => {
  it('stays within [cap/2, cap], cap doubling up to the maximum', () => {
    fc.assert(
      fc.property(
        fc.nat(60),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const cap = Math.min(60_000, 1000 * 2 ** attempt);
          const delay = backoffDelay(attempt, options, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(cap / 2));
          expect(delay).toBeLessThanOrEqual(cap);
        },
      ),
    );
    expect(backoffDelay(0, options, () => 0)).toBe(500);
    expect(backoffDelay(3, options, () => 0.999999)).toBe(8000);
    expect(backoffDelay(1000, options, () => 0)).toBe(30_000);
  });

  it('spreads retries (jitter): many draws are not all the same', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, options)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('reads Retry-After as seconds or as an HTTP date, and never retries sooner', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    const limited = { code: 'rate-limited', retryAfterMs: 90_000 } as const;
    expect(retryDelay(limited, 0, options, () => 0)).toBe(90_000);
    expect(retryDelay({ code: 'network-error' }, 2, options, () => 0)).toBe(2000);
  });
});
