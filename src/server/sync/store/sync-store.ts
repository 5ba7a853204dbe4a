// Opens the sync store: PostgreSQL when DATABASE_URL is set, else a SQLite file in DATA_DIR.
// Migrations run before the store is handed out.
import { join } from 'node:path';
import { createBlobStore } from './blob-store.js';
import { createKeyStore } from './key-store.js';
import { migrate } from './migrations.js';
import { openPostgresDriver } from './postgres-driver.js';
import { createRecordStore } from './record-store.js';
import type { SqlDriver } from './sql-driver.js';
import { openSqliteDriver } from './sqlite-driver.js';
import type { SyncStore } from './store-types.js';
import { createTeamStore } from './team-store.js';

export type StoreConfig = { databaseUrl?: string; dataDir: string };

export const sqliteFileName = 'lotse.sqlite';

export function createSyncStore(driver: SqlDriver): SyncStore {
  return {
    ...createTeamStore(driver),
    ...createKeyStore(driver),
    ...createRecordStore(driver),
    ...createBlobStore(driver),
    close: () => driver.close(),
  };
}

export async function openSyncStore(config: StoreConfig): Promise<SyncStore> {
  const driver = config.databaseUrl
    ? openPostgresDriver(config.databaseUrl)
    : openSqliteDriver(join(config.dataDir, sqliteFileName));
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  return createSyncStore(driver);
}
