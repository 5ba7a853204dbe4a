// Reads the binary pull page (src/shared/sync-protocol.ts, `pullPageMediaType`). Every
// record's ciphertext is a view into the one response buffer: nothing is copied or decoded
// from base64. Anything that does not add up exactly is refused as a whole (null).
import { PULL_PAGE_MAGIC, type PullResponse, type ServerRecord } from '../shared/sync-protocol';

/** A pulled record: base64 ciphertext from a JSON page, raw bytes from a binary one. */
export type PulledRecord = Omit<ServerRecord, 'ciphertext'> & { ciphertext: string | Uint8Array };
export type PullPage = Omit<PullResponse, 'records'> & { records: PulledRecord[] };

const PREFIX_LENGTH = 8;
const decoder = new TextDecoder('utf-8', { fatal: true });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isHeaderRecord(
  value: unknown,
): value is Omit<ServerRecord, 'ciphertext'> & { size: number } {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.kind === 'string' &&
    typeof value.changeId === 'string' &&
    typeof value.deleted === 'boolean' &&
    isCount(value.rev) &&
    isCount(value.seq) &&
    isCount(value.keyEpoch) &&
    isCount(value.size)
  );
}

export function decodePullPage(body: ArrayBuffer): PullPage | null {
  if (body.byteLength < PREFIX_LENGTH) return null;
  const bytes = new Uint8Array(body);
  for (let i = 0; i < PULL_PAGE_MAGIC.length; i += 1) {
    if (bytes[i] !== PULL_PAGE_MAGIC.charCodeAt(i)) return null;
  }
  const headerLength = new DataView(body).getUint32(4);
  if (headerLength > body.byteLength - PREFIX_LENGTH) return null;
  let header: unknown;
  try {
    header = JSON.parse(
      decoder.decode(bytes.subarray(PREFIX_LENGTH, PREFIX_LENGTH + headerLength)),
    ) as unknown;
  } catch {
    return null;
  }
  if (
    !isObject(header) ||
    !Array.isArray(header.records) ||
    !isCount(header.nextCursor) ||
    typeof header.hasMore !== 'boolean' ||
    !isCount(header.seq) ||
    typeof header.cursorKnown !== 'boolean'
  ) {
    return null;
  }
  const records: PulledRecord[] = [];
  let at = PREFIX_LENGTH + headerLength;
  for (const entry of header.records as unknown[]) {
    if (!isHeaderRecord(entry) || entry.size > body.byteLength - at) return null;
    const { size, ...record } = entry;
    records.push({ ...record, ciphertext: bytes.subarray(at, at + size) });
    at += size;
  }
  if (at !== body.byteLength) return null;
  return {
    records,
    nextCursor: header.nextCursor,
    hasMore: header.hasMore,
    seq: header.seq,
    cursorKnown: header.cursorKnown,
  };
}
