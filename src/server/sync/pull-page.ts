// The binary pull page (src/shared/sync-protocol.ts, `pullPageMediaType`): the page's
// metadata as a small JSON header, then every record's ciphertext as raw bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  PULL_PAGE_MAGIC,
  pullPageMediaType,
  type PullPageHeader,
  type PullResponse,
} from '../../shared/sync-protocol.js';
import { addVary, isHead } from '../responses.js';
import type { StoredRecord } from './store/store-types.js';

export type StoredPage = Omit<PullResponse, 'records'> & { records: StoredRecord[] };

/** Whether the request asked for the binary page (the JSON page stays the default). */
export const acceptsPullPage = (req: IncomingMessage): boolean =>
  (req.headers.accept ?? '').toLowerCase().includes(pullPageMediaType);

export function encodePullPage(page: StoredPage): Buffer {
  const header: PullPageHeader = {
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    seq: page.seq,
    cursorKnown: page.cursorKnown,
    records: page.records.map(({ ciphertext, ...record }) => ({
      ...record,
      size: ciphertext.length,
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(PULL_PAGE_MAGIC, 0, 'latin1');
  prefix.writeUInt32BE(json.length, 4);
  return Buffer.concat([prefix, json, ...page.records.map((record) => record.ciphertext)]);
}

export function sendPullPage(req: IncomingMessage, res: ServerResponse, page: StoredPage): void {
  const payload = encodePullPage(page);
  res.statusCode = 200;
  res.setHeader('Content-Type', pullPageMediaType);
  res.setHeader('Content-Length', payload.length);
  res.setHeader('Cache-Control', 'no-store');
  addVary(res, 'Accept');
  res.end(isHead(req) ? undefined : payload);
}
