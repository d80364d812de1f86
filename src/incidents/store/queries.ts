import Dexie from 'dexie';
import { type AppDatabase, getAppDatabase } from '../../db/database.ts';
import { readLog, readStoredLog } from '../../db/event-log.ts';
import type { IncidentRow } from '../../db/rows.ts';
import { getRetentionMonths } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import { foldIncident } from '../domain/fold.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { matchesQuery } from '../domain/search-text.ts';

/** Reads for the screens; each works inside useLiveQuery. */

async function read<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The incident's events in the one total order: the timeline. */
export function readIncidentEvents(incidentId: string, db: AppDatabase = getAppDatabase()): Promise<IncidentEvent[]> {
  return read(async () => {
    const { events } = await readStoredLog(db, incidentId);
    return events.sort(compareEvents);
  });
}

/** Undefined when the incident does not exist on this device. */
export function readIncidentState(
  incidentId: string,
  db: AppDatabase = getAppDatabase(),
): Promise<IncidentState | undefined> {
  return read(async () => foldIncident(await readLog(db, incidentId)));
}

export interface ListIncidentsOptions {
  /** Matched against title (address or location) and municipality. */
  query?: string;
}

/**
 * Open incidents first, then closed ones; each most recently updated first. The title
 * is not indexed (it may hold an address), so the query filters in memory: a device
 * holds hundreds of incidents at most.
 */
/** The rows of one status, oldest change first along the [status+updatedAt] index. */
const withStatus = (db: AppDatabase, status: IncidentRow['status']) =>
  db.incidents.where('[status+updatedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]);

export function listIncidents(
  options: ListIncidentsOptions = {},
  db: AppDatabase = getAppDatabase(),
): Promise<IncidentRow[]> {
  return read(async () => {
    // Read in index order and reversed here: Dexie reads a reversed collection with a
    // cursor, one round trip per row (~120 ms for 1,000 rows), but a forward one with
    // a single getAll (~10 ms).
    const byStatus = async (status: IncidentRow['status']) => (await withStatus(db, status).toArray()).reverse();
    const [open, closed] = await Promise.all([byStatus('open'), byStatus('gesloten')]);
    const rows = [...open, ...closed];
    const { query } = options;
    return query ? rows.filter((row) => matchesQuery(query, [row.title, row.municipality])) : rows;
  });
}

export interface IncidentListPage {
  /** At most `limit` rows, in listIncidents' order. */
  rows: IncidentRow[];
  /** How many rows match in all. */
  total: number;
}

/**
 * The first `limit` rows of listIncidents, for the first screen. Without a search it
 * reads only those rows, newest first along the index, plus a count: reading all
 * 1,000 rows of a busy device takes ~80 ms, the first 50 a few. A search reads all
 * (the title is not indexed).
 */
export function listIncidentsPage(
  options: ListIncidentsOptions & { limit: number },
  db: AppDatabase = getAppDatabase(),
): Promise<IncidentListPage> {
  const { query, limit } = options;
  if (query) {
    return listIncidents({ query }, db).then((rows) => ({ rows: rows.slice(0, limit), total: rows.length }));
  }
  // One transaction, so the count and the rows agree.
  return read(() =>
    db.transaction('r', db.incidents, async () => {
      const newest = (status: IncidentRow['status'], count: number) =>
        withStatus(db, status).reverse().limit(count).toArray();
      const [open, total] = await Promise.all([newest('open', limit), db.incidents.count()]);
      const closed = open.length < limit ? await newest('gesloten', limit - open.length) : [];
      return { rows: [...open, ...closed], total };
    }),
  );
}

/** Closed incidents whose retention period (settings.retentionMonths, default 12) has passed. */
export function findRetentionCandidates(now: Date, db: AppDatabase = getAppDatabase()): Promise<IncidentRow[]> {
  return read(async () => {
    const cutoff = subtractMonths(now, await getRetentionMonths(db)).toISOString();
    const rows = await db.incidents.where('closedAt').below(cutoff).toArray();
    return rows.filter((row) => row.status === 'gesloten');
  });
}

/** Calendar months, clamped: 31 March minus one month is 28 or 29 February. */
export function subtractMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
