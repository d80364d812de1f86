import { compareEvents, type IncidentEvent } from '../../model/events.ts';

/**
 * The outbox is derived, not written: per shared incident, the events this device wrote
 * that the server has not acknowledged yet. The incident writer never learns about sync;
 * a change made offline is simply an event in the local log that is not in `acked`.
 */

/** The server's limit per push (docs/sync-protocol.md). */
export const MAX_BATCH = 1_000;

/** Own events not yet acknowledged, in the order the server wants them (incident.created first). */
export function pendingEvents(
  log: readonly IncidentEvent[],
  acked: ReadonlySet<string>,
  deviceId: string,
): IncidentEvent[] {
  return log.filter((event) => event.device === deviceId && !acked.has(event.id)).sort(compareEvents);
}

/** Consecutive batches of at most `size`, order kept. */
export function batchesOf<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export type ShareRefusal = 'no-start' | 'started-elsewhere';

/**
 * Why an incident cannot be shared from this device, if it cannot: the server needs the
 * incident's start in the first batch, and a device may only push its own events (v1).
 */
export function shareRefusal(log: readonly IncidentEvent[], deviceId: string): ShareRefusal | undefined {
  const start = log.find((event) => event.type === 'incident.created');
  if (!start) return 'no-start';
  if (start.device !== deviceId) return 'started-elsewhere';
  return undefined;
}

/** Events in the log written by other devices and not received from the team: they stay local in v1. */
export function foreignUnacked(log: readonly IncidentEvent[], acked: ReadonlySet<string>, deviceId: string): number {
  return log.filter((event) => event.device !== deviceId && !acked.has(event.id)).length;
}
