import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Two processes starting at once must not both migrate. (Two-key advisory lock space.) */
const MIGRATION_LOCK = [7130, 1] as const;

export interface Migration {
  id: number;
  name: string;
  checksum: string;
  sql: string;
}

export function knownMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        id: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        checksum: createHash('sha256').update(sql).digest('hex'),
        sql,
      };
    });
}

export class UnknownMigrationError extends Error {}

/**
 * Applies the migrations the database lacks, in order, each in its own transaction, and
 * records them. Refuses a database whose history holds a migration this server does not
 * know, or one whose file changed after it was applied: that database was made by a newer
 * (or different) server, and running older code against it could corrupt it.
 */
export async function migrate(db: Database, migrations = knownMigrations()): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    const { rows } = await tx.query<{ id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const byId = new Map(migrations.map((m) => [m.id, m]));
    for (const row of rows) {
      const known = byId.get(row.id);
      if (!known || known.name !== row.name || known.checksum !== row.checksum) {
        throw new UnknownMigrationError(
          `De database bevat migratie ${row.name} die deze serverversie niet kent. Werk de server bij. ` +
            `(database has migration ${row.id} ${row.name} unknown to this server)`,
        );
      }
    }
    const applied = new Set(rows.map((r) => r.id));
    const added: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        m.checksum,
      ]);
      added.push(m.id);
    }
    return added;
  });
}
