// Entry point: `node dist-server/server/main.js` (npm start) or `tsx src/server/main.ts`.
// PORT (8080), HOST (0.0.0.0), LOTSE_STATIC_DIR (the repo's dist/), DATABASE_URL (PostgreSQL; else
// SQLite in DATA_DIR, default the repo's data/), RATE_LIMIT_BURST + RATE_LIMIT_PER_SECOND (per-device
// token bucket, default 120 and 20). Stops cleanly on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLotseServer } from './app.js';
import { readConfig, type ServerConfig } from './config.js';
import { consoleLogger as log } from './logger.js';
import { openSyncStore, sqliteFileName } from './sync/store/sync-store.js';
import { createSyncService } from './sync/sync-service.js';

const shutdownGraceMs = 10_000;

async function start(config: ServerConfig): Promise<void> {
  if (!existsSync(config.staticDir)) {
    log.error(`Static folder ${config.staticDir} does not exist; run "npm run build" first.`);
  }
  const store = await openSyncStore(config);
  log.info(
    config.databaseUrl
      ? 'Sync store: PostgreSQL (DATABASE_URL)'
      : `Sync store: SQLite ${join(config.dataDir, sqliteFileName)}`,
  );
  const sync = createSyncService({ store, log, rateLimit: config.rateLimit });
  const server = createLotseServer({
    staticDir: config.staticDir,
    version: config.version,
    log,
    sync,
  });

  server.on('error', (error) => {
    log.error('Lotse server failed', error);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    log.info(`Lotse listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.error(`Received ${signal} again; exiting now.`);
      process.exit(1);
    }
    stopping = true;
    log.info(`Received ${signal}; closing Lotse server.`);
    sync.close(); // waiting long-polls answer now instead of holding the shutdown
    server.close((error) => {
      if (error) log.error('Error while closing', error);
      process.exitCode = error ? 1 : 0;
      store
        .close()
        .catch((closeError: unknown) => log.error('Error closing the store', closeError));
    });
    server.closeIdleConnections();
    // Keep-alive sockets mid-request get a grace period, then are cut.
    setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  await start(readConfig(process.env));
} catch (error) {
  log.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
