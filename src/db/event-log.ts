import type { IncidentEvent } from '../incidents/events.ts';
import type { AppDatabase } from './database.ts';

/**
 * One row per incident holding its whole append-only event log (schema version 3).
 * The events themselves are unchanged; only how they are grouped on disk differs.
 */
export interface IncidentLogRow {
  incidentId: string;
  events: IncidentEvent[];
}

/** The incident's events in storage order (callers sort when order matters). */
export async function readLog(db: AppDatabase, incidentId: string): Promise<IncidentEvent[]> {
  return (await db.logs.get(incidentId))?.events ?? [];
}

export async function readAllEvents(db: AppDatabase): Promise<IncidentEvent[]> {
  return (await db.logs.toArray()).flatMap((row) => row.events);
}

/** Enough read-only transactions to keep the storage process busy; more only add overhead. */
const PARALLEL_READS = 8;
const MIN_CHUNK = 25;

/**
 * The logs of every incident (or of the given ones, in that order, unknown ids left
 * out), for an export or a backup. Chromium serves the requests of one transaction
 * one after another, while separate read-only transactions run side by side: reading
 * a thousand logs in eight of them takes about half as long as in one. Each log is
 * read whole in one transaction; the result is not one snapshot across incidents (a
 * write to two incidents may show in one only): imports and restores merge, so a
 * later file completes what an earlier one missed.
 */
export async function readLogsInParallel(
  db: AppDatabase,
  incidentIds: readonly string[] | 'all',
): Promise<IncidentLogRow[]> {
  const ids =
    incidentIds === 'all' ? ((await db.logs.toCollection().primaryKeys()) as string[]) : [...new Set(incidentIds)];
  const size = Math.max(MIN_CHUNK, Math.ceil(ids.length / PARALLEL_READS));
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  const parts = await Promise.all(chunks.map((chunk) => db.transaction('r', [db.logs], () => db.logs.bulkGet(chunk))));
  return parts.flat().filter((log): log is IncidentLogRow => log !== undefined);
}
