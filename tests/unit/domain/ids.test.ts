import { describe, expect, it } from 'vitest';
import { createIdGenerator, newId, timestampOfId } from '../../../src/domain/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const zeros = (length: number): Uint8Array => new Uint8Array(length);

describe('newId', () => {
  it('returns lowercase UUIDv7 strings with version 7 and variant 10xx', () => {
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('generates 10,000 unique ids that sort in generation order', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) {
      expect(ids[i]! > ids[i - 1]!).toBe(true);
    }
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('encodes the current time', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const ts = timestampOfId(id);
    expect(ts).toBeGreaterThanOrEqual(before);
    // A burst of earlier ids in this process may push the timestamp a few ms ahead.
    expect(ts).toBeLessThanOrEqual(after + 10);
  });
});

describe('createIdGenerator', () => {
  it('stays monotonic within one millisecond and advances the time on counter overflow', () => {
    // Zero random bytes: the counter starts at 0 and overflows after 4096 ids.
    const next = createIdGenerator({ now: () => 1_700_000_000_000, randomBytes: zeros });
    const ids = Array.from({ length: 5000 }, () => next());
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
    expect(timestampOfId(ids[0]!)).toBe(1_700_000_000_000);
    expect(timestampOfId(ids[4095]!)).toBe(1_700_000_000_000);
    expect(timestampOfId(ids[4096]!)).toBe(1_700_000_000_001);
    expect(ids[0]).toBe('018bcfe5-6800-7000-8000-000000000000');
    expect(ids[1]).toBe('018bcfe5-6800-7001-8000-000000000000');
  });

  it('stays monotonic when the clock steps backwards', () => {
    const times = [5_000, 4_000, 4_000, 6_000];
    const next = createIdGenerator({ now: () => times.shift() ?? 6_000 });
    const ids = [next(), next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(timestampOfId)).toEqual([5_000, 5_000, 5_000, 6_000]);
  });

  it('puts the variant bits into rand_b whatever the random bytes are', () => {
    const next = createIdGenerator({
      now: () => 0,
      randomBytes: (n) => new Uint8Array(n).fill(0xff),
    });
    const id = next();
    expect(id).toMatch(UUID_V7);
    expect(id).toBe('00000000-0000-77ff-bfff-ffffffffffff');
  });
});

describe('timestampOfId', () => {
  it('reads the RFC 9562 example UUIDv7 (A.6)', () => {
    const ts = timestampOfId('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
    expect(ts).toBe(1645557742000);
    expect(new Date(ts).toISOString()).toBe('2022-02-22T19:22:22.000Z');
    expect(timestampOfId('017F22E2-79B0-7CC3-98C4-DC0C0C07398F')).toBe(1645557742000);
  });

  it('returns NaN for anything that is not a UUIDv7', () => {
    expect(timestampOfId('')).toBeNaN();
    expect(timestampOfId('not-an-id')).toBeNaN();
    // A version 4 UUID
    expect(timestampOfId('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBeNaN();
  });
});
