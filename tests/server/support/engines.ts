import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database, Engine } from '../../../server/store/database.ts';
import { openDatabase } from '../../../server/store/open-database.ts';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

export interface TestDatabase {
  engine: Engine;
  db: Database;
  /** How a second process opens the same database (DATABASE_URL or DATA_DIR). */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Closes and deletes it. */
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, migrated database of the given engine; no test sees another's data. */
export async function createTestDatabase(engine: Engine, options: { open?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'hk-pglite-'));
    const dataDir = join(dir, 'data');
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const db = options.open === false ? closedDatabase() : await openDatabase({ dataDir });
    return {
      engine,
      db,
      env: { DATA_DIR: dataDir },
      async drop() {
        await db.close();
        rmSync(dirname(dataDir), { recursive: true, force: true });
      },
    };
  }
  const admin = inject('pgUrl');
  const name = `t_${process.pid}_${Date.now()}_${counter++}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const db = options.open === false ? closedDatabase() : await openDatabase({ databaseUrl: url });
  return {
    engine,
    db,
    env: { DATABASE_URL: url },
    async drop() {
      await db.close();
      await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    },
  };
}

async function withAdmin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** For tests where another process owns the database (PGlite allows one). */
function closedDatabase(): Database {
  const fail = () => Promise.reject(new Error('not opened in this process'));
  return {
    engine: 'pglite',
    query: fail,
    exec: fail,
    transaction: fail,
    listen: fail,
    close: () => Promise.resolve(),
  };
}
