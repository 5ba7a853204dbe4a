import { describe, expect, it } from 'vitest';
import { attachBrowserTriggers } from '../../../src/sync/browser-triggers';
import type { SyncTrigger } from '../../../src/sync/scheduler';

describe('browser triggers', () => {
  it('syncs when the network comes back and when the app becomes visible', () => {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    const reasons: SyncTrigger[] = [];
    const detach = attachBrowserTriggers((reason) => reasons.push(reason), {
      window: win,
      document: doc,
    });
    win.dispatchEvent(new Event('online'));
    doc.dispatchEvent(new Event('visibilitychange')); // still hidden: nothing
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(reasons).toEqual(['online', 'visible']);
    detach();
    win.dispatchEvent(new Event('online'));
    expect(reasons).toEqual(['online', 'visible']);
  });
});
