// Test harness for the sync endpoint: a real Lotse server on a random port over a real store —
// a SQLite file in a temporary folder, or a fresh PostgreSQL database — plus a small HTTP client.
// Every suite runs against both (describe.each(backends)).
import { afterAll, beforeAll } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotseServer } from '../../../src/server/app.js';
import type { Logger } from '../../../src/server/logger.js';
import type { RateLimitSettings } from '../../../src/server/sync/rate-limit.js';
import type { SyncStore } from '../../../src/server/sync/store/store-types.js';
import { openSyncStore } from '../../../src/server/sync/store/sync-store.js';
import { createSyncService } from '../../../src/server/sync/sync-service.js';
import type {
  CreateTeamResponse,
  DeviceCredentials,
  RecordChange,
} from '../../../src/shared/sync-protocol.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

export const backends = ['sqlite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

const quiet: Logger = { info: () => {}, error: () => {} };

export type SyncTestServer = {
  baseUrl: string;
  port: number;
  store: SyncStore;
  /** Moves the server clock (invite expiry). */
  clock: { offsetMs: number };
  /** Where the SQLite file lives, or the PostgreSQL URL. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** The PostgreSQL test database (postgres backend only). */
  database: TestDatabase | undefined;
};

export type SyncServerOptions = { rateLimit?: RateLimitSettings; log?: Logger };

const generous: RateLimitSettings = { capacity: 100_000, refillPerSecond: 100_000 };

/** A server for the whole test file (vitest hooks). */
export function useSyncServer(backend: Backend, options: SyncServerOptions = {}): SyncTestServer {
  const context = { clock: { offsetMs: 0 } } as SyncTestServer;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lotse-sync-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let database: TestDatabase | undefined;
    if (backend === 'postgres') {
      database = await createTestDatabase();
      cleanups.push(database.drop);
    }
    const databaseUrl = database?.url;
    const store = await openSyncStore({ dataDir, databaseUrl });
    cleanups.push(() => store.close());
    const sync = createSyncService({
      store,
      log: options.log ?? quiet,
      rateLimit: options.rateLimit ?? generous,
      pollIntervalMs: 100,
      now: () => Date.now() + context.clock.offsetMs,
    });
    const server = createLotseServer({ staticDir: dataDir, log: quiet, sync });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          sync.close();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    Object.assign(context, {
      baseUrl: `http://127.0.0.1:${port}`,
      port,
      store,
      dataDir,
      databaseUrl,
      database,
    });
  }, 60_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);
  return context;
}

export type Reply<T = unknown> = { status: number; body: T; headers: Headers };

export type CallOptions = {
  token?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
};

export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const parsed: unknown = type.includes('application/json') && text ? JSON.parse(text) : text;
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const fromB64 = (text: string): string => Buffer.from(text, 'base64').toString('utf8');
export const claimToken = (): string => randomBytes(32).toString('base64url');

export async function createTeam(baseUrl: string): Promise<CreateTeamResponse> {
  const reply = await call<CreateTeamResponse>(baseUrl, 'POST', '/api/v1/teams', {
    json: { keyMaterial: b64('admin-key-material') },
  });
  if (reply.status !== 201) throw new Error(`team creation failed: ${reply.status}`);
  return reply.body;
}

/** An admin invites, a new device claims: the new member's credentials. */
export async function addMember(
  baseUrl: string,
  admin: DeviceCredentials,
): Promise<DeviceCredentials> {
  const token = claimToken();
  const invite = await call<{ inviteId: string }>(baseUrl, 'POST', '/api/v1/invites', {
    token: admin.deviceToken,
    json: { claimToken: token, wrappedTeamKey: b64('wrapped') },
  });
  const claimed = await call<DeviceCredentials>(
    baseUrl,
    'POST',
    `/api/v1/invites/${invite.body.inviteId}/claim`,
    { json: { claimToken: token, keyMaterial: b64('member-key') } },
  );
  if (claimed.status !== 201) throw new Error(`claim failed: ${claimed.status}`);
  return claimed.body;
}

export function change(overrides: Partial<RecordChange> = {}): RecordChange {
  return {
    id: randomUUID(),
    kind: 'case',
    baseRev: 0,
    changeId: randomUUID(),
    keyEpoch: 0,
    deleted: false,
    ciphertext: b64(`ciphertext ${randomUUID()}`),
    ...overrides,
  };
}

// A request with the target sent byte for byte (fetch would normalise `..` and `%2F`).
export { rawRequest, type RawResponse as RawReply } from '../fixture.js';
