// Lotse's HTTP server: /api/* (health, and the sync endpoint when a store is given), everything
// else is the built app. node:http only. Tests start it on port 0 against a temporary folder.
import { createServer, type Server } from 'node:http';
import { handleApi, isApiPath } from './api-routes.js';
import { answerClientError } from './client-error.js';
import { withErrorBoundary } from './error-boundary.js';
import { consoleLogger, type Logger } from './logger.js';
import { parseRequestPath } from './request-path.js';
import { sendError } from './responses.js';
import { createStaticHandler } from './static-files.js';
import type { SyncService } from './sync/sync-service.js';

export type LotseServerOptions = {
  staticDir: string;
  /** Reported by /api/health; defaults to "dev". */
  version?: string;
  log?: Logger;
  /** The team-sync endpoint under /api/v1; without it those paths are 404. */
  sync?: SyncService;
};

/** Longer request targets get 414; no legitimate Lotse URL comes close. */
export const maxUrlLength = 8 * 1024;

export function createLotseServer(options: LotseServerOptions): Server {
  const log = options.log ?? consoleLogger;
  const context = { version: options.version ?? 'dev', sync: options.sync };
  const serveStatic = createStaticHandler(options.staticDir);

  const handler = withErrorBoundary(async (req, res) => {
    const target = req.url ?? '';
    const json = isApiPath(target.split('?', 1)[0] ?? '');
    if (target.length > maxUrlLength) {
      sendError(req, res, 414, 'bad-request', 'URL too long', { json });
      return;
    }
    const path = parseRequestPath(target);
    if (!path.ok) {
      sendError(req, res, 400, 'bad-request', 'Bad request path', { json });
      return;
    }
    if (isApiPath(path.pathname)) {
      await handleApi(req, res, path.pathname, context);
      return;
    }
    await serveStatic(req, res, path);
  }, log);

  const server = createServer({ requestTimeout: 30_000, headersTimeout: 20_000 }, handler);
  server.on('clientError', answerClientError);
  return server;
}
