// The sync state the UI shows. Derived from facts only, so it cannot drift: it is never
// `synced` while the outbox holds anything.
import type { RecordProblem } from './local-store';
import type { TransportFailureCode } from './transport';

export type AttentionReason =
  /** This device was removed from the team. */
  | 'device-revoked'
  /** The server does not know this device's token. */
  | 'unauthorized'
  /** The server refused requests (an outdated app, most likely). */
  | 'request-refused'
  /** Records that arrived damaged or were tampered with (crypto-* codes). */
  | 'records-unreadable'
  /** Changes the server refused (push-* codes). */
  | 'changes-rejected'
  /** Records with conflicts to review or values to choose. */
  | 'conflicts';

export type SyncStatus =
  | { state: 'synced'; at: string }
  | { state: 'pending'; count: number }
  | { state: 'offline'; pending: number }
  | { state: 'needs-attention'; reasons: AttentionReason[]; pending: number }
  /** Nothing pending and no sync has completed yet (e.g. right after joining). */
  | { state: 'never-synced' };

export type SyncFacts = {
  online: boolean;
  /** Outbox entries right now. */
  pending: number;
  lastSyncedAt: string | null;
  /** Code of the last run's failure; null when the last run succeeded. */
  lastFailure: TransportFailureCode | null;
  problems: readonly RecordProblem[];
  /** Records with open conflicts (merge.ts conflict lists). */
  conflictedRecords: number;
};

const FAILURE_REASONS: Partial<Record<TransportFailureCode, AttentionReason>> = {
  'device-revoked': 'device-revoked',
  unauthorized: 'unauthorized',
  'request-refused': 'request-refused',
};

export function attentionReasons(facts: SyncFacts): AttentionReason[] {
  const reasons = new Set<AttentionReason>();
  const fromFailure = facts.lastFailure && FAILURE_REASONS[facts.lastFailure];
  if (fromFailure) reasons.add(fromFailure);
  for (const problem of facts.problems) {
    reasons.add(problem.code.startsWith('push-') ? 'changes-rejected' : 'records-unreadable');
  }
  if (facts.conflictedRecords > 0) reasons.add('conflicts');
  return [...reasons];
}

export function deriveSyncStatus(facts: SyncFacts): SyncStatus {
  const reasons = attentionReasons(facts);
  if (reasons.length > 0) return { state: 'needs-attention', reasons, pending: facts.pending };
  if (!facts.online || facts.lastFailure === 'network-error') {
    return { state: 'offline', pending: facts.pending };
  }
  if (facts.pending > 0) return { state: 'pending', count: facts.pending };
  if (facts.lastSyncedAt === null) return { state: 'never-synced' };
  return { state: 'synced', at: facts.lastSyncedAt };
}
