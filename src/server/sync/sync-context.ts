// What every sync handler gets: the request, its path parameters and query, the authenticated
// device (for routes that need one) and the process-wide services.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { RateLimiter } from './rate-limit.js';
import type { SeqWatcher } from './seq-watcher.js';
import type { DeviceRow, SyncStore } from './store/store-types.js';

export type SyncServices = {
  store: SyncStore;
  watcher: SeqWatcher;
  limiter: RateLimiter;
  /** Server clock in epoch ms (tests move it forward to expire invites). */
  now: () => number;
  log: Logger;
};

export type SyncCall = {
  req: IncomingMessage;
  res: ServerResponse;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  services: SyncServices;
};

export type AuthedCall = SyncCall & { device: DeviceRow };

export type Access = 'public' | 'device' | 'admin';
