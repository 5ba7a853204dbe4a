// Token buckets in memory, one per device (or per address for unauthenticated calls). The only
// per-process state of the sync server: behind a load balancer each instance limits on its own,
// which is good enough to stop a runaway client.
export type RateLimitSettings = { capacity: number; refillPerSecond: number };
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };
export type RateLimiter = { take: (key: string, now: number) => Take };

export const defaultRateLimit: RateLimitSettings = { capacity: 120, refillPerSecond: 20 };

type Bucket = { tokens: number; at: number };

export function createRateLimiter(settings: RateLimitSettings, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const level = (bucket: Bucket, now: number): number =>
    Math.min(
      settings.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * settings.refillPerSecond,
    );

  const prune = (now: number): void => {
    for (const [key, bucket] of buckets) {
      if (level(bucket, now) >= settings.capacity) buckets.delete(key);
    }
  };

  return {
    take(key, now) {
      const bucket = buckets.get(key) ?? { tokens: settings.capacity, at: now };
      const tokens = level(bucket, now);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        const wait = (1 - tokens) / settings.refillPerSecond;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > maxKeys) prune(now);
      return { ok: true };
    },
  };
}
