// Retry timing: exponential backoff with jitter, and the server's Retry-After.
import type { TransportFailure } from './transport';

export type BackoffOptions = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): "equal jitter", uniformly in
 * [cap/2, cap] with cap = min(maxMs, baseMs · 2^attempt). Half fixed, so retries do back
 * off; half random, so many phones coming back online at once do not retry in step.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date; null if absent/bad. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** How long to wait after `failure`: the backoff, but never less than the server asked. */
export function retryDelay(
  failure: TransportFailure,
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const backoff = backoffDelay(attempt, options, random);
  const asked = 'retryAfterMs' in failure ? (failure.retryAfterMs ?? 0) : 0;
  return Math.max(backoff, asked);
}
