import type { AppDatabase } from '../../db/database.ts';
import type { NetworkIncidentRow } from '../../db/rows.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { MergeRefusedError, mergeEvents } from '../../incidents/domain/merge-events.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import type { ExchangeIncident, IncidentSummary } from '../format/types.ts';

/**
 * Anonymised incidents from the national network: read-only reference material, kept
 * in their own table and never mixed into the adviser's own incidents. Keyed by the
 * incident's id in the file, so importing the same file twice changes nothing.
 */

export interface NetworkIncident extends NetworkIncidentRow {
  incident: IncidentSummary;
  /** Anonymised events in the one total order. */
  events: IncidentEvent[];
}

export async function listNetworkIncidents(db: AppDatabase): Promise<NetworkIncident[]> {
  try {
    const rows = (await db.networkIncidents.orderBy('importedAt').reverse().toArray()) as NetworkIncident[];
    return rows.filter(isNetworkIncident);
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function readNetworkIncidents(db: AppDatabase): Promise<ExchangeIncident[]> {
  return (await listNetworkIncidents(db)).map(({ incident, events }) => ({ incident, events }));
}

export function isNetworkIncident(row: NetworkIncidentRow): row is NetworkIncident {
  const candidate = row as Partial<NetworkIncident>;
  return typeof candidate.incident === 'object' && candidate.incident !== null && Array.isArray(candidate.events);
}

/**
 * The one merge (mergeEvents) with what is stored; undefined when nothing would change.
 * Throws MergeRefusedError when the merge rules refuse the incoming copy.
 *
 * Anonymised copies of one incident legitimately differ between exports: pseudonyms are
 * numbered per file and the time is rounded to the precision chosen. So events already
 * stored are kept as they are and only new ids are merged (the stored copy wins), while
 * the other rules (the incident's own events, one start) still hold.
 */
export function mergeNetworkIncident(
  stored: NetworkIncidentRow | undefined,
  incoming: ExchangeIncident,
  importedAt: string,
): NetworkIncident | undefined {
  const known = stored && isNetworkIncident(stored) ? stored : undefined;
  const { id } = incoming.incident;
  const knownIds = new Set(known?.events.map((event) => event.id));
  const unseen = knownIds.size ? incoming.events.filter((event) => !knownIds.has(event.id)) : incoming.events;
  const merged = mergeEvents(id, known?.events ?? [], unseen);
  if (!merged.ok) throw new MergeRefusedError(id, merged.refusal);
  if (known && merged.fresh.length === 0) return undefined;
  const events = [...merged.events].sort(compareEvents);
  const newer = !known || incoming.incident.updatedAt > known.incident.updatedAt;
  const incident = newer ? incoming.incident : known.incident;
  return { id, importedAt: known?.importedAt ?? importedAt, municipality: incident.municipality, incident, events };
}
