import Dexie from 'dexie';
import type { IncidentEvent } from '../model/events.ts';
import type { AppDatabase } from './database.ts';

/**
 * How an incident's append-only event log sits on disk (schema version 4):
 * - `logs`: one row per incident holding the bulk of its events (version 3 on);
 * - `appendedEvents`: events a step tap added since that row was last rewritten, one
 *   small row each, keyed [incidentId+id].
 * A tap then writes ~300 bytes instead of rewriting a 25 KB log. Any other write
 * rewrites the log row with everything and empties the incident's appended rows, so
 * there are never more than MAX_APPENDED of them. Readers only ever see the union.
 */
export interface IncidentLogRow {
  incidentId: string;
  events: IncidentEvent[];
}

export interface StoredLog {
  events: IncidentEvent[];
  /** Keys of the events that sit in appendedEvents, so a rewrite of the log row can delete exactly those rows. */
  appendedKeys: AppendedKey[];
}

export type AppendedKey = [incidentId: string, eventId: string];

/** Past this many appended rows, the next write rewrites the log row and empties them. */
export const MAX_APPENDED = 48;

/** The tables one incident's log spans: every transaction that reads or writes a log names both. */
export const logTables = (db: AppDatabase) => [db.logs, db.appendedEvents];

const appendedRange = (db: AppDatabase, incidentId: string) =>
  db.appendedEvents.where('[incidentId+id]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]);

/**
 * The log row's events followed by the appended ones (callers sort when order matters).
 * Appended rows without a log row are ignored: every incident gets its log row when it
 * is created, so they can only be left over from a deletion by an older app version
 * that did not know this table, and must not bring deleted events back.
 */
function union(row: IncidentLogRow | undefined, appended: IncidentEvent[]): StoredLog {
  if (!row) return { events: [], appendedKeys: [] };
  const { events } = row;
  const appendedKeys = appended.map((event): AppendedKey => [event.incidentId, event.id]);
  if (appended.length === 0) return { events, appendedKeys };
  const inRow = new Set(events.map((event) => event.id));
  // A row rewrite and the deletion of the appended rows happen in one transaction, so
  // an event is never in both; skipping duplicates keeps a reader correct regardless.
  return {
    events: [...events, ...appended.filter((event) => !inRow.has(event.id))],
    appendedKeys,
  };
}

/**
 * One consistent read of an incident's log. Keep it an explicit transaction: inside a
 * live query, Dexie may otherwise answer from its cache of not yet committed writes,
 * and a tap's rolled-back row would reach the tab's known log.
 */
export async function readStoredLog(db: AppDatabase, incidentId: string): Promise<StoredLog> {
  return db.transaction('r', logTables(db), async () => {
    const [row, appended] = await Promise.all([db.logs.get(incidentId), appendedRange(db, incidentId).toArray()]);
    return union(row, appended);
  });
}

/**
 * The log, unless the incident's list row carries `mark()` (the mark of a copy the
 * caller holds): then 'unchanged', after one small read instead of the whole log. Every
 * write that changes a log rewrites the list row with its mark in the same transaction
 * (incident-writer.ts, import-events.ts, which sync and restores use too), so a live query
 * that reads only the row is still woken by every change of the log; a deletion takes the
 * row, and the log is read. The lock's migration (lock/migrate.ts) rewrites log rows alone,
 * but with the same events, sealed or opened: nothing a reader could miss.
 */
export async function readLogUnlessMarked(
  db: AppDatabase,
  incidentId: string,
  /** Asked once the row is read: a writer that just committed publishes its copy in the meantime. */
  mark: () => string | undefined,
): Promise<StoredLog | 'unchanged'> {
  return db.transaction('r', [db.incidents, ...logTables(db)], async () => {
    const row = await db.incidents.get(incidentId);
    if (row?.logMark !== undefined && row.logMark === mark()) return 'unchanged';
    return readStoredLog(db, incidentId);
  });
}

/** The incident's events in storage order (callers sort when order matters). */
export async function readLog(db: AppDatabase, incidentId: string): Promise<IncidentEvent[]> {
  return (await readStoredLog(db, incidentId)).events;
}

/**
 * The logs of the given incidents (unknown ids left out), read in the caller's
 * transaction or one of their own. `ids` sorted ascending lets the appended rows of
 * all of them come back in one range request.
 */
export async function readLogs(db: AppDatabase, ids: readonly string[]): Promise<Map<string, StoredLog>> {
  const sorted = [...new Set(ids)].sort();
  const result = new Map<string, StoredLog>();
  if (sorted.length === 0) return result;
  return db.transaction('r', logTables(db), async () => {
    const [rows, appended] = await Promise.all([
      db.logs.bulkGet(sorted),
      db.appendedEvents
        .where('[incidentId+id]')
        .between([sorted[0], Dexie.minKey], [sorted.at(-1), Dexie.maxKey])
        .toArray(),
    ]);
    const appendedById = new Map<string, IncidentEvent[]>();
    for (const event of appended) {
      const list = appendedById.get(event.incidentId);
      if (list) list.push(event);
      else appendedById.set(event.incidentId, [event]);
    }
    for (const [i, incidentId] of sorted.entries()) {
      if (rows[i]) result.set(incidentId, union(rows[i], appendedById.get(incidentId) ?? []));
    }
    return result;
  });
}

export async function readAllEvents(db: AppDatabase): Promise<IncidentEvent[]> {
  return db.transaction('r', logTables(db), async () => {
    const [rows, appended] = await Promise.all([db.logs.toArray(), db.appendedEvents.toArray()]);
    const withRow = new Set(rows.map((row) => row.incidentId));
    return [...rows.flatMap((row) => row.events), ...appended.filter((event) => withRow.has(event.incidentId))];
  });
}

/**
 * Rewrites an incident's log row with all its events and removes the appended rows the
 * caller read (their events are in `events`). Call inside a read-write transaction over
 * logTables. Deleting by key, not by range: Dexie runs a range delete under a lock
 * with a count first, which would hold up the requests after it.
 */
export function writeLog(
  db: AppDatabase,
  incidentId: string,
  events: IncidentEvent[],
  appendedKeys: readonly AppendedKey[],
): Promise<unknown> {
  const put = db.logs.put({ incidentId, events });
  return appendedKeys.length ? Promise.all([put, db.appendedEvents.bulkDelete([...appendedKeys])]) : put;
}

/** Adds one event as its own small row; `add`, not `put`: an id already stored is a bug and must fail. */
export function appendEvent(db: AppDatabase, event: IncidentEvent): Promise<unknown> {
  return db.appendedEvents.add(event);
}

export function deleteLog(db: AppDatabase, incidentId: string): Promise<unknown> {
  return Promise.all([db.logs.delete(incidentId), appendedRange(db, incidentId).delete()]);
}

/**
 * A mark of which events a log holds, whatever their order: the count plus two 32-bit
 * sums of per-id hashes. The list row stores the mark of the log it was projected
 * from, so a writer that already holds that log in memory can check, in the same
 * round trip as its write, that nobody else added to it since (ids are never reused,
 * and a log only grows until the incident is deleted).
 */
export function logMark(events: readonly Pick<IncidentEvent, 'id'>[]): string {
  let a = 0;
  let b = 0;
  for (const { id } of events) {
    let h1 = 0x811c9dc5;
    let h2 = 5381;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = (Math.imul(h2, 33) + c) | 0;
    }
    a = (a + h1) | 0;
    b = (b + h2) | 0;
  }
  return `${events.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** Incidents per read transaction, and transactions kept in flight ahead of the chunk being used. */
const CHUNK = 50;
const READS_AHEAD = 4;

/**
 * The logs of every incident (in key order) or of the given ones (in the order given,
 * unknown ids left out), a chunk at a time, with reads started ahead: Chromium serves
 * the requests of one transaction one after another, while separate read-only
 * transactions run side by side, so a consumer folds one chunk while the next are read.
 * Each log is read whole in one transaction; the result is not one snapshot across
 * incidents (a write to two incidents may show in one only): imports and restores
 * merge, so a later file completes what an earlier one missed.
 */
export async function* readLogsAhead(
  db: AppDatabase,
  incidentIds: readonly string[] | 'all',
): AsyncGenerator<IncidentLogRow[]> {
  const ids =
    incidentIds === 'all'
      ? ((await db.logs.toCollection().primaryKeys()) as string[]).sort()
      : [...new Set(incidentIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const reads: Promise<Map<string, StoredLog>>[] = [];
  const start = (i: number) => {
    const read = readLogs(db, chunks[i]!);
    // Awaited in turn below; a read left behind by a consumer that stopped must not be an unhandled rejection.
    read.catch(() => {});
    reads.push(read);
  };
  for (let i = 0; i < Math.min(READS_AHEAD, chunks.length); i++) start(i);
  for (let i = 0; i < chunks.length; i++) {
    const logs = await reads[i]!;
    if (i + READS_AHEAD < chunks.length) start(i + READS_AHEAD);
    yield chunks[i]!.flatMap((incidentId) => {
      const log = logs.get(incidentId);
      return log ? [{ incidentId, events: log.events }] : [];
    });
  }
}

/** All of readLogsAhead at once, for callers that need every log before they start. */
export async function readLogsInParallel(
  db: AppDatabase,
  incidentIds: readonly string[] | 'all',
): Promise<IncidentLogRow[]> {
  const all: IncidentLogRow[] = [];
  for await (const chunk of readLogsAhead(db, incidentIds)) all.push(...chunk);
  return all;
}
