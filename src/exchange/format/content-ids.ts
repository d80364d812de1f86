import type { Kader } from '../../content/schema.ts';
import type { IncidentEvent } from '../../model/events.ts';
import { isLocalStepId } from '../../model/local-layer.ts';
import type { IncidentSummary } from './types.ts';

/**
 * The national step and instrument ids that events name but a content version does not have.
 * An exporter lists them per incident (`newerContentIds`): they came from a colleague or
 * file on a newer version of the framework, and a reader on the exporter's version must
 * not take them for tampering.
 */
export function contentIdsUnknownTo(events: readonly IncidentEvent[], kader: Kader): string[] {
  const { steps, instruments } = knownIds(kader);
  const unknown = new Set<string>();
  // A municipality's local step (`direct-na.gm0363-…`) is no national content of any version:
  // it is known where that layer is loaded and shown as a local step unknown here elsewhere.
  const step = (id: string | undefined) => {
    if (id !== undefined && !steps.has(id) && !isLocalStepId(id)) unknown.add(id);
  };
  const instrument = (id: string | undefined) => {
    if (id !== undefined && !instruments.has(id)) unknown.add(id);
  };
  for (const event of events) {
    if (event.type === 'step.status-set' || event.type === 'step.note-added') step(event.payload.stepId);
    else if (event.type === 'decision.recorded') {
      step(event.payload.stepId);
      instrument(event.payload.instrumentId);
    } else if (event.type === 'entry.edited' && event.payload.decision) {
      step(event.payload.decision.stepId);
      instrument(event.payload.decision.instrumentId);
    }
  }
  return [...unknown].sort();
}

const cache = new WeakMap<Kader, { steps: Set<string>; instruments: Set<string> }>();

function knownIds(kader: Kader) {
  let ids = cache.get(kader);
  if (!ids) {
    ids = {
      steps: new Set(kader.phases.flatMap((phase) => phase.steps.map((step) => step.id))),
      instruments: new Set(kader.instruments.map((instrument) => instrument.id)),
    };
    cache.set(kader, ids);
  }
  return ids;
}

/** Declares the ids this app's content lacks (kept from a newer version), so its own file is not refused. */
export function withNewerContentIds(
  summary: IncidentSummary,
  events: readonly IncidentEvent[],
  kader: Kader | undefined,
): IncidentSummary {
  const ids = kader ? contentIdsUnknownTo(events, kader) : [];
  return ids.length ? { ...summary, newerContentIds: ids } : summary;
}
