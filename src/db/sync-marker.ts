// A small note about this device's team membership kept OUTSIDE IndexedDB (localStorage),
// so the app notices when its database was wiped (Chrome evicts IndexedDB under storage
// pressure; a broken database is deleted and made anew) while the note survived:
// - it warns the user when changes that were not uploaded yet were lost (`pending`), and
// - it restores the membership from the note, so the next pull (from cursor 0) brings the
//   team's synced data back. The keys inside are the passphrase-wrapped key material only
//   (the same bytes IndexedDB holds), so restoring asks for the passphrase.
// When the whole origin is cleared (Safari's 7-day rule, "clear site data") the note goes
// too: the device must join again through an invite.
import { fromBase64Url, toBase64 } from '../crypto/bytes';
import type { DeviceRole } from '../shared/sync-protocol';
import type { TeamMembership } from './team-repository';

export const SYNC_MARKER_KEY = 'lotse-sync-marker';

export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SyncMarker = {
  teamId: string;
  deviceId: string;
  deviceToken: string;
  role: DeviceRole;
  serverUrl: string;
  lockedKeyMaterial: string;
  /** Outbox entries when last noted (the changes a wipe would lose). */
  pending: number;
};

export function writeSyncMarker(
  storage: MarkerStorage,
  membership: TeamMembership,
  pending: number,
): void {
  const marker: SyncMarker = {
    teamId: membership.teamId,
    deviceId: membership.deviceId,
    deviceToken: membership.deviceToken,
    role: membership.role,
    serverUrl: membership.serverUrl,
    lockedKeyMaterial: toBase64(membership.lockedKeyMaterial),
    pending,
  };
  try {
    storage.setItem(SYNC_MARKER_KEY, JSON.stringify(marker));
  } catch {
    // localStorage full or unavailable: the note is a safety net, not a requirement.
  }
}

export function readSyncMarker(storage: MarkerStorage): SyncMarker | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(SYNC_MARKER_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const marker = value as Partial<SyncMarker>;
    if (
      typeof marker.teamId !== 'string' ||
      typeof marker.deviceId !== 'string' ||
      typeof marker.deviceToken !== 'string' ||
      typeof marker.lockedKeyMaterial !== 'string' ||
      typeof marker.pending !== 'number'
    ) {
      return null;
    }
    return marker as SyncMarker;
  } catch {
    return null;
  }
}

export function clearSyncMarker(storage: MarkerStorage): void {
  try {
    storage.removeItem(SYNC_MARKER_KEY);
  } catch {
    // nothing to clear
  }
}

export type WipeCheck =
  | { state: 'intact' }
  | { state: 'not-member' }
  /** The database lost the membership the note remembers; `lostChanges` were never uploaded. */
  | { state: 'wiped'; lostChanges: number; marker: SyncMarker; lockedKeyMaterial: Uint8Array };

export function checkForWipe(storage: MarkerStorage, membership: TeamMembership | null): WipeCheck {
  const marker = readSyncMarker(storage);
  if (membership) return { state: 'intact' };
  if (!marker) return { state: 'not-member' };
  const lockedKeyMaterial = fromBase64Url(marker.lockedKeyMaterial);
  if (!lockedKeyMaterial) return { state: 'not-member' };
  return { state: 'wiped', lostChanges: marker.pending, marker, lockedKeyMaterial };
}
