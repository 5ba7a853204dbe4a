// Initial sync, Lotse's side: a team holds 10,000 cases with 3 persons each (40,000 records,
// encrypted on the writing device with the real record envelopes of src/crypto, pushed to the
// real server in its own process — not timed). Then fresh devices that have joined the team
// (keyring in hand) run the real sync engine (src/sync: HTTP transport with binary pull pages,
// decrypt, merge check, apply with its cursor) into the in-memory reference store, each timed
// from the start of its first sync run until every record is decrypted and stored, and its
// records compared with the plaintext. Each page size runs SYNC_INITIAL_REPEATS times (3; the
// sizes take turns), each on a new device; the median counts. The peer (PouchDB +
// express-pouchdb) is sync-initial-peer.ts; `npm run bench` runs both sides in fresh Node
// processes (runInChild). Run alone, this script measures the peer too when its packages
// resolve, and prints the ratio (target: Lotse ≤ 0.5 × the peer's time).
// Run alone: `npx tsx tests/bench/sync-initial.ts` (SYNC_INITIAL_CASES=10000,
// SYNC_INITIAL_BACKENDS=sqlite,postgres, SYNC_INITIAL_REPEATS=3,
// BENCH_PEER_MODULES=<folder with the peer's packages>).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createKeyring } from '../../src/crypto/keyring';
import {
  pullPageMediaType,
  syncLimits,
  syncPaths,
  type PushResponse,
  type RecordChange,
} from '../../src/shared/sync-protocol';
import { createSyncEngine } from '../../src/sync/engine';
import { createHttpTransport } from '../../src/sync/http-transport';
import { createMemoryLocalStore } from '../../src/sync/memory-local-store';
import { decodePullPage } from '../../src/sync/pull-page';
import { createRecordCodec } from '../../src/sync/record-codec';
import {
  backends,
  callJson,
  createTeamOf,
  isBenchChild,
  isMain,
  loadAverage,
  machineLine,
  markdownTable,
  medianOf,
  ms,
  msRange,
  reportToParent,
  startBenchServer,
  type Backend,
} from './sync-bench-common';
import { initialSyncBook, plaintextBytes } from './sync-initial-data';
import { peerTable, runInitialSyncPeer, type PeerResult } from './sync-initial-peer';

export const INITIAL_SYNC_RATIO_TARGET = 0.5;

export type InitialSyncRun = {
  backend: Backend;
  pullPageSize: number;
  records: number;
  /** Median of the repeats. */
  ms: number;
  /** Every repeat, in order. */
  allMs: number[];
  /** For comparison: fetching the same pages over HTTP without decrypting or storing them. */
  rawPullMs: number;
  /** Bytes of ciphertext the fresh device received (raw, as binary pull pages carry it). */
  ciphertextBytes: number;
  loadAverage: string;
};

export type InitialSyncResult = { cases: number; plaintextBytes: number; runs: InitialSyncRun[] };

/** Pulls every page from 0 as the app's transport asks for it, decoding only the page frame. */
async function timeRawPull(baseUrl: string, token: string, limit: number): Promise<number> {
  const started = performance.now();
  let cursor = 0;
  for (;;) {
    const response = await fetch(`${baseUrl}${syncPaths.pull}?after=${cursor}&limit=${limit}`, {
      headers: { authorization: `Bearer ${token}`, accept: pullPageMediaType },
    });
    const page = response.ok ? decodePullPage(await response.arrayBuffer()) : null;
    if (!page) throw new Error(`pull failed: ${response.status}`);
    cursor = page.nextCursor;
    if (!page.hasMore) return performance.now() - started;
  }
}

export async function runInitialSync(
  backend: Backend,
  cases = Number(process.env.SYNC_INITIAL_CASES ?? 10_000),
  pageSizes: number[] = [syncLimits.defaultPullLimit, syncLimits.maxPullLimit],
  repeats = Number(process.env.SYNC_INITIAL_REPEATS ?? 3),
): Promise<{ runs: InitialSyncRun[]; plaintextBytes: number }> {
  const book = initialSyncBook(cases);
  const server = await startBenchServer(backend);
  try {
    const { baseUrl } = server;
    const [writer, ...fresh] = await createTeamOf(baseUrl, 1 + pageSizes.length * repeats);
    if (!writer) throw new Error('no writer device');
    const keyring = await createKeyring(writer.teamId);
    const codec = createRecordCodec(() => keyring);

    // The writing device pushes the book (not timed).
    const records = [
      ...book.cases.map((record) => ({ kind: 'case', record })),
      ...book.persons.map((record) => ({ kind: 'person', record })),
    ];
    let ciphertextBytes = 0;
    for (let i = 0; i < records.length; i += syncLimits.maxPushBatch) {
      const changes: RecordChange[] = [];
      for (const { kind, record } of records.slice(i, i + syncLimits.maxPushBatch)) {
        const encoded = await codec.encode(kind, record, 1);
        ciphertextBytes += Buffer.byteLength(encoded.ciphertext, 'base64');
        changes.push({ id: record.id, kind, baseRev: 0, changeId: randomUUID(), ...encoded });
      }
      const reply = await callJson<PushResponse>(
        baseUrl,
        'POST',
        syncPaths.push,
        writer.deviceToken,
        {
          changes,
        },
      );
      if (reply.status !== 200 || reply.body.results.some((r) => r.status !== 'ok')) {
        throw new Error(`seeding push failed: ${reply.status}`);
      }
    }

    const timings = pageSizes.map((): number[] => []);
    const rawPulls = pageSizes.map((): number[] => []);
    for (let round = 0; round < repeats; round += 1) {
      for (const [index, pullPageSize] of pageSizes.entries()) {
        const device = fresh[round * pageSizes.length + index];
        if (!device) throw new Error('missing fresh device');
        const store = createMemoryLocalStore();
        const engine = createSyncEngine({
          store,
          transport: createHttpTransport({ baseUrl, deviceToken: device.deviceToken }),
          codec,
          pullPageSize,
        });
        const started = performance.now();
        const result = await engine.syncOnce();
        const elapsed = performance.now() - started;
        if (!result.ok) throw new Error(`initial sync failed: ${result.code}`);
        const local = store.records();
        const wrong = records.filter(
          ({ kind, record }) =>
            JSON.stringify(local.get(`${kind}/${record.id}`)) !== JSON.stringify(record),
        ).length;
        if (local.size !== records.length || wrong > 0 || result.value.problems.length > 0) {
          throw new Error(`initial sync incomplete: ${local.size} records, ${wrong} differ`);
        }
        timings[index]?.push(elapsed);
        rawPulls[index]?.push(await timeRawPull(baseUrl, device.deviceToken, pullPageSize));
      }
    }
    const runs = pageSizes.map((pullPageSize, index): InitialSyncRun => ({
      backend,
      pullPageSize,
      records: records.length,
      ms: medianOf(timings[index] ?? []),
      allMs: timings[index] ?? [],
      rawPullMs: medianOf(rawPulls[index] ?? []),
      ciphertextBytes,
      loadAverage: loadAverage(),
    }));
    return { runs, plaintextBytes: plaintextBytes(book) };
  } finally {
    await server.stop();
  }
}

const ratio = (lotseMs: number, peerMs: number | undefined): string => {
  if (peerMs === undefined) return 'peer not measured';
  const r = lotseMs / peerMs;
  return `${r.toFixed(2)}× ${r <= INITIAL_SYNC_RATIO_TARGET ? 'PASS' : 'MISSED'}`;
};

/** Lotse's runs against the peer's documents-per-record runs: default batch_size and fastest. */
export function initialSyncTable(lotse: InitialSyncRun[], peer: PeerResult | null): string {
  const perRecord = peer?.runs.filter((r) => r.variant === 'documents per record') ?? [];
  const peerDefault = perRecord.find((r) => r.batchSize === 100)?.ms;
  const peerFastest = perRecord.length ? Math.min(...perRecord.map((r) => r.ms)) : undefined;
  return markdownTable(
    [
      'Lotse initial sync to a fresh device',
      'records',
      'pull page',
      'time, median (range)',
      'of which HTTP + server (raw pull)',
      `÷ PouchDB default (target ≤ ${INITIAL_SYNC_RATIO_TARGET}×)`,
      `÷ PouchDB fastest (target ≤ ${INITIAL_SYNC_RATIO_TARGET}×)`,
      'load avg (1/5/15)',
    ],
    lotse.map((run) => [
      `${run.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} server, decrypt + apply`,
      run.records.toLocaleString('en'),
      String(run.pullPageSize),
      msRange(run.allMs),
      ms(run.rawPullMs),
      ratio(run.ms, peerDefault),
      ratio(run.ms, peerFastest),
      run.loadAverage,
    ]),
  );
}

async function main(): Promise<void> {
  const only = process.env.SYNC_INITIAL_BACKENDS?.split(',') ?? [...backends];
  const runs: InitialSyncRun[] = [];
  let plaintext = 0;
  for (const backend of backends.filter((b) => only.includes(b))) {
    console.log(`${backend}: seeding and syncing …`);
    const result = await runInitialSync(backend);
    runs.push(...result.runs);
    plaintext = result.plaintextBytes;
  }
  if (isBenchChild()) return reportToParent({ runs, plaintextBytes: plaintext });
  let peer: PeerResult | null = null;
  try {
    console.log('peer: PouchDB replication …');
    peer = await runInitialSyncPeer();
  } catch (error) {
    console.log(`peer not measured: ${String(error)}`);
  }
  console.log(`\n${initialSyncTable(runs, peer)}\n`);
  if (peer) console.log(`${peerTable(peer)}\n`);
  console.log(
    `${machineLine()}. ${(plaintext / 1024 / 1024).toFixed(1)} MiB of plaintext JSON, ${((runs[0]?.ciphertextBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB of ciphertext (raw bytes in binary pull pages) on the wire for Lotse; ` +
      'Lotse client: src/sync engine + HTTP transport + AES-GCM record envelopes into the in-memory reference store (memory-local-store.ts).',
  );
  console.log('Command: npx tsx tests/bench/sync-initial.ts');
}

if (isMain(import.meta.url)) await main();
