import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../src/db/database.ts';
import { LATEST_SCHEMA_VERSION, STORES_BY_VERSION } from '../../../src/db/schema-versions.ts';
import { freshDatabase } from '../incidents/helpers.ts';

/**
 * The shipped schema, copied here on purpose: changing a shipped version in the code
 * fails this test. A new version only needs adding below once it ships.
 */
const SHIPPED: Record<number, Record<string, string>> = {
  1: {
    events: 'id, incidentId, [incidentId+at]',
    incidents: 'id, status, updatedAt, municipality',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  2: {
    events: 'id, incidentId, [incidentId+at]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  3: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  4: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  5: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    keyring: 'id',
  },
  6: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    keyring: 'id',
    syncIncidents: 'incidentId',
  },
  7: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    keyring: 'id',
    syncIncidents: 'incidentId',
    localLayer: 'id',
    localChanges: 'revision',
  },
};

type Parsed = Record<string, { primaryKey: string; indexes: string[] }>;

function parse(stores: Record<string, string>): Parsed {
  return Object.fromEntries(
    Object.entries(stores).map(([table, spec]) => {
      const [primaryKey = '', ...indexes] = spec.split(',').map((part) => part.trim());
      return [table, { primaryKey, indexes: indexes.sort() }];
    }),
  );
}

const declared = STORES_BY_VERSION as Record<number, Record<string, string>>;
const versions = Object.keys(declared)
  .map(Number)
  .sort((a, b) => a - b);

describe('database schema', () => {
  it('every shipped version is still declared exactly as it shipped', () => {
    for (const [version, stores] of Object.entries(SHIPPED)) {
      expect(parse(declared[Number(version)] ?? {}), `version ${version}`).toEqual(parse(stores));
    }
  });

  it('a later version keeps every table, primary key and index of the version before', () => {
    for (let i = 1; i < versions.length; i++) {
      const before = parse(declared[versions[i - 1]!]!);
      const after = parse(declared[versions[i]!]!);
      for (const [table, { primaryKey, indexes }] of Object.entries(before)) {
        expect(after[table], `table ${table} in version ${versions[i]}`).toBeDefined();
        expect(after[table]!.primaryKey).toBe(primaryKey);
        expect(after[table]!.indexes).toEqual(expect.arrayContaining(indexes));
      }
    }
  });

  it('the opened database has exactly the stores and indexes of the latest version', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    const idb = db.backendDB();
    const actual: Parsed = {};
    const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
    for (const name of idb.objectStoreNames) {
      const store = tx.objectStore(name);
      // A compound key path comes back as an array; Dexie's schema strings write it [a+b].
      const { keyPath } = store;
      const primaryKey = Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : String(keyPath);
      actual[name] = { primaryKey, indexes: [...store.indexNames].sort() };
    }
    expect(actual).toEqual(parse(declared[LATEST_SCHEMA_VERSION]!));
    db.close();
  });
});

describe('another tab upgrading the database', () => {
  it('closes this connection and tells the app, so the upgrade is not blocked', async () => {
    const name = `versionchange-${Date.now()}`;
    let told = 0;
    const db = openAppDatabase(name, { onVersionChange: () => told++ });
    await db.open();
    const newer = new Dexie(name);
    newer.version(LATEST_SCHEMA_VERSION + 1).stores({});
    await newer.open();
    expect(told).toBe(1);
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
