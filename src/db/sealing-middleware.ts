import type { DBCore, DBCoreCursor, DBCoreKeyRange, DBCoreTable, Middleware } from 'dexie';
import { dataKey, KEYED_ADDRESS_PREFIX, LockedError, storedAddressKey } from './data-key.ts';
import { isSealed, openValue, type SealedRecord, sealValue } from './sealed.ts';

/**
 * Seals personal data on its way into IndexedDB and opens it on its way out, below
 * every other Dexie layer: the app, its live queries and Dexie's cache only ever see
 * plain rows, and no reader (export, backup, dossier, import preview, a later sync
 * client) can forget to open a record. Synchronous (sealed.ts), so it runs inside the
 * transaction that writes.
 *
 * A sealed row keeps the fields queries and indexes need in the clear and holds the
 * rest as one sealed record under `sealed`. Rows without `sealed` pass through as they
 * are: written before the lock was set up, or not yet rewritten by the migration.
 */

/** Per table, the fields that stay plain: keys, indexes and facts without personal data. */
export const PLAIN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  logs: ['incidentId'],
  appendedEvents: ['incidentId', 'id'],
  incidents: [
    'id',
    'status',
    'kind',
    'target',
    'municipality',
    'addressKey',
    'occurredAt',
    'createdAt',
    'updatedAt',
    'closedAt',
    'phase',
    'progress',
    'contentVersion',
    'linkedIncidentIds',
    'logMark',
  ],
  networkIncidents: ['id', 'importedAt', 'municipality'],
  // Every setting's value: the adviser's name, the pseudonym secret, a sync token.
  settings: ['key'],
  // The local layer holds names, phone numbers and e-mail addresses of contacts; its history
  // holds them too (before/after) and the advisers' names.
  localLayer: ['id'],
  localChanges: ['revision'],
};

export const SEALED_TABLES = Object.keys(PLAIN_FIELDS);

type Row = Record<string, unknown>;

/** The GCM additional data of a row: its table and primary key. */
function contextOf(table: string, keyPath: string | string[] | null, row: Row): string {
  const key = Array.isArray(keyPath) ? keyPath.map((part) => row[part]) : keyPath ? row[keyPath] : undefined;
  return `${table}|${JSON.stringify(key)}`;
}

function sealRow(table: string, keyPath: string | string[] | null, plainFields: readonly string[], row: Row): Row {
  const kept: Row = {};
  const rest: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (plainFields.includes(field)) kept[field] = value;
    else rest[field] = value;
  }
  if (table === 'incidents' && typeof kept.addressKey === 'string') {
    // The plain key goes inside the seal too: the keyed one cannot be turned back when the lock is turned off.
    if (!kept.addressKey.startsWith(KEYED_ADDRESS_PREFIX)) rest.addressKey = kept.addressKey;
    kept.addressKey = storedAddressKey(kept.addressKey);
  }
  kept.sealed = sealValue(rest, contextOf(table, keyPath, kept));
  return kept;
}

function openRow(table: string, keyPath: string | string[] | null, row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('sealed' in row)) return row;
  const { sealed, ...kept } = row as Row & { sealed: SealedRecord };
  if (!isSealed(sealed)) return row;
  return { ...kept, ...openValue<Row>(sealed, contextOf(table, keyPath, kept)) };
}

/** An equality lookup on the address index looks for the keyed value the rows hold. */
function addressRange(range: DBCoreKeyRange): DBCoreKeyRange {
  if (range.type !== 1 || typeof range.lower !== 'string') return range;
  const key = storedAddressKey(range.lower);
  return { ...range, lower: key, upper: key };
}

function sealingTable(down: DBCoreTable): DBCoreTable {
  const { name } = down;
  const plainFields = PLAIN_FIELDS[name];
  if (!plainFields) return down;
  const keyPath = down.schema.primaryKey.keyPath;
  const open = (row: unknown) => openRow(name, keyPath, row);
  const withQuery = <Q extends { query: { index: { keyPath: unknown }; range: DBCoreKeyRange } }>(req: Q): Q =>
    name === 'incidents' && req.query.index.keyPath === 'addressKey'
      ? { ...req, query: { ...req.query, range: addressRange(req.query.range) } }
      : req;
  return {
    ...down,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      if (dataKey.status() === 'locked') return Promise.reject(new LockedError());
      if (!dataKey.sealsWrites()) return down.mutate(req);
      try {
        const values = req.values.map((row: Row) => sealRow(name, keyPath, plainFields, row));
        return down.mutate({ ...req, values });
      } catch (error) {
        return Promise.reject(error);
      }
    },
    get: (req) => down.get(req).then(open),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      down.query(withQuery(req)).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    count: (req) => down.count(withQuery(req)),
    openCursor: (req) =>
      down.openCursor(withQuery(req)).then((cursor) => (cursor && req.values ? openingCursor(cursor, open) : cursor)),
  };
}

/** The cursor itself, with its value opened (once per position). */
function openingCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const value = cursor.value;
        if (value !== raw) {
          raw = value;
          opened = open(value);
        }
        return opened;
      },
    },
  });
}

export const sealingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Sealing',
  // Below Dexie's own layers (cache and observability are level 0): they see plain rows.
  level: -1,
  create: (down) => ({ ...down, table: (tableName) => sealingTable(down.table(tableName)) }),
};
