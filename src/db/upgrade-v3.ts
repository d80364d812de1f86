import type { Transaction } from 'dexie';
import { groupByIncident, type IncidentEvent } from '../model/events.ts';

/**
 * Version 3 keeps each incident's event log in one row (see schema-versions.ts for
 * why). Every event moves over unchanged; the old table is emptied, not dropped,
 * because the schema only grows.
 */
export async function moveEventsToLogs(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as IncidentEvent[];
  const byIncident = groupByIncident(events);
  await tx.table('logs').bulkPut([...byIncident].map(([incidentId, list]) => ({ incidentId, events: list })));
  await tx.table('events').clear();
}
