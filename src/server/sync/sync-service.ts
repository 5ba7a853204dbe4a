// The sync endpoint (/api/v1/*): routing, authentication, rate limits, then the handler.
// Stateless apart from rate-limit buckets and long-poll waiters: all data lives in the store.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { syncApiPrefix } from '../../shared/sync-protocol.js';
import type { Logger } from '../logger.js';
import { authenticate } from './auth.js';
import { createRateLimiter, defaultRateLimit, type RateLimitSettings } from './rate-limit.js';
import { createSeqWatcher } from './seq-watcher.js';
import { isStoreUnavailable } from './store/store-errors.js';
import type { SyncStore } from './store/store-types.js';
import type { SyncServices } from './sync-context.js';
import { sendSyncError } from './sync-errors.js';
import { matchSyncRoute } from './sync-routes.js';

export type SyncServiceOptions = {
  store: SyncStore;
  log: Logger;
  rateLimit?: RateLimitSettings;
  /** How often waiting long-polls look at the database (ms); default 250. */
  pollIntervalMs?: number;
  now?: () => number;
};

export type SyncService = {
  handle: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;
  /** Answers waiting long-polls and stops polling; the store is closed by its owner. */
  close: () => void;
};

export const isSyncPath = (pathname: string): boolean =>
  pathname === syncApiPrefix || pathname.startsWith(`${syncApiPrefix}/`);

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { store } = options;
  const services: SyncServices = {
    store,
    watcher: createSeqWatcher((ids) => store.teamSeqs(ids), options.pollIntervalMs ?? 250),
    limiter: createRateLimiter(options.rateLimit ?? defaultRateLimit),
    now: options.now ?? Date.now,
    log: options.log,
  };

  const limited = (req: IncomingMessage, res: ServerResponse, key: string): boolean => {
    const take = services.limiter.take(key, Date.now());
    if (take.ok) return false;
    req.resume();
    sendSyncError(req, res, 'rate-limited', 'Too many requests', {
      retryAfterSeconds: take.retryAfterSeconds,
    });
    return true;
  };

  async function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    const segments = pathname.slice(syncApiPrefix.length).split('/').filter(Boolean);
    const match = matchSyncRoute(req.method ?? '', segments);
    if (match.kind !== 'found') {
      req.resume();
      if (match.kind === 'wrong-method') {
        const message = `${pathname} does not take ${req.method}`;
        return sendSyncError(req, res, 'method-not-allowed', message, { allow: match.allow });
      }
      if (match.kind === 'bad-param') {
        return sendSyncError(req, res, 'invalid-id', `Malformed ${match.name} in the path`);
      }
      return sendSyncError(req, res, 'not-found', `No API endpoint at ${pathname}`);
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const call = { req, res, params: match.params, query, services };
    const address = `ip:${req.socket.remoteAddress ?? '?'}`;
    const { route } = match;
    if (route.access === 'public') {
      if (limited(req, res, address)) return;
      return route.handle(call);
    }
    const device = await authenticate(req, store);
    if (!device.ok) {
      // Guessing tokens costs from the address's bucket.
      if (limited(req, res, address)) return;
      req.resume();
      const message =
        device.code === 'device-revoked' ? 'This device was revoked' : 'Unknown token';
      return sendSyncError(req, res, device.code, message);
    }
    if (limited(req, res, `device:${device.value.deviceId}`)) return;
    if (route.access === 'admin' && device.value.role !== 'admin') {
      req.resume();
      return sendSyncError(req, res, 'forbidden', 'Only an admin device may do this');
    }
    return route.handle({ ...call, device: device.value });
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    try {
      await dispatch(req, res, pathname);
    } catch (error) {
      // Anything else is a bug: the error boundary answers 500 and logs it.
      if (!isStoreUnavailable(error) || res.headersSent) throw error;
      options.log.error('Sync store unavailable', error);
      req.resume();
      sendSyncError(req, res, 'unavailable', 'The database is not reachable; try again later', {
        retryAfterSeconds: 5,
      });
    }
  }

  return { handle, close: () => services.watcher.close() };
}
