// Entry point: `node dist-server/server/main.js` (npm start) or `tsx src/server/main.ts`.
// PORT (8080), HOST (0.0.0.0), LOTSE_STATIC_DIR (the repo's dist/). Stops cleanly on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createLotseServer } from './app.js';
import { readConfig, type ServerConfig } from './config.js';
import { consoleLogger as log } from './logger.js';

const shutdownGraceMs = 10_000;

function start(config: ServerConfig): void {
  if (!existsSync(config.staticDir)) {
    log.error(`Static folder ${config.staticDir} does not exist; run "npm run build" first.`);
  }
  const server = createLotseServer({ staticDir: config.staticDir, version: config.version, log });

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
    server.close((error) => {
      if (error) log.error('Error while closing', error);
      process.exitCode = error ? 1 : 0;
    });
    server.closeIdleConnections();
    // Keep-alive sockets mid-request get a grace period, then are cut.
    setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  start(readConfig(process.env));
} catch (error) {
  log.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
