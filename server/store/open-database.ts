import { mkdirSync } from 'node:fs';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPostgres } from './pg-driver.ts';
import { openPglite } from './pglite-driver.ts';

export interface DatabaseConfig {
  /** postgres://… : a real PostgreSQL server. Without it, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
}

/** Opens the configured engine and brings its schema up to date (or refuses it). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl, config.poolSize);
  } else {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
