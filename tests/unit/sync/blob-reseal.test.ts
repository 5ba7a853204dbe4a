// When an attachment must move to the current key epoch, and the id of its new blob.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readBlobRef, type BlobRef } from '../../../src/sync/blob-ref';
import { needsCurrentEpoch, resealedBlobId } from '../../../src/sync/blob-reseal';
import { EMPTY_SHADOW } from '../../../src/sync/local-store';
import { uuidPattern } from '../../../src/shared/sync-protocol';

const ref: BlobRef = {
  blobId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  size: 1000,
  sha256: 'a'.repeat(64),
  chunkSize: 262144,
};
const team = '0190a1b2-0000-7000-8000-000000000001';
const record = '0190a1b2-0000-7000-8000-000000000002';

describe('needsCurrentEpoch', () => {
  it('follows the epoch the reference records', () => {
    expect(needsCurrentEpoch({ ...ref, keyEpoch: 1 }, undefined, 2)).toBe(true);
    expect(needsCurrentEpoch({ ...ref, keyEpoch: 2 }, { ...EMPTY_SHADOW, keyEpoch: 1 }, 2)).toBe(
      false,
    );
    // A device that lacks the newest key leaves a newer blob alone.
    expect(needsCurrentEpoch({ ...ref, keyEpoch: 3 }, undefined, 2)).toBe(false);
  });

  it('judges a reference without its epoch by the record’s server copy', () => {
    expect(needsCurrentEpoch(ref, { ...EMPTY_SHADOW, rev: 4, keyEpoch: 1 }, 2)).toBe(true);
    expect(needsCurrentEpoch(ref, { ...EMPTY_SHADOW, rev: 4, keyEpoch: 2 }, 2)).toBe(false);
    expect(needsCurrentEpoch(ref, EMPTY_SHADOW, 2)).toBe(false);
    expect(needsCurrentEpoch(ref, undefined, 2)).toBe(false);
  });
});

describe('resealedBlobId', () => {
  it('is a lowercase UUID (version 8), the same on every device, new for each epoch', async () => {
    const id = await resealedBlobId(team, 'form', record, ref, 2);
    expect(id).toMatch(uuidPattern);
    expect(id[14]).toBe('8');
    expect('89ab').toContain(id[19]);
    expect(id).not.toBe(ref.blobId);
    expect(await resealedBlobId(team, 'form', record, ref, 2)).toBe(id);
    const others = await Promise.all([
      resealedBlobId(team, 'form', record, ref, 3),
      resealedBlobId(team, 'output', record, ref, 2),
      resealedBlobId(team, 'form', team, ref, 2),
      resealedBlobId(record, 'form', record, ref, 2),
      resealedBlobId(team, 'form', record, { ...ref, blobId: randomUUID() }, 2),
    ]);
    expect(new Set([id, ...others]).size).toBe(6);
    // Nothing the server does not know goes in: the file's hash does not change the id.
    expect(await resealedBlobId(team, 'form', record, { ...ref, sha256: 'b'.repeat(64) }, 2)).toBe(
      id,
    );
  });
});

describe('readBlobRef and keyEpoch', () => {
  it('keeps a valid epoch, accepts its absence, and refuses a malformed one', () => {
    expect(readBlobRef({ id: record, blob: { ...ref, keyEpoch: 2 } })).toEqual({
      ...ref,
      keyEpoch: 2,
    });
    expect(readBlobRef({ id: record, blob: ref })).toEqual(ref);
    expect(readBlobRef({ id: record, blob: { ...ref, keyEpoch: -1 } })).toBeNull();
    expect(readBlobRef({ id: record, blob: { ...ref, keyEpoch: '2' } })).toBeNull();
  });
});
