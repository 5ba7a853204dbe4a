// The sync settings read from the environment.
import { describe, expect, it } from 'vitest';
import { parseRateLimit, readConfig } from '../../../src/server/config.js';

describe('sync configuration', () => {
  it('uses SQLite in the repository data/ folder unless told otherwise', () => {
    const config = readConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/[/\\]data$/);
    expect(config.rateLimit).toBeUndefined();
  });

  it('takes DATA_DIR and DATABASE_URL (an empty one means SQLite)', () => {
    expect(readConfig({ DATA_DIR: '/srv/lotse' }).dataDir).toBe('/srv/lotse');
    expect(readConfig({ DATABASE_URL: 'postgres://x@db/lotse' }).databaseUrl).toBe(
      'postgres://x@db/lotse',
    );
    expect(readConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('reads the rate limit as a pair and refuses nonsense', () => {
    expect(parseRateLimit({ RATE_LIMIT_BURST: '500', RATE_LIMIT_PER_SECOND: '50' })).toEqual({
      capacity: 500,
      refillPerSecond: 50,
    });
    expect(() => parseRateLimit({ RATE_LIMIT_BURST: '500' })).toThrow(/both/);
    expect(() => parseRateLimit({ RATE_LIMIT_BURST: '0', RATE_LIMIT_PER_SECOND: '1' })).toThrow(
      /RATE_LIMIT_BURST must be a positive number/,
    );
    expect(() => parseRateLimit({ RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_SECOND: 'fast' })).toThrow(
      /RATE_LIMIT_PER_SECOND/,
    );
  });
});
