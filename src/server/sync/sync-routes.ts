// The /api/v1 route table: method, path pattern (":name" segments are parameters), who may call.
// Path parameters are checked before anything else: ids must be lowercase UUIDs and chunk
// indexes small integers, so no path trick ever reaches the store.
import { syncLimits } from '../../shared/sync-protocol.js';
import * as blobs from './blob-handlers.js';
import * as keys from './key-handlers.js';
import * as records from './record-handlers.js';
import type { Access, AuthedCall, SyncCall } from './sync-context.js';
import * as teams from './team-handlers.js';
import { isUuid } from './validate.js';

export type SyncRoute =
  | {
      method: string;
      pattern: readonly string[];
      access: 'public';
      handle: (call: SyncCall) => Promise<void>;
    }
  | {
      method: string;
      pattern: readonly string[];
      access: Exclude<Access, 'public'>;
      handle: (call: AuthedCall) => Promise<void>;
    };

export const syncRoutes: readonly SyncRoute[] = [
  { method: 'POST', pattern: ['teams'], access: 'public', handle: teams.createTeam },
  { method: 'GET', pattern: ['session'], access: 'device', handle: teams.session },
  { method: 'GET', pattern: ['devices'], access: 'device', handle: teams.listDevices },
  {
    method: 'POST',
    pattern: ['devices', ':deviceId', 'revoke'],
    access: 'admin',
    handle: teams.revokeDevice,
  },
  {
    method: 'PUT',
    pattern: ['devices', ':deviceId', 'key-material'],
    access: 'device',
    handle: teams.setKeyMaterial,
  },
  {
    method: 'PUT',
    pattern: ['devices', ':deviceId', 'public-key'],
    access: 'device',
    handle: keys.setPublicKey,
  },
  { method: 'POST', pattern: ['key-epochs'], access: 'admin', handle: keys.rotateKeyEpoch },
  { method: 'POST', pattern: ['invites'], access: 'admin', handle: teams.createInvite },
  {
    method: 'POST',
    pattern: ['invites', ':inviteId', 'claim'],
    access: 'public',
    handle: teams.claimInvite,
  },
  { method: 'POST', pattern: ['sync', 'push'], access: 'device', handle: records.push },
  { method: 'GET', pattern: ['sync', 'pull'], access: 'device', handle: records.pull },
  { method: 'GET', pattern: ['sync', 'events'], access: 'device', handle: records.events },
  {
    method: 'PUT',
    pattern: ['blobs', ':blobId', 'chunks', ':index'],
    access: 'device',
    handle: blobs.putChunk,
  },
  {
    method: 'GET',
    pattern: ['blobs', ':blobId', 'status'],
    access: 'device',
    handle: blobs.blobStatus,
  },
  {
    method: 'POST',
    pattern: ['blobs', ':blobId', 'complete'],
    access: 'device',
    handle: blobs.completeBlob,
  },
  { method: 'GET', pattern: ['blobs', ':blobId'], access: 'device', handle: blobs.downloadBlob },
  { method: 'DELETE', pattern: ['blobs', ':blobId'], access: 'device', handle: blobs.deleteBlob },
];

export type RouteMatch =
  | { kind: 'found'; route: SyncRoute; params: Record<string, string> }
  | { kind: 'bad-param'; name: string }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'none' };

function paramIsValid(name: string, value: string): boolean {
  if (name === 'index') {
    return /^(0|[1-9]\d{0,3})$/.test(value) && Number(value) < syncLimits.maxChunks;
  }
  return isUuid(value);
}

function matchPattern(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

/** Matches the segments after /api/v1. */
export function matchSyncRoute(method: string, segments: readonly string[]): RouteMatch {
  const allow: string[] = [];
  for (const route of syncRoutes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
      allow.push(route.method);
      continue;
    }
    for (const [name, value] of Object.entries(params)) {
      if (!paramIsValid(name, value)) return { kind: 'bad-param', name };
    }
    return { kind: 'found', route, params };
  }
  return allow.length ? { kind: 'wrong-method', allow } : { kind: 'none' };
}
