// Real client devices against a real server: the app's sync engine (src/sync) with its
// in-memory LocalStore (or another, e.g. the app's Dexie store: local-books.ts), the real
// HTTP transport, real keys (src/crypto). Teams are created
// and joined the way the app does it: a public key at creation, an invite whose keyring is
// sealed to a client-made invite id, claimed with the HKDF claim token.
import { randomUUID } from 'node:crypto';
import { fromBase64Url, toBase64 } from '../../../src/crypto/bytes.js';
import { acceptGrant } from '../../../src/crypto/key-epochs.js';
import { createKeyring, type Keyring } from '../../../src/crypto/keyring.js';
import { generateMemberKeys, type MemberKeys } from '../../../src/crypto/member-keys.js';
import {
  createInviteSecret,
  deriveInviteKeys,
  openInvite,
  sealInvite,
} from '../../../src/crypto/invite.js';
import type { DeviceCredentials } from '../../../src/shared/sync-protocol.js';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine.js';
import {
  createHttpJoinCalls,
  createHttpTransport,
  type HttpTransport,
} from '../../../src/sync/http-transport.js';
import {
  createMemoryLocalStore,
  type MemoryLocalStore,
} from '../../../src/sync/memory-local-store.js';
import type { LocalStore } from '../../../src/sync/local-store.js';
import { createRecordCodec } from '../../../src/sync/record-codec.js';

export type DeviceOptions<S extends LocalStore = MemoryLocalStore> = {
  /** Replaces fetch (fault injection); gets the real URL. */
  fetch?: typeof fetch;
  /** The device's clock (engine and transport). */
  now?: () => number;
  pageSize?: number;
  batchSize?: number;
  /** The local store; a new memory store when not given. */
  store?: S;
  /** false: the engine gets no refreshKeys hook (stale-key-epoch changes stay queued). */
  refreshKeys?: boolean;
};

export type ClientDevice<S extends LocalStore = MemoryLocalStore> = {
  creds: DeviceCredentials;
  member: MemberKeys;
  /** The keyring the codec reads; replaced when a grant is accepted. */
  keys: { keyring: Keyring };
  store: S;
  transport: HttpTransport;
  engine: SyncEngine;
  /** Fetches this device's grants (GET /session) and adds their keys: what the app does. */
  refreshKeys: () => Promise<boolean>;
};

/** Sends every request to whatever `base()` is now (a restarted server on a new port). */
export const routedFetch =
  (base: () => string, inner: typeof fetch = fetch): typeof fetch =>
  (input, init) =>
    inner(String(input).replace(/^http:\/\/[^/]+/, base()), init);

export function deviceOn<S extends LocalStore = MemoryLocalStore>(
  baseUrl: string,
  creds: DeviceCredentials,
  member: MemberKeys,
  keyring: Keyring,
  options: DeviceOptions<S> = {},
): ClientDevice<S> {
  const keys = { keyring };
  // Without a store, S is the default (a memory store): callers naming another S pass one.
  const store = options.store ?? (createMemoryLocalStore() as LocalStore as S);
  const now = options.now ?? Date.now;
  const transport = createHttpTransport({
    baseUrl,
    deviceToken: creds.deviceToken,
    fetch: options.fetch,
    now,
  });
  const refreshKeys = async (): Promise<boolean> => {
    const session = await transport.session();
    if (!session.ok) return false;
    let next = keys.keyring;
    for (const grant of session.value.grants) {
      if (next.keys.has(grant.epoch)) continue;
      const accepted = await acceptGrant(
        next,
        member,
        fromBase64Url(grant.wrappedKey) ?? new Uint8Array(),
      );
      if (accepted.ok) next = accepted.value;
    }
    const moved = next.current !== keys.keyring.current;
    keys.keyring = next;
    return moved;
  };
  const engine = createSyncEngine({
    store,
    transport,
    codec: createRecordCodec(() => keys.keyring),
    now: () => new Date(now()),
    pullPageSize: options.pageSize,
    pushBatchSize: options.batchSize,
    ...(options.refreshKeys === false ? {} : { refreshKeys }),
  });
  return { creds, member, keys, store, transport, engine, refreshKeys };
}

export async function createTeamDevice<S extends LocalStore = MemoryLocalStore>(
  baseUrl: string,
  options: DeviceOptions<S> = {},
): Promise<ClientDevice<S>> {
  const member = await generateMemberKeys();
  const join = createHttpJoinCalls({ baseUrl, fetch: options.fetch });
  // No secret in keyMaterial: the passphrase-wrapped keyring stays on the device.
  const created = await join.createTeam({ keyMaterial: '', publicKey: toBase64(member.publicKey) });
  if (!created.ok) throw new Error(`team creation failed: ${created.code}`);
  const keyring = await createKeyring(created.value.teamId);
  return deviceOn(baseUrl, created.value, member, keyring, options);
}

export type Invite = { inviteId: string; secret: string };

export async function invite(
  admin: ClientDevice<LocalStore>,
  expiresInSeconds?: number,
): Promise<Invite> {
  const inviteId = randomUUID();
  const secret = createInviteSecret();
  const sealed = await sealInvite(secret, inviteId, admin.keys.keyring);
  const created = await admin.transport.createInvite({
    inviteId,
    claimToken: sealed.claimToken,
    wrappedTeamKey: toBase64(sealed.sealedKeyring),
    ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
  });
  if (!created.ok) throw new Error(`invite failed: ${created.code}`);
  return { inviteId, secret };
}

/** Claims an invite link; a failure comes back as the server's error code. */
export async function claim<S extends LocalStore = MemoryLocalStore>(
  baseUrl: string,
  link: Invite,
  options: DeviceOptions<S> = {},
): Promise<ClientDevice<S> | string> {
  const member = await generateMemberKeys();
  const derived = await deriveInviteKeys(link.secret);
  if (!derived.ok) throw new Error('bad invite secret');
  const join = createHttpJoinCalls({ baseUrl, fetch: options.fetch });
  const claimed = await join.claimInvite(link.inviteId, {
    claimToken: derived.value.claimToken,
    keyMaterial: '',
    publicKey: toBase64(member.publicKey),
  });
  if (!claimed.ok) {
    return claimed.failure.code === 'request-refused' ? claimed.failure.apiCode : claimed.code;
  }
  const sealed = fromBase64Url(claimed.value.wrappedTeamKey) ?? new Uint8Array();
  const keyring = await openInvite(link.secret, link.inviteId, sealed);
  if (!keyring.ok) throw new Error(`invite keyring: ${keyring.code}`);
  return deviceOn(baseUrl, claimed.value, member, keyring.value, options);
}

export async function joinDevice<S extends LocalStore = MemoryLocalStore>(
  baseUrl: string,
  admin: ClientDevice<LocalStore>,
  options: DeviceOptions<S> = {},
): Promise<ClientDevice<S>> {
  const joined = await claim(baseUrl, await invite(admin), options);
  if (typeof joined === 'string') throw new Error(`claim failed: ${joined}`);
  return joined;
}

export const person = (fields: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deleted: false,
  familyName: 'Haidari',
  givenNames: 'Amina',
  phone: '',
  ...fields,
});

/** Syncs until a run reports nothing pending (a few runs at most), failing on a failure. */
export async function settle(device: ClientDevice<LocalStore>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const run = await device.engine.syncOnce();
    if (!run.ok) throw new Error(`sync failed: ${run.code}`);
    if (run.value.pending === 0) return;
  }
  throw new Error('sync did not settle');
}
