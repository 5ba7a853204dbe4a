import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { storageErrorCode } from '../../../src/db/storage-error';
import { needsHomeScreenHint } from '../../../src/db/storage-state';

describe('storageErrorCode', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(storageErrorCode(quota)).toBe('quota-exceeded');
    expect(storageErrorCode(new Dexie.AbortError('Transaction aborted', quota))).toBe(
      'quota-exceeded',
    );
    expect(storageErrorCode(new Dexie.QuotaExceededError('full'))).toBe('quota-exceeded');
  });

  // The exact errors Chromium 156 gives on a physically full disk (tmpfs profile), as Dexie
  // hands them to the repositories.
  const noSpace = new DOMException(
    'Connection is closing because of: IO error: .../http_localhost_4196.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
    'UnknownError',
  );
  const blobs = new DOMException('Failed to write blobs (IOError)', 'DataError');
  const fullOnOpen = new DOMException(
    'Encountered full disk while opening backing store for indexedDB.open.',
    'QuotaExceededError',
  );

  it('recognises a physically full disk, which Chromium does not call a quota error', () => {
    expect(storageErrorCode(noSpace)).toBe('quota-exceeded');
    expect(storageErrorCode(new Dexie.AbortError('Transaction aborted', noSpace))).toBe(
      'quota-exceeded',
    );
    expect(storageErrorCode(new Dexie.UnknownError(noSpace.message, noSpace))).toBe(
      'quota-exceeded',
    );
    expect(storageErrorCode(new Dexie.DataError(blobs.message, blobs))).toBe('quota-exceeded');
    expect(storageErrorCode(new Dexie.OpenFailedError(fullOnOpen))).toBe('quota-exceeded');
    expect(
      storageErrorCode(new Dexie.DatabaseClosedError(new Dexie.OpenFailedError(fullOnOpen))),
    ).toBe('quota-exceeded');
  });

  it('does not call every UnknownError a full disk', () => {
    const corruption = new DOMException('Corruption detected, unable to continue', 'UnknownError');
    expect(storageErrorCode(new Dexie.UnknownError(corruption.message, corruption))).toBe(
      'storage-failed',
    );
    const openFailed = new DOMException(
      'Internal error opening backing store for indexedDB.open.',
      'UnknownError',
    );
    expect(storageErrorCode(new Dexie.OpenFailedError(openFailed))).toBe('storage-unavailable');
    expect(
      storageErrorCode(
        new Dexie.DataError('Data provided to an operation does not meet requirements.'),
      ),
    ).toBe('storage-failed');
  });

  it('tells unavailable storage from other failures', () => {
    expect(storageErrorCode(new Dexie.MissingAPIError('no indexedDB'))).toBe('storage-unavailable');
    expect(storageErrorCode(new Dexie.OpenFailedError('blocked'))).toBe('storage-unavailable');
    expect(storageErrorCode(new Error('boom'))).toBe('storage-failed');
    expect(storageErrorCode('weird')).toBe('storage-failed');
  });
});

describe('needsHomeScreenHint', () => {
  const iphone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  const android =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
  it('asks Safari users to install, unless they already run the installed app', () => {
    expect(needsHomeScreenHint(iphone, false)).toBe(true);
    expect(needsHomeScreenHint(iphone, true)).toBe(false);
    expect(needsHomeScreenHint(android, false)).toBe(false);
  });
});
