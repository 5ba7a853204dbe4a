// Serves the built app from the static folder: content types, the SPA fallback to index.html,
// cache headers, ETag revalidation and pre-compressed text.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { cacheControlFor } from './cache-policy.js';
import { createCompressionCache } from './compression-cache.js';
import { contentTypeFor } from './content-types.js';
import { chooseEncoding, etagMatches } from './http-negotiation.js';
import { hasExtension } from './request-path.js';
import { addVary, isHead, sendError } from './responses.js';
import { createStaticRoot } from './static-root.js';

export type StaticRequest = { segments: string[]; isDirectory: boolean };
export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: StaticRequest,
) => Promise<void>;

type OpenFile = { handle: FileHandle; realPath: string };

const staticMethods = ['GET', 'HEAD'] as const;
const indexSegments = ['index.html'];

const acceptsHtml = (req: IncomingMessage): boolean =>
  (req.headers.accept ?? '').toLowerCase().includes('text/html');

const isClientGone = (error: unknown): boolean =>
  error instanceof Error &&
  'code' in error &&
  ['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE'].includes(String(error.code));

const etagOf = (size: number, mtimeMs: number): string =>
  `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;

export function createStaticHandler(staticDir: string): StaticHandler {
  const resolveFile = createStaticRoot(staticDir);
  const cache = createCompressionCache();

  async function openFile(segments: readonly string[]): Promise<OpenFile | null> {
    const realPath = await resolveFile(segments);
    if (!realPath) return null;
    const handle = await open(realPath, 'r').catch(() => null);
    if (!handle) return null;
    const stat = await handle.stat().catch(() => null);
    if (stat?.isFile()) return { handle, realPath };
    await handle.close();
    return null;
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    segments: readonly string[],
    { handle, realPath }: OpenFile,
  ): Promise<void> {
    let handedOff = false;
    try {
      const { size, mtimeMs } = await handle.stat();
      const { type, compressible } = contentTypeFor(segments.at(-1) ?? '');
      const etag = etagOf(size, mtimeMs);
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', cacheControlFor(segments));
      res.setHeader('ETag', etag);
      if (compressible) addVary(res, 'Accept-Encoding');

      if (etagMatches(req.headers['if-none-match'], etag)) {
        res.removeHeader('Content-Type');
        res.statusCode = 304;
        res.end();
        return;
      }

      res.statusCode = 200;
      if (compressible && size <= cache.maxFileSize) {
        const encoding = chooseEncoding(req.headers['accept-encoding']);
        const read = (): Promise<Buffer> => handle.readFile();
        const cached = await cache.get(realPath, { size, mtimeMs }, read, encoding);
        if (cached.encoding !== 'identity') res.setHeader('Content-Encoding', cached.encoding);
        res.setHeader('Content-Length', cached.body.length);
        res.end(isHead(req) ? undefined : cached.body);
        return;
      }

      res.setHeader('Content-Length', size);
      if (isHead(req)) {
        res.end();
        return;
      }
      handedOff = true;
      await pipeline(handle.createReadStream(), res).catch((error: unknown) => {
        // A client that goes away mid-download is not a server error.
        if (!isClientGone(error)) throw error;
      });
    } finally {
      if (!handedOff) await handle.close();
    }
  }

  return async (req, res, path) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(req, res, 405, 'method-not-allowed', 'Method not allowed', {
        allow: staticMethods,
      });
      return;
    }
    const segments = path.segments.length === 0 ? indexSegments : path.segments;
    const file = path.isDirectory ? null : await openFile(segments);
    if (file) return sendFile(req, res, segments, file);

    // Client-side routes (/cases/42) have no extension; a browser navigating there gets the shell.
    addVary(res, 'Accept');
    if (!hasExtension(segments) && acceptsHtml(req)) {
      const index = await openFile(indexSegments);
      if (index) return sendFile(req, res, indexSegments, index);
    }
    sendError(req, res, 404, 'not-found', 'Not found');
  };
}
