// The /api namespace: the health check here, the sync endpoint (/api/v1) in sync/.
// Every answer here is JSON, errors in the shared envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { healthPath, type HealthResponse } from '../shared/api-health.js';
import { sendError, sendJson } from './responses.js';
import { isSyncPath, type SyncService } from './sync/sync-service.js';

export type ApiContext = { version: string; sync?: SyncService };
export type ApiRoute = {
  methods: readonly string[];
  handle: (req: IncomingMessage, res: ServerResponse, context: ApiContext) => Promise<void> | void;
};

const routes: Readonly<Record<string, ApiRoute>> = {
  [healthPath]: {
    methods: ['GET', 'HEAD'],
    handle: (req, res, { version }) => {
      const body: HealthResponse = { ok: true, version };
      sendJson(req, res, 200, body);
    },
  },
};

export const isApiPath = (pathname: string): boolean =>
  pathname === '/api' || pathname.startsWith('/api/');

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: ApiContext,
): Promise<void> {
  if (context.sync && isSyncPath(pathname)) {
    await context.sync.handle(req, res, pathname);
    return;
  }
  const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
  if (!route) {
    sendError(req, res, 404, 'not-found', `No API endpoint at ${pathname}`, { json: true });
    return;
  }
  if (!route.methods.includes(req.method ?? '')) {
    sendError(req, res, 405, 'method-not-allowed', `${pathname} does not take ${req.method}`, {
      json: true,
      allow: route.methods,
    });
    return;
  }
  await route.handle(req, res, context);
}
