// The peer of the initial-sync benchmark: the same 10,000 cases with 3 persons each, held by a
// CouchDB-compatible server (express-pouchdb on express@4, PouchDB with the in-memory adapter)
// and replicated by PouchDB (in-memory adapter, over HTTP) to a fresh client database — what an
// offline-first app built on PouchDB does on a new device. Timed from the start of the
// replication to its end; the client's document count is then checked.
//
// Fair equivalent of Lotse's records: one document per case and one per person (40,000
// documents, each one revision), as in Lotse, where a person is a record of its own; the
// embedded variant (10,000 documents, persons inside their case) is measured too. The peer
// stores and sends plaintext: PouchDB has no end-to-end encryption of its own, so it does less
// work than Lotse, which decrypts every record.
//
// The packages are loaded with require from the repository's node_modules, or from
// BENCH_PEER_MODULES (a folder with its own node_modules, e.g. a scratch install):
//   npm i -E pouchdb-core@9.0.0 pouchdb-adapter-memory@9.0.0 pouchdb-adapter-http@9.0.0 \
//     pouchdb-replication@9.0.0 pouchdb-mapreduce@9.0.0 express-pouchdb@4.2.0 express@4.22.3
// Run alone: `npx tsx tests/bench/sync-initial-peer.ts` (SYNC_INITIAL_CASES=10000).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  isBenchChild,
  isMain,
  loadAverage,
  machineLine,
  markdownTable,
  medianOf,
  msRange,
  reportToParent,
} from './sync-bench-common';
import { initialSyncBook, plaintextBytes, type InitialBook } from './sync-initial-data';

// Minimal shapes of the untyped CommonJS packages (they ship no TypeScript types).
type PouchDoc = { _id: string; [field: string]: unknown };
type PouchDatabase = {
  bulkDocs(docs: PouchDoc[]): Promise<unknown[]>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
};
type PouchReplication = { docs_written: number; ok: boolean };
type PouchConstructor = {
  new (name: string, options?: { adapter?: string }): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: { adapter: string }): PouchConstructor;
  replicate(
    source: string | PouchDatabase,
    target: string | PouchDatabase,
    options?: { batch_size?: number },
  ): Promise<PouchReplication>;
};
type ExpressApp = {
  use(path: string, handler: unknown): void;
  listen(port: number, host: string, done: () => void): Server;
};

export const PEER_PACKAGES =
  'pouchdb-core@9.0.0 pouchdb-adapter-memory@9.0.0 pouchdb-adapter-http@9.0.0 pouchdb-replication@9.0.0 pouchdb-mapreduce@9.0.0 express-pouchdb@4.2.0 express@4.22.3';

function loadPeer(): {
  PouchDB: PouchConstructor;
  express: () => ExpressApp;
  expressPouchDB: (pouch: PouchConstructor, options: unknown) => unknown;
} {
  const from = process.env.BENCH_PEER_MODULES
    ? join(resolve(process.env.BENCH_PEER_MODULES), 'index.js')
    : import.meta.url;
  const require = createRequire(from);
  // The packages are CommonJS without types; their shapes are declared above.
  const core = require('pouchdb-core') as PouchConstructor;
  const PouchDB = core
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'));
  return {
    PouchDB,
    express: require('express') as () => ExpressApp,
    expressPouchDB: require('express-pouchdb') as (
      pouch: PouchConstructor,
      options: unknown,
    ) => unknown,
  };
}

export type PeerVariant = 'documents per record' | 'persons embedded in their case';

export type PeerRun = {
  variant: PeerVariant;
  batchSize: number;
  documents: number;
  /** Median of the repeats. */
  ms: number;
  /** Every repeat, in order. */
  allMs: number[];
  loadAverage: string;
};

export type PeerResult = { cases: number; plaintextBytes: number; runs: PeerRun[] };

function documentsOf(book: InitialBook, variant: PeerVariant): PouchDoc[] {
  if (variant === 'documents per record') {
    return [
      ...book.cases.map((c) => ({ ...c, _id: `case/${c.id}` })),
      ...book.persons.map((p) => ({ ...p, _id: `person/${p.id}` })),
    ];
  }
  const byCase = new Map<string, unknown[]>();
  for (const person of book.persons) {
    byCase.set(person.caseId, [...(byCase.get(person.caseId) ?? []), person]);
  }
  return book.cases.map((c) => ({ ...c, _id: `case/${c.id}`, persons: byCase.get(c.id) ?? [] }));
}

const PLAN: [PeerVariant, number][] = [
  ['documents per record', 100],
  ['documents per record', 1000],
  ['persons embedded in their case', 100],
];
const dbName = (variant: PeerVariant): string =>
  variant === 'documents per record' ? 'lotse-peer-records' : 'lotse-peer-embedded';

/**
 * The child process: the CouchDB-compatible server, loaded with both variants of the book
 * (not timed). In its own process, as Lotse's server is, so it does not share the client's
 * event loop.
 */
async function serve(cases: number): Promise<void> {
  const { PouchDB, express, expressPouchDB } = loadPeer();
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.use(
    '/',
    expressPouchDB(MemoryPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );
  const book = initialSyncBook(cases);
  for (const variant of new Set(PLAN.map(([v]) => v))) {
    const remote = new MemoryPouch(dbName(variant));
    const docs = documentsOf(book, variant);
    for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));
  }
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  console.log(`peer listening on ${port}`);
}

async function startPeerServer(cases: number): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: { ...process.env, SYNC_PEER_SERVE: String(cases) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 300_000;
  for (;;) {
    const port = /peer listening on (\d+)/.exec(output)?.[1];
    if (port) return { port: Number(port), stop: () => child.kill('SIGTERM') };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`peer server did not start:\n${output}`);
    }
    await sleep(100);
  }
}

export async function runInitialSyncPeer(
  cases = Number(process.env.SYNC_INITIAL_CASES ?? 10_000),
  repeats = Number(process.env.SYNC_INITIAL_REPEATS ?? 3),
): Promise<PeerResult> {
  const { PouchDB } = loadPeer();
  const book = initialSyncBook(cases);
  const server = await startPeerServer(cases);
  const timings = PLAN.map((): number[] => []);
  try {
    // The variants take turns, each replicated to a new client database every time.
    for (let round = 0; round < repeats; round += 1) {
      for (const [index, [variant, batchSize]] of PLAN.entries()) {
        const documents = documentsOf(book, variant).length;
        const client = new PouchDB(`client-${round}-${index}`, { adapter: 'memory' });
        const started = performance.now();
        const result = await PouchDB.replicate(
          `http://127.0.0.1:${server.port}/${dbName(variant)}`,
          client,
          { batch_size: batchSize },
        );
        const elapsed = performance.now() - started;
        const { doc_count } = await client.info();
        if (!result.ok || doc_count !== documents) {
          throw new Error(`replication incomplete: ${doc_count} of ${documents} documents`);
        }
        timings[index]?.push(elapsed);
        await client.destroy();
      }
    }
  } finally {
    server.stop();
  }
  const runs = PLAN.map(([variant, batchSize], index): PeerRun => ({
    variant,
    batchSize,
    documents: documentsOf(book, variant).length,
    ms: medianOf(timings[index] ?? []),
    allMs: timings[index] ?? [],
    loadAverage: loadAverage(),
  }));
  return { cases, plaintextBytes: plaintextBytes(book), runs };
}

export function peerTable(result: PeerResult): string {
  return markdownTable(
    [
      'PouchDB replication to a fresh device',
      'documents',
      'batch_size',
      'time, median (range)',
      'load avg (1/5/15)',
    ],
    result.runs.map((run) => [
      run.variant,
      run.documents.toLocaleString('en'),
      String(run.batchSize),
      msRange(run.allMs),
      run.loadAverage,
    ]),
  );
}

async function main(): Promise<void> {
  const result = await runInitialSyncPeer();
  if (isBenchChild()) return reportToParent(result);
  console.log(`\n${peerTable(result)}\n`);
  console.log(
    `${machineLine()}. ${result.cases.toLocaleString('en')} cases × 3 persons, ${(result.plaintextBytes / 1024 / 1024).toFixed(1)} MiB of plaintext JSON; ` +
      `express-pouchdb (mode minimumForPouchDB) on express@4, PouchDB memory adapter on both sides; ${PEER_PACKAGES}.`,
  );
  console.log('Command: npx tsx tests/bench/sync-initial-peer.ts');
}

if (process.env.SYNC_PEER_SERVE) await serve(Number(process.env.SYNC_PEER_SERVE));
else if (isMain(import.meta.url)) await main();
