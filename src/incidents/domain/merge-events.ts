import { canonicalJson } from '../../model/canonical-json.ts';
import type { IncidentEvent } from '../../model/events.ts';

/**
 * The one merge of an incident's events, wherever they come from: a file, a backup,
 * another tab, the network table or (later) the team server. A union by event id, so
 * merging the same events twice adds nothing, under three rules:
 * - an event belongs to the incident it is merged into;
 * - an id already known must carry the same content (ids are never reused, so other
 *   content means a tampered or broken source);
 * - the merged log has exactly one `incident.created`: a source whose incident has the
 *   same id as a known one but another start is another incident, not more of it.
 */

export type MergeRefusal =
  | { reason: 'other-incident'; eventId: string }
  | { reason: 'conflicting-content'; eventId: string }
  | { reason: 'second-creation'; eventId: string }
  | { reason: 'no-creation' };

export type MergeResult =
  | {
      ok: true;
      /** The incoming events not known before, in incoming order, each once. */
      fresh: IncidentEvent[];
      /** Known events followed by the fresh ones; `known` itself when nothing is fresh. */
      events: readonly IncidentEvent[];
    }
  | { ok: false; refusal: MergeRefusal };

export interface MergeOptions {
  /**
   * An index of events by id to use and extend instead of a fresh one: a file shares one
   * across its incidents, so an id used in two incidents is refused (its incident differs).
   */
  index?: Map<string, IncidentEvent>;
  /**
   * The incoming events come from a file that was already merged on its own (each id
   * once), so they are only looked up, not indexed: a thousand-incident import then
   * builds its index from the stored events alone.
   */
  incomingIsUnique?: boolean;
}

export function mergeEvents(
  incidentId: string,
  known: readonly IncidentEvent[],
  incoming: readonly IncidentEvent[],
  options: MergeOptions = {},
): MergeResult {
  const byId = options.index ?? new Map<string, IncidentEvent>();
  const indexIncoming = !options.incomingIsUnique;
  let creation: string | undefined;
  for (const event of known) {
    byId.set(event.id, event);
    if (event.type === 'incident.created') creation ??= event.id;
  }
  const fresh: IncidentEvent[] = [];
  for (const event of incoming) {
    if (event.incidentId !== incidentId) return refuse({ reason: 'other-incident', eventId: event.id });
    const earlier = byId.get(event.id);
    if (earlier !== undefined) {
      // Canonical JSON only on an id collision: computing it for every event costs more than the parse.
      if (earlier !== event && canonicalJson(earlier) !== canonicalJson(event))
        return refuse({ reason: 'conflicting-content', eventId: event.id });
      continue;
    }
    if (event.type === 'incident.created') {
      if (creation !== undefined) return refuse({ reason: 'second-creation', eventId: event.id });
      creation = event.id;
    }
    if (indexIncoming) byId.set(event.id, event);
    fresh.push(event);
  }
  if (creation === undefined) return refuse({ reason: 'no-creation' });
  return { ok: true, fresh, events: fresh.length === 0 ? known : [...known, ...fresh] };
}

const refuse = (refusal: MergeRefusal): MergeResult => ({ ok: false, refusal });

/** Thrown inside a transaction to roll it back when a merge is refused; the caller reports it. */
export class MergeRefusedError extends Error {
  constructor(
    readonly incidentId: string,
    readonly refusal: MergeRefusal,
  ) {
    super(`merge of incident ${incidentId} refused: ${describeRefusal(refusal)}`);
    this.name = 'MergeRefusedError';
  }
}

/** For developers and logs: says which rule, never the content. */
export function describeRefusal(refusal: MergeRefusal): string {
  return refusal.reason === 'no-creation'
    ? 'no incident.created event'
    : `${refusal.reason} (event ${refusal.eventId})`;
}
