import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../src/sync/map-concurrent';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrent', () => {
  it('keeps list order although later items finish first', async () => {
    const items = [30, 1, 20, 2, 10];
    const results = await mapConcurrent(items, 3, async (ms) => {
      await tick(ms);
      return ms * 2;
    });
    expect(results).toEqual([60, 2, 40, 4, 20]);
  });

  it('never has more than `limit` steps in flight, and uses the limit', async () => {
    let inFlight = 0;
    let most = 0;
    await mapConcurrent(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick(i % 3);
        inFlight -= 1;
      },
    );
    expect(most).toBe(4);
  });

  it('handles an empty list and rejects when a step fails', async () => {
    expect(await mapConcurrent([], 8, async () => 1)).toEqual([]);
    await expect(
      mapConcurrent([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
  });
});
