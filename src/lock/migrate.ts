import type { Table } from 'dexie';
import { dataKey, KEYED_ADDRESS_PREFIX, LockedError } from '../db/data-key.ts';
import type { AppDatabase } from '../db/database.ts';
import { logTables, readLogs } from '../db/event-log.ts';
import type { KeyringRow } from '../db/rows.ts';
import { SEALED_TABLES } from '../db/sealing-middleware.ts';
import { toStorageError } from '../db/storage-error.ts';
import { readVersion1Facts } from '../db/upgrade-v2.ts';
import { addressKeyOf } from '../model/address-key.ts';
import { announceLock } from './lock-channel.ts';

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
 *
 * Turning the lock off runs the same way the other way round (marker `to: 'plain'`):
 * the key opens the rows and the middleware writes them plain (data-key.ts writePlain);
 * the keyring row, and with it the wrapped key, goes in the transaction that ends it.
 */

/**
 * Every table the middleware seals, in a fixed order: the first five as shipped (a
 * marker of an interrupted run names one of them), then any table added since, so a
 * new sealed table cannot be left out.
 */
const TABLES: readonly string[] = [
  ...new Set(['settings', 'networkIncidents', 'logs', 'appendedEvents', 'incidents', ...SEALED_TABLES]),
];
type SealedTable = string;
export const FIRST_TABLE: SealedTable = 'settings';

type Marker = NonNullable<KeyringRow['migration']>;
const COMPACT = 'compact:';
const CHUNK = 25;

export interface MigrationProgress {
  /** 0..1, by table. */
  fraction: number;
  /** Turning the lock off: decrypting, not encrypting. */
  toPlain: boolean;
}

const requests = new Set<() => void>();

/** Asks the lock gate to look at the keyring again: a run was just marked (turning the lock off). */
export function requestMigration(): void {
  for (const listener of requests) listener();
}

export function onMigrationRequest(listener: () => void): () => void {
  requests.add(listener);
  return () => requests.delete(listener);
}

const tableOf = (db: AppDatabase, name: SealedTable) => db.table(name) as Table<Record<string, unknown>, unknown>;

/** True when a lock is set up and some stored rows may still be plain. */
export async function migrationPending(db: AppDatabase): Promise<boolean> {
  return (await db.keyring.get('lock'))?.migration !== undefined;
}

/** One run per database in this tab; callers that come while it goes join it (progress, outside sealing). */
const running = new WeakMap<AppDatabase, Promise<void>>();
const progressListeners = new Set<(progress: MigrationProgress) => void>();
const outsideSealers = new Set<() => void>();

/**
 * Continues the migration from its marker until every row is sealed and compacted.
 * Needs the key in memory. `sealOutside` seals what lives outside IndexedDB (drafts).
 * Two runs at once would each move the marker (one backwards), so a second start, from
 * another lock gate of this tab, joins the run under way; another tab waits for it on a
 * Web Lock and then finds the marker where this run left it.
 */
export async function continueMigration(
  db: AppDatabase,
  options: { onProgress?: (progress: MigrationProgress) => void; sealOutside?: () => void; chunk?: number } = {},
): Promise<void> {
  if (dataKey.status() !== 'open') throw new LockedError();
  const { onProgress, sealOutside } = options;
  if (onProgress) progressListeners.add(onProgress);
  if (sealOutside) outsideSealers.add(sealOutside);
  try {
    let run = running.get(db);
    if (!run) {
      run = oneAcrossTabs(db, () => migrate(db, options.chunk ?? CHUNK)).finally(() => running.delete(db));
      running.set(db, run);
    }
    await run;
  } finally {
    if (onProgress) progressListeners.delete(onProgress);
    if (sealOutside) outsideSealers.delete(sealOutside);
  }
}

function oneAcrossTabs(db: AppDatabase, run: () => Promise<void>): Promise<void> {
  const locks = (globalThis as { navigator?: Navigator }).navigator?.locks;
  return locks ? locks.request(`hke-migration:${db.name}`, run).then(() => undefined) : run();
}

async function migrate(db: AppDatabase, chunk: number): Promise<void> {
  try {
    for (;;) {
      const marker = (await db.keyring.get('lock'))?.migration;
      if (!marker) return;
      // Waited for another tab's run, and locked meanwhile: go on after the next unlock.
      if (dataKey.status() !== 'open') throw new LockedError();
      const toPlain = marker.to === 'plain';
      dataKey.writePlain(toPlain);
      const to = toPlain ? { to: 'plain' as const } : {};
      const compacting = marker.table.startsWith(COMPACT);
      const name = (compacting ? marker.table.slice(COMPACT.length) : marker.table) as SealedTable;
      const index = TABLES.indexOf(name);
      if (index < 0) throw new Error(`Unknown migration marker ${marker.table}`);
      const progress = { fraction: (index + (compacting ? TABLES.length : 0)) / (2 * TABLES.length), toPlain };
      for (const listener of progressListeners) listener(progress);
      const next = TABLES[index + 1];
      if (compacting) {
        await rewriteWhole(db, name, next ? { table: COMPACT + next, ...to } : undefined, toPlain);
        if (!next && toPlain) {
          // The keyring went in that transaction: nothing on the device is sealed any more.
          dataKey.configure(false);
          announceLock('turned-off');
          return;
        }
      } else if (!(await rewriteChunk(db, name, marker, chunk))) {
        if (!next) for (const seal of outsideSealers) seal();
        await db.keyring.update('lock', { migration: { table: next ?? COMPACT + FIRST_TABLE, ...to } });
      }
    }
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Rewrites the next chunk after the marker (sealed, or plain when turning off); false when there was none. */
async function rewriteChunk(db: AppDatabase, name: SealedTable, marker: Marker, chunk: number): Promise<boolean> {
  const table = tableOf(db, name);
  const toPlain = marker.to === 'plain';
  const withLogs = toPlain && name === 'incidents' ? logTables(db) : [];
  return db.transaction('rw', [table, db.keyring, ...withLogs], async () => {
    const { after } = marker;
    const from = after === undefined ? table.toCollection() : table.where(':id').above(after);
    const keys = await from.limit(chunk).primaryKeys();
    if (keys.length === 0) return false;
    const rows = (await table.bulkGet(keys)).filter((row) => row !== undefined);
    if (withLogs.length > 0) await unkeyAddresses(db, rows);
    await Promise.all([
      table.bulkPut(rows),
      db.keyring.update('lock', {
        migration: { table: name, after: keys.at(-1), ...(toPlain ? { to: 'plain' } : {}) },
      }),
    ]);
    return true;
  });
}

/**
 * A list row sealed before the plain address key was kept inside its seal has only the
 * keyed one, which cannot be turned back: the plain key is computed from its log again.
 */
async function unkeyAddresses(db: AppDatabase, rows: Record<string, unknown>[]): Promise<void> {
  const keyed = rows.filter((row) => String(row.addressKey ?? '').startsWith(KEYED_ADDRESS_PREFIX));
  if (keyed.length === 0) return;
  const logs = await readLogs(
    db,
    keyed.map((row) => String(row.id)),
  );
  for (const row of keyed) {
    const address = readVersion1Facts(String(row.id), logs.get(String(row.id))?.events ?? [])?.address;
    const key = addressKeyOf(address);
    if (key) row.addressKey = key;
    else delete row.addressKey;
  }
}

/**
 * Read, clear, write again: one transaction, so a kill leaves the table as it was or
 * done. The last one of a run that turns the lock off removes the keyring with it.
 */
async function rewriteWhole(
  db: AppDatabase,
  name: SealedTable,
  next: Marker | undefined,
  toPlain: boolean,
): Promise<void> {
  const table = tableOf(db, name);
  await db.transaction('rw', [table, db.keyring], async () => {
    const rows = await table.toArray();
    await table.clear();
    await table.bulkPut(rows);
    if (next) await db.keyring.update('lock', { migration: next });
    else if (toPlain) await db.keyring.delete('lock');
    else await db.keyring.update('lock', { migration: undefined });
  });
}
