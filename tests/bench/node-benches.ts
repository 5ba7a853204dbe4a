// The Node-side parts of `npm run bench`: the form engine over the real forms (pdf-bench.ts)
// and team sync against the real server on SQLite and PostgreSQL (sync-*.ts). Each part also
// runs alone; see the header of its file.
import { runPdfBench, formatPdfBench, type PdfBenchRow } from './pdf-bench';
import { fileURLToPath } from 'node:url';
import { backends, runInChild } from './sync-bench-common';
import { initialSyncTable, type InitialSyncRun } from './sync-initial';
import { peerTable, type PeerResult } from './sync-initial-peer';
import { runSyncLatency, syncLatencyTable, type SyncLatencyResult } from './sync-latency';
import { runSyncLoad, syncLoadTable, type SyncLoadResult } from './sync-load';

export type NodeBenchResults = {
  pdf?: PdfBenchRow[];
  syncLoad?: SyncLoadResult[];
  syncLatency?: SyncLatencyResult[];
  initialSync?: { runs: InitialSyncRun[]; peer: PeerResult | null; peerError: string | null };
};

const PDF_RUNS = 5;

const script = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export async function measurePdf(): Promise<PdfBenchRow[]> {
  console.log(
    `Form engine: inspect + fill + save of every form in ../shared/forms (${PDF_RUNS} runs) …`,
  );
  return runPdfBench(PDF_RUNS);
}

export async function measureSync(): Promise<Required<Omit<NodeBenchResults, 'pdf'>>> {
  const syncLoad: SyncLoadResult[] = [];
  const syncLatency: SyncLatencyResult[] = [];
  const runs: InitialSyncRun[] = [];
  for (const backend of backends) {
    console.log(`Sync load, 200 devices on ${backend} …`);
    syncLoad.push(await runSyncLoad(backend));
    console.log(`Sync latency on ${backend} …`);
    syncLatency.push(await runSyncLatency(backend));
    console.log(`Initial sync of 10,000 cases on ${backend} (fresh Node process) …`);
    const initial = await runInChild<{ runs: InitialSyncRun[] }>(script('./sync-initial.ts'), {
      SYNC_INITIAL_BACKENDS: backend,
    });
    runs.push(...initial.runs);
  }
  console.log('Sync latency across two server instances on postgres …');
  syncLatency.push(await runSyncLatency('postgres', 2));
  let peer: PeerResult | null = null;
  let peerError: string | null = null;
  try {
    console.log('Peer: PouchDB replication from express-pouchdb (fresh Node process) …');
    peer = await runInChild<PeerResult>(script('./sync-initial-peer.ts'));
  } catch (error) {
    peerError = String(error);
  }
  return { syncLoad, syncLatency, initialSync: { runs, peer, peerError } };
}

export function nodeBenchSections(results: NodeBenchResults): string {
  const sections: string[] = [];
  if (results.pdf) {
    sections.push(`## Form engine (Node)

Inspect + fill (multi-script values in every text field, every checkbox ticked, embedded subset
fonts) + save, median of ${PDF_RUNS} runs per form, in one Node process (tests/bench/pdf-bench.ts).
"total CPU" is the process's CPU time for the same work, which is what the figure would be on an
idle core. Targets: Jobcenter Hauptantrag < 250 ms, Elterngeld (733 fields) < 1.5 s.

${formatPdfBench(results.pdf)}`);
  }
  if (results.syncLoad) {
    sections.push(`## Sync load (200 devices)

200 simulated devices in 20 teams of 10 push batches of 10 encrypted-size records and pull to
their team's head, without pauses, against one server process (tests/bench/sync-load.ts; rate
limits raised for the run). At the end every device pulls everything and the record set equals
exactly what the server acknowledged.

${syncLoadTable(results.syncLoad)}`);
  }
  if (results.syncLatency) {
    sections.push(`## One edit visible on a second device

Device B long-polls; device A pushes one record; from the start of A's push until B holds the
pulled record (tests/bench/sync-latency.ts). Target < 1 s.

${syncLatencyTable(results.syncLatency)}`);
  }
  if (results.initialSync) {
    const { runs, peer, peerError } = results.initialSync;
    sections.push(`## Initial sync of 10,000 cases (3 persons each) to a fresh device

Lotse: the real engine, HTTP transport (binary pull pages) and AES-GCM envelopes into the
in-memory reference store (tests/bench/sync-initial.ts). Peer: the same records replicated by
PouchDB from express-pouchdb (memory adapter) to a fresh PouchDB, one document per record,
plaintext (tests/bench/sync-initial-peer.ts). Each side runs in a fresh Node process (so neither
inherits the heap of the parts before it), every variant 3 times in turn on a new device or
database; the ratios use the medians. Target: Lotse ≤ 0.5× the peer.

${initialSyncTable(runs, peer)}
${peer ? `\n${peerTable(peer)}` : `\nPeer not measured: ${peerError ?? 'unknown error'}`}`);
  }
  return sections.join('\n\n');
}
