// The binary pull page: what the server writes (src/server/sync/pull-page.ts) is what the
// client reads (src/sync/pull-page.ts), byte for byte; a page that does not add up exactly
// is refused whole.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodePullPage, type StoredPage } from '../../../src/server/sync/pull-page';
import { decodePullPage } from '../../../src/sync/pull-page';

const record = (seq: number, ciphertext: Buffer) => ({
  id: randomUUID(),
  kind: seq % 2 ? 'person' : 'case',
  rev: seq,
  seq,
  keyEpoch: 1,
  deleted: ciphertext.length === 0,
  changeId: randomUUID(),
  ciphertext,
});

const page: StoredPage = {
  records: [
    record(1, Buffer.from([1, 2, 3, 4, 5])),
    record(2, Buffer.alloc(0)), // a tombstone may carry no ciphertext
    record(3, Buffer.from('ünïcødé ciphertext stand-in')),
  ],
  nextCursor: 3,
  hasMore: true,
  seq: 9,
  cursorKnown: true,
};

const bytesOf = (buffer: Buffer): ArrayBuffer =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer;

describe('binary pull page', () => {
  it('reads back every record with its ciphertext bytes and the page fields', () => {
    const decoded = decodePullPage(bytesOf(encodePullPage(page)));
    expect(decoded).not.toBeNull();
    expect(decoded?.nextCursor).toBe(3);
    expect(decoded?.hasMore).toBe(true);
    expect(decoded?.seq).toBe(9);
    expect(decoded?.cursorKnown).toBe(true);
    expect(
      decoded?.records.map((r) => ({ ...r, ciphertext: Buffer.from(r.ciphertext as Uint8Array) })),
    ).toEqual(page.records);
  });

  it('reads an empty page', () => {
    const empty = { ...page, records: [], hasMore: false, nextCursor: 7 };
    expect(decodePullPage(bytesOf(encodePullPage(empty)))).toEqual({ ...empty, records: [] });
  });

  const encoded = encodePullPage(page);
  const headerLength = encoded.readUInt32BE(4);
  const withHeader = (header: unknown): Buffer => {
    const json = Buffer.from(JSON.stringify(header));
    const prefix = Buffer.from(encoded.subarray(0, 8));
    prefix.writeUInt32BE(json.length, 4);
    return Buffer.concat([prefix, json, encoded.subarray(8 + headerLength)]);
  };
  const header = JSON.parse(encoded.subarray(8, 8 + headerLength).toString()) as {
    records: { size: number }[];
  };

  it.each([
    ['empty body', Buffer.alloc(0)],
    ['cut inside the prefix', encoded.subarray(0, 5)],
    ['another format', Buffer.concat([Buffer.from('XXXX'), encoded.subarray(4)])],
    ['JSON instead', Buffer.from(JSON.stringify({ records: [], nextCursor: 0, hasMore: false }))],
    [
      'header longer than the body',
      Buffer.concat([encoded.subarray(0, 4), Buffer.from([0xff, 0, 0, 0])]),
    ],
    ['cut inside the ciphertexts', encoded.subarray(0, encoded.length - 1)],
    ['bytes left over', Buffer.concat([encoded, Buffer.from([0])])],
    ['header not JSON', withHeader('{').fill(0x7b, 8, 9)],
    [
      'a size past the end',
      withHeader({ ...header, records: [{ ...header.records[0], size: 1e6 }] }),
    ],
    [
      'a negative size',
      withHeader({ ...header, records: header.records.map((r) => ({ ...r, size: -1 })) }),
    ],
    [
      'a record without an id',
      withHeader({
        ...header,
        records: header.records.map(({ id: _, ...r }: { id?: string; size: number }) => r),
      }),
    ],
    ['no cursor', withHeader({ ...header, nextCursor: undefined })],
  ])('refuses a page with %s', (_what, body) => {
    expect(decodePullPage(bytesOf(body))).toBeNull();
  });
});
