// Small response helpers. Every error goes out in the shared envelope (or as plain text for a
// browser asking for a static file), never with a stack trace or a raw exception message.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, type ApiErrorCode } from '../shared/api-errors.js';

export type ErrorStatus = 400 | 404 | 405 | 414 | 500;

export const isHead = (req: IncomingMessage): boolean => req.method === 'HEAD';

export function wantsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').toLowerCase().includes('application/json');
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(isHead(req) ? undefined : payload);
}

/** Adds a token to Vary, keeping it one header line. */
export function addVary(res: ServerResponse, token: string): void {
  const current = res.getHeader('Vary');
  const tokens = typeof current === 'string' ? current.split(/,\s*/).filter(Boolean) : [];
  if (!tokens.includes(token)) tokens.push(token);
  res.setHeader('Vary', tokens.join(', '));
}

export type ErrorOptions = {
  /** /api paths always answer JSON; static paths only when the client asks for it. */
  json?: boolean;
  allow?: readonly string[];
};

export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: ErrorStatus,
  code: ApiErrorCode,
  message: string,
  options: ErrorOptions = {},
): void {
  if (options.allow) res.setHeader('Allow', options.allow.join(', '));
  if (options.json || wantsJson(req)) {
    sendJson(req, res, status, apiError(code, message));
    return;
  }
  const payload = Buffer.from(`${message}\n`, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(isHead(req) ? undefined : payload);
}
