import type { Kader, PhaseId } from '../../content/schema.ts';
import { addressKeyOf } from '../../model/address-key.ts';
import type { IncidentDetails } from '../../model/events.ts';
import type { IncidentOverview, PhaseProgress } from '../../model/incident-overview.ts';
import { withoutUndefined } from '../../model/without-undefined.ts';
import { phaseProgress } from './checklist.ts';
import { decisionDeadlines } from './deadlines.ts';
import type { IncidentState } from './incident-state.ts';

/** Pure: the same state and content give the same overview. */
export function projectIncident(state: IncidentState, kader?: Kader): IncidentOverview {
  const progress: Partial<Record<PhaseId, PhaseProgress>> = {};
  if (kader) {
    for (const phase of phaseProgress(kader, state)) {
      progress[phase.phase] = { done: phase.done, applicable: phase.applicable };
    }
  }
  const { details } = state;
  const deadlines = decisionDeadlines(state);
  return withoutUndefined({
    id: state.id,
    status: state.status,
    kind: details.kind,
    target: details.target,
    municipality: details.municipality,
    title: incidentTitle(details),
    addressKey: addressKeyOf(details.address),
    occurredAt: details.occurredAt,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    closedAt: state.closedAt,
    phase: state.phase,
    progress,
    contentVersion: state.contentVersion,
    linkedIncidentIds: state.links.map((link) => link.incidentId),
    deadlines: deadlines.length > 0 ? deadlines : undefined,
  });
}

/** A vehicle is best known by where it stood; a home or business by its address. */
export function incidentTitle(details: IncidentDetails): string {
  const { address } = details;
  const street = address ? [address.street, address.houseNumber].filter(Boolean).join(' ') : '';
  const addressLine = address ? [street, address.city].filter(Boolean).join(', ') : '';
  const location = details.locationDescription?.trim() ?? '';
  const candidates = details.target === 'voertuig' ? [location, addressLine] : [addressLine, location];
  return candidates.find((candidate) => candidate !== '') ?? details.municipality;
}
