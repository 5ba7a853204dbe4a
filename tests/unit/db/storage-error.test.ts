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
