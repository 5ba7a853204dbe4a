import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSyncStatus, type SyncFacts } from '../../../src/sync/status';

const facts = (changes: Partial<SyncFacts> = {}): SyncFacts => ({
  online: true,
  pending: 0,
  lastSyncedAt: '2026-11-22T14:02:00.000Z',
  lastFailure: null,
  problems: [],
  conflictedRecords: 0,
  ...changes,
});

describe('sync status', () => {
  it.each([
    ['all synced', facts(), { state: 'synced', at: '2026-11-22T14:02:00.000Z' }],
    ['changes waiting', facts({ pending: 3 }), { state: 'pending', count: 3 }],
    ['offline', facts({ online: false, pending: 2 }), { state: 'offline', pending: 2 }],
    ['unreachable', facts({ lastFailure: 'network-error' }), { state: 'offline', pending: 0 }],
    ['never synced', facts({ lastSyncedAt: null }), { state: 'never-synced' }],
    [
      'revoked',
      facts({ lastFailure: 'device-revoked', pending: 1 }),
      { state: 'needs-attention', reasons: ['device-revoked'], pending: 1 },
    ],
    [
      'tampered record, rejected change, conflicts',
      facts({
        problems: [
          { kind: 'person', id: 'a', code: 'crypto-tampered' },
          { kind: 'case', id: 'b', code: 'push-kind-mismatch' },
        ],
        conflictedRecords: 2,
      }),
      {
        state: 'needs-attention',
        reasons: ['records-unreadable', 'changes-rejected', 'conflicts'],
        pending: 0,
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(deriveSyncStatus(input)).toEqual(expected);
  });

  it('never says synced while the outbox holds anything', () => {
    fc.assert(
      fc.property(
        fc.record({
          online: fc.boolean(),
          pending: fc.nat(5),
          lastSyncedAt: fc.option(fc.constant('2026-11-22T14:02:00.000Z')),
          lastFailure: fc.option(
            fc.constantFrom(
              'network-error',
              'server-unavailable',
              'rate-limited',
              'unauthorized',
              'device-revoked',
              'request-refused',
            ),
          ),
          problems: fc.constant([]),
          conflictedRecords: fc.nat(2),
        }),
        (input) => {
          const status = deriveSyncStatus(input);
          if (input.pending > 0) expect(status.state).not.toBe('synced');
          if (status.state === 'synced') expect(input.pending).toBe(0);
        },
      ),
    );
  });
});
