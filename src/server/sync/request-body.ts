// Reads request bodies with a size limit. JSON endpoints want `Content-Type: application/json`
// (which also keeps plain HTML forms from other sites out); chunk uploads take raw bytes.
import type { IncomingMessage } from 'node:http';
import { err, ok, type Result } from '../../shared/result.js';

/** 'bad-request': the client went away before the body was complete (nobody reads the answer). */
export type BodyError =
  'payload-too-large' | 'unsupported-media-type' | 'invalid-json' | 'bad-request';
type RawBodyError = 'payload-too-large' | 'bad-request';

export function readRawBody(
  req: IncomingMessage,
  limit: number,
): Promise<Result<Buffer, RawBodyError>> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // discard what the client is still sending
    return Promise.resolve(err('payload-too-large'));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (!tooLarge) resolve(err('payload-too-large'));
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(ok(Buffer.concat(chunks)));
    });
    // An aborted upload: settle anyway (a promise settles once; after 'end' this is a no-op).
    req.on('error', () => resolve(err('bad-request')));
    req.on('close', () => resolve(err('bad-request')));
  });
}

export function hasContentType(req: IncomingMessage, type: string): boolean {
  const header = (req.headers['content-type'] ?? '').split(';', 1)[0] ?? '';
  return header.trim().toLowerCase() === type;
}

export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
): Promise<Result<unknown, BodyError>> {
  if (!hasContentType(req, 'application/json')) {
    req.resume();
    return err('unsupported-media-type');
  }
  const body = await readRawBody(req, limit);
  if (!body.ok) return body;
  try {
    return ok(JSON.parse(body.value.toString('utf8')) as unknown);
  } catch {
    return err('invalid-json');
  }
}
