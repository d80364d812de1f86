import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { logTables, readLogs } from '../../db/event-log.ts';
import { foldIncident } from '../../incidents/domain/fold.ts';
import type { StepState, StepStatusChange } from '../../incidents/domain/incident-state.ts';
import { MergeRefusedError, mergeEvents } from '../../incidents/domain/merge-events.ts';
import { incidentTitle } from '../../incidents/domain/projection.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import type { ExchangeFile, ExchangeIncident } from '../format/types.ts';
import { checkContentIds } from './content-ids.ts';
import { failure, type ImportFailure, mergeFailure } from './import-result.ts';
import { mergeNetworkIncident } from './network.ts';

/**
 * What an import would do, computed without writing: which incidents are new, which
 * are merged, how many events each gains, and where two people set a step differently.
 */

export interface StepConflict {
  incidentId: string;
  stepId: string;
  local: StepStatusChange;
  incoming: StepStatusChange;
  /** The change that decides the step after the import, by the (at, device, id) order. Both stay in the timeline. */
  winner: 'local' | 'incoming';
}

export interface IncidentPreview {
  incidentId: string;
  /** Address or location as it will read after the import (for own incidents; anonymised ones show the municipality). */
  title: string;
  municipality: string;
  change: 'new' | 'merged' | 'unchanged';
  eventsInFile: number;
  eventsAdded: number;
  /** Of the events added, how many each device wrote (device id → count); empty for the network. */
  addedByDevice: Record<string, number>;
  conflicts: StepConflict[];
}

export interface ImportPreview {
  anonymised: boolean;
  exportedAt: string;
  /** Own incidents (non-anonymised files). */
  incidents: IncidentPreview[];
  /** Read-only reference incidents: an anonymised file, or the network section of a backup. */
  network: IncidentPreview[];
  eventsAdded: number;
  conflicts: number;
}

export type PreviewResult = { ok: true; preview: ImportPreview } | ImportFailure;

/** The incidents of a file that go to own incidents, and those that go to the network table. */
export function importTargets(file: ExchangeFile): { own: ExchangeIncident[]; network: ExchangeIncident[] } {
  return file.anonymised
    ? { own: [], network: [...file.incidents, ...(file.network ?? [])] }
    : { own: file.incidents, network: file.network ?? [] };
}

export async function previewImport(
  db: AppDatabase,
  file: ExchangeFile,
  options: { kader?: Kader } = {},
): Promise<PreviewResult> {
  const { own, network } = importTargets(file);
  const refused = options.kader && checkContentIds(file, options.kader);
  if (refused) return refused;
  try {
    const preview = await db.transaction('r', [...logTables(db), db.networkIncidents], async () => {
      // One read of every log the file touches, for the merge check and the preview both.
      const [logs, networkRows] = await Promise.all([
        readLogs(
          db,
          own.map(({ incident }) => incident.id),
        ),
        db.networkIncidents.bulkGet(network.map(({ incident }) => incident.id)),
      ]);
      const incidents = own.map((incoming) => previewOwn(incoming, logs.get(incoming.incident.id)?.events ?? []));
      const networkPreviews = network.map((incoming, i): IncidentPreview => {
        const stored = networkRows[i];
        const merged = mergeNetworkIncident(stored, incoming, file.exportedAt);
        const before = stored && Array.isArray(stored.events) ? stored.events.length : 0;
        const added = merged ? merged.events.length - before : 0;
        return {
          incidentId: incoming.incident.id,
          title: incoming.incident.title,
          municipality: incoming.incident.municipality,
          change: !stored ? 'new' : added > 0 ? 'merged' : 'unchanged',
          eventsInFile: incoming.events.length,
          eventsAdded: added,
          addedByDevice: {},
          conflicts: [],
        };
      });
      return { incidents, network: networkPreviews };
    });
    const all = [...preview.incidents, ...preview.network];
    return {
      ok: true,
      preview: {
        anonymised: file.anonymised,
        exportedAt: file.exportedAt,
        ...preview,
        eventsAdded: all.reduce((sum, item) => sum + item.eventsAdded, 0),
        conflicts: all.reduce((sum, item) => sum + item.conflicts.length, 0),
      },
    };
  } catch (error) {
    if (error instanceof MergeRefusedError) return mergeFailure(error.refusal);
    return failure('storage', String(error));
  }
}

/** Title and municipality as the incident will read after the import: from the events, never the file's summary. */
function previewOwn(incoming: ExchangeIncident, local: IncidentEvent[]): IncidentPreview {
  const { incident } = incoming;
  // A validated file holds each id once (read-import.ts merged it on its own).
  const merged = mergeEvents(incident.id, local, incoming.events, { incomingIsUnique: true });
  // Thrown to leave the read transaction; previewImport turns it into the failure.
  if (!merged.ok) throw new MergeRefusedError(incident.id, merged.refusal);
  const { fresh } = merged;
  // Only these two types shape the details: folding just them gives the same details
  // at a fraction of the cost of folding a thousand incidents whole.
  const details = foldIncident(merged.events.filter(shapesDetails))?.details;
  return {
    incidentId: incident.id,
    title: details ? incidentTitle(details) : incident.title,
    municipality: details?.municipality ?? incident.municipality,
    change: local.length === 0 ? 'new' : fresh.length > 0 ? 'merged' : 'unchanged',
    eventsInFile: incoming.events.length,
    eventsAdded: fresh.length,
    addedByDevice: countByDevice(fresh),
    conflicts: local.length ? stepConflicts(incident.id, local, incoming.events) : [],
  };
}

function countByDevice(events: readonly IncidentEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { device } of events) counts[device] = (counts[device] ?? 0) + 1;
  return counts;
}

const shapesDetails = (event: IncidentEvent) =>
  event.type === 'incident.created' || event.type === 'incident.details-changed';

/**
 * A conflict: both sides changed a step in a way the other has not seen, and they
 * ended at different statuses. A file that is merely older than what is stored is not one.
 */
export function stepConflicts(
  incidentId: string,
  local: readonly IncidentEvent[],
  incoming: readonly IncidentEvent[],
): StepConflict[] {
  const localState = foldIncident([...local]);
  const incomingState = foldIncident([...incoming]);
  if (!localState || !incomingState) return [];
  const localIds = new Set(local.map((event) => event.id));
  const incomingIds = new Set(incoming.map((event) => event.id));
  const conflicts: StepConflict[] = [];
  for (const [stepId, mine] of Object.entries(localState.steps)) {
    const theirs = incomingState.steps[stepId];
    if (!theirs || theirs.status === mine.status) continue;
    const onlyMine = mine.history.some((change) => !incomingIds.has(change.eventId));
    const onlyTheirs = theirs.history.some((change) => !localIds.has(change.eventId));
    if (!onlyMine || !onlyTheirs) continue;
    conflicts.push({
      incidentId,
      stepId,
      local: lastChange(mine),
      incoming: lastChange(theirs),
      winner: compareEvents(orderKey(mine), orderKey(theirs)) < 0 ? 'incoming' : 'local',
    });
  }
  return conflicts.sort((a, b) => a.stepId.localeCompare(b.stepId));
}

function lastChange(step: StepState): StepStatusChange {
  const { history: _history, ...change } = step;
  return change;
}

const orderKey = (change: StepStatusChange) => ({ at: change.at, device: change.device, id: change.eventId });
