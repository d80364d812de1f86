import type { Transaction } from 'dexie';
import type { IncidentEvent } from '../incidents/events.ts';

/**
 * Version 3 keeps each incident's event log in one row (see schema-versions.ts for
 * why). Every event moves over unchanged; the old table is emptied, not dropped,
 * because the schema only grows.
 */
export async function moveEventsToLogs(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as IncidentEvent[];
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const event of events) {
    const list = byIncident.get(event.incidentId);
    if (list) list.push(event);
    else byIncident.set(event.incidentId, [event]);
  }
  await tx.table('logs').bulkPut([...byIncident].map(([incidentId, list]) => ({ incidentId, events: list })));
  await tx.table('events').clear();
}
