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
