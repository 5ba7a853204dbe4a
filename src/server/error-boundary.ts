// Wraps a request handler so a thrown error becomes a 500 envelope and a log line, and the
// server stays up. Also keeps request/response stream errors (aborted clients) from crashing.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';
import { sendError } from './responses.js';
import { applySecurityHeaders } from './security-headers.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const pathForLog = (req: IncomingMessage): string =>
  (req.url ?? '').split('?')[0]?.slice(0, 200) ?? '';

export function withErrorBoundary(handler: RequestHandler, log: Logger): RequestListener {
  return (req, res) => {
    // An aborted upload or a reset socket emits 'error'; without a listener that would throw.
    req.on('error', () => {});
    res.on('error', () => {});
    applySecurityHeaders(res);
    const fail = (error: unknown): void => {
      log.error(`Internal error on ${req.method ?? '?'} ${pathForLog(req)}`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Drop whatever the handler had already set (Content-Encoding, ETag, ...).
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      applySecurityHeaders(res);
      sendError(req, res, 500, 'internal', 'Internal server error', { json: true });
    };
    try {
      Promise.resolve(handler(req, res)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
