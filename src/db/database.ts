import Dexie, { type ChromeTransactionDurability, type Table } from 'dexie';
import type { IncidentEvent } from '../model/events.ts';
import type { LocalChange } from '../model/local-layer.ts';
import { withDataLossReport } from './data-loss.ts';
import type { IncidentLogRow } from './event-log.ts';
import { forgetOnLock } from './forget-on-lock.ts';
import type {
  KeyringRow,
  LocalLayerRow,
  NetworkIncidentRow,
  SettingRow,
  StoredIncidentRow,
  SyncIncidentRow,
} from './rows.ts';
import { STORES_BY_VERSION } from './schema-versions.ts';
import { sealingMiddleware } from './sealing-middleware.ts';
import { fillAddressKeys } from './upgrade-v2.ts';
import { moveEventsToLogs } from './upgrade-v3.ts';

export const DEFAULT_DATABASE_NAME = 'handelingskader';

export interface AppDatabaseOptions {
  /**
   * 'relaxed' reports a write as done once the OS has it, not after a flush to disk.
   * Chrome made it the default in 121, Firefox and Safari always did; 'strict' costs a
   * disk flush per transaction for protection only against power loss or an OS crash
   * in the moment after saving (a crashed or closed tab loses nothing either way).
   */
  durability?: ChromeTransactionDurability;
  /** Another tab opened a newer version: this connection is closed; ask for a reload. */
  onVersionChange?: () => void;
  /** For tests: an IndexedDB implementation other than the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class AppDatabase extends Dexie {
  /** Version 1 and 2 only; emptied by the version 3 upgrade. */
  events!: Table<IncidentEvent, string>;
  logs!: Table<IncidentLogRow, string>;
  appendedEvents!: Table<IncidentEvent, [string, string]>;
  incidents!: Table<StoredIncidentRow, string>;
  settings!: Table<SettingRow, string>;
  networkIncidents!: Table<NetworkIncidentRow, string>;
  keyring!: Table<KeyringRow, string>;
  syncIncidents!: Table<SyncIncidentRow, string>;
  localLayer!: Table<LocalLayerRow, string>;
  localChanges!: Table<LocalChange, number>;

  constructor(name: string, options: AppDatabaseOptions = {}) {
    super(name, {
      chromeTransactionDurability: options.durability ?? 'relaxed',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(STORES_BY_VERSION[1]);
    this.version(2).stores(STORES_BY_VERSION[2]).upgrade(fillAddressKeys);
    this.version(3).stores(STORES_BY_VERSION[3]).upgrade(moveEventsToLogs);
    // A new, empty table; nothing moves.
    this.version(4).stores(STORES_BY_VERSION[4]);
    // A new table for the app lock; nothing moves. Sealing needs no schema change: see sealing-middleware.ts.
    this.version(5).stores(STORES_BY_VERSION[5]);
    // A new table for team sync; nothing moves.
    this.version(6).stores(STORES_BY_VERSION[6]);
    // Two new tables for the local layer; nothing moves.
    this.version(7).stores(STORES_BY_VERSION[7]);
    this.use(sealingMiddleware);

    const { onVersionChange } = options;
    this.on('versionchange', () => {
      // Closing lets the other tab's upgrade proceed; the UI keeps what was typed in memory.
      this.close();
      onVersionChange?.();
      return false;
    });
  }
}

export function openAppDatabase(name = DEFAULT_DATABASE_NAME, options: AppDatabaseOptions = {}): AppDatabase {
  return new AppDatabase(name, options);
}

let singleton: AppDatabase | undefined;
const versionChangeListeners = new Set<() => void>();

/** The app's one database, created on first use (Dexie opens it on the first query). */
export function getAppDatabase(): AppDatabase {
  singleton ??= createAppDatabase();
  return singleton;
}

function createAppDatabase(): AppDatabase {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return openAppDatabase(DEFAULT_DATABASE_NAME, {
    // Chromium's report of a database it deleted as corrupt (data-loss.ts).
    ...(factory ? { indexedDB: withDataLossReport(factory) } : {}),
    onVersionChange: () => {
      for (const listener of versionChangeListeners) listener();
    },
  });
}

/**
 * Called when another tab upgraded the database and this tab's connection was closed:
 * show a reload prompt that keeps what was typed. Returns the unsubscribe function.
 */
export function onAppDatabaseVersionChange(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/**
 * Dexie keeps the results of live queries (opened rows) for 3 s after their last
 * subscriber left. On a lock the screens unmount; once they have, those results go at once.
 */
function dropIdleQueryResults(name: string): void {
  const prefix = `idb://${name}/`;
  for (const [part, table] of Object.entries(Dexie.cache)) {
    if (!part.startsWith(prefix)) continue;
    for (const byIndex of [table.queries.query, table.queries.count]) {
      for (const entries of Object.values(byIndex)) {
        for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.subscribers.size === 0) entries.splice(i, 1);
      }
    }
  }
}

forgetOnLock(() => setTimeout(() => dropIdleQueryResults(DEFAULT_DATABASE_NAME), 0));
