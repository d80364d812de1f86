import { monotonicFactory } from 'ulid';
import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { readLogs, writeLog } from '../../db/event-log.ts';
import { groupByIncident, type IncidentEvent } from '../../model/events.ts';
import { foldIncident } from '../domain/fold.ts';
import { MergeRefusedError, mergeEvents } from '../domain/merge-events.ts';
import { listRowOf, writeInTransaction } from './incident-writer.ts';

export interface ImportEventsResult {
  /** Events that were not stored before. */
  added: number;
  /** Incidents that gained events. */
  incidentIds: string[];
}

/**
 * Merges events from another device, a file or a backup into the stored logs, through
 * the writer's transaction and list-row writer and the one merge (mergeEvents): a
 * union by id, so importing the same events twice adds nothing. Reads every log it
 * touches in one request. Throws MergeRefusedError, with nothing written, when the
 * merge rules refuse an incident (another start for a known incident, a known id with
 * other content); the caller validates the file's own shape first.
 */
export async function importEvents(
  db: AppDatabase,
  events: readonly IncidentEvent[],
  kader?: Kader,
  /** See MergeOptions: true only for events of a validated file, where each id appears once. */
  options: { incomingIsUnique?: boolean } = {},
): Promise<ImportEventsResult> {
  const deps = { db, kader: () => kader, now: () => new Date(), nextId: monotonicFactory() };
  return writeInTransaction(deps, async () => {
    const incoming = groupByIncident(events);
    const ids = [...incoming.keys()];
    const storedLogs = await readLogs(db, ids);
    let added = 0;
    const incidentIds: string[] = [];
    const writes: Promise<unknown>[] = [];
    const rows = [];
    for (const incidentId of ids) {
      const { events: stored = [], appendedKeys = [] } = storedLogs.get(incidentId) ?? {};
      const merged = mergeEvents(incidentId, stored, incoming.get(incidentId)!, options);
      if (!merged.ok) throw new MergeRefusedError(incidentId, merged.refusal);
      if (merged.fresh.length === 0) continue;
      const all = merged.events as IncidentEvent[];
      writes.push(writeLog(db, incidentId, all, appendedKeys));
      added += merged.fresh.length;
      incidentIds.push(incidentId);
      const state = foldIncident(all);
      if (state) rows.push(listRowOf(state, all, kader));
    }
    await Promise.all([...writes, db.incidents.bulkPut(rows)]);
    return { added, incidentIds };
  });
}
