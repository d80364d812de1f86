import type { Table } from 'dexie';
import { dataKey, LockedError } from '../db/data-key.ts';
import type { AppDatabase } from '../db/database.ts';
import { toStorageError } from '../db/storage-error.ts';

/**
 * Seals what was stored before the lock was set up, in place and crash-safe: small
 * chunks, each one transaction that rewrites its rows (the sealing middleware seals
 * them, and gives list rows the keyed address index) and moves the progress marker
 * in the keyring. A kill in the middle loses nothing: readers open sealed rows and
 * take plain ones as they are, and the next unlock continues at the marker.
 *
 * Overwritten values stay in IndexedDB's LevelDB files until a compaction merges
 * them away. So when every row is sealed, each table is read, cleared and written
 * again in one transaction: Chromium compacts a range that was deleted, which drops
 * the old plain copies (tests/e2e/lock-profile.test.ts searches the profile for them).
 */

const TABLES = ['settings', 'networkIncidents', 'logs', 'appendedEvents', 'incidents'] as const;
type SealedTable = (typeof TABLES)[number];
export const FIRST_TABLE: SealedTable = TABLES[0];
const COMPACT = 'compact:';
const CHUNK = 25;

export interface MigrationProgress {
  /** 0..1, by table. */
  fraction: number;
}

const tableOf = (db: AppDatabase, name: SealedTable) => db.table(name) as Table<Record<string, unknown>, unknown>;

/** True when a lock is set up and some stored rows may still be plain. */
export async function migrationPending(db: AppDatabase): Promise<boolean> {
  return (await db.keyring.get('lock'))?.migration !== undefined;
}

/**
 * Continues the migration from its marker until every row is sealed and compacted.
 * Needs the key in memory. `sealOutside` seals what lives outside IndexedDB (drafts).
 */
export async function continueMigration(
  db: AppDatabase,
  options: { onProgress?: (progress: MigrationProgress) => void; sealOutside?: () => void; chunk?: number } = {},
): Promise<void> {
  if (dataKey.status() !== 'open') throw new LockedError();
  const chunk = options.chunk ?? CHUNK;
  try {
    for (;;) {
      const marker = (await db.keyring.get('lock'))?.migration;
      if (!marker) return;
      const compacting = marker.table.startsWith(COMPACT);
      const name = (compacting ? marker.table.slice(COMPACT.length) : marker.table) as SealedTable;
      const index = TABLES.indexOf(name);
      if (index < 0) throw new Error(`Unknown migration marker ${marker.table}`);
      options.onProgress?.({ fraction: (index + (compacting ? TABLES.length : 0)) / (2 * TABLES.length) });
      const next = TABLES[index + 1];
      if (compacting) {
        await rewriteWhole(db, name, next ? { table: COMPACT + next } : undefined);
      } else if (!(await sealChunk(db, name, marker.after, chunk))) {
        if (!next) options.sealOutside?.();
        await db.keyring.update('lock', { migration: { table: next ?? COMPACT + FIRST_TABLE } });
      }
    }
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Rewrites the next chunk after `after`; false when there was none. */
async function sealChunk(db: AppDatabase, name: SealedTable, after: unknown, chunk: number): Promise<boolean> {
  const table = tableOf(db, name);
  return db.transaction('rw', [table, db.keyring], async () => {
    const from = after === undefined ? table.toCollection() : table.where(':id').above(after);
    const keys = await from.limit(chunk).primaryKeys();
    if (keys.length === 0) return false;
    const rows = await table.bulkGet(keys);
    await Promise.all([
      table.bulkPut(rows.filter((row) => row !== undefined)),
      db.keyring.update('lock', { migration: { table: name, after: keys.at(-1) } }),
    ]);
    return true;
  });
}

/** Read, clear, write again: one transaction, so a kill leaves the table as it was or done. */
async function rewriteWhole(db: AppDatabase, name: SealedTable, next: { table: string } | undefined): Promise<void> {
  const table = tableOf(db, name);
  await db.transaction('rw', [table, db.keyring], async () => {
    const rows = await table.toArray();
    await table.clear();
    await table.bulkPut(rows);
    await db.keyring.update('lock', next ? { migration: next } : { migration: undefined });
  });
}
