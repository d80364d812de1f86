import type { Kader, PhaseId, Target } from '../../content/schema.ts';
import { addressKeyOf } from '../../model/address-key.ts';
import type { IncidentDetails, IncidentKind } from '../../model/events.ts';
import { withoutUndefined } from '../../model/without-undefined.ts';
import { phaseProgress } from './checklist.ts';
import { type Deadline, decisionDeadlines } from './deadlines.ts';
import type { IncidentState } from './incident-state.ts';

export interface PhaseProgress {
  done: number;
  /** Steps of the phase for the incident's target, minus those marked not applicable. */
  applicable: number;
}

/**
 * An incident at a glance: what the list row stores (store/list-row.ts) and what an
 * export file summarises (exchange/format). Each of those declares its own type, so
 * the file format can only grow while the row may change; TypeScript checks both
 * against this one.
 */
export interface IncidentOverview {
  id: string;
  status: 'open' | 'gesloten';
  kind: IncidentKind;
  target: Target;
  municipality: string;
  /** Display address or location description. */
  title: string;
  /** Hash of normalised postcode + house number; absent when there is no usable address. */
  addressKey?: string;
  occurredAt: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  phase: PhaseId;
  /** Empty when projected without the framework content at hand. */
  progress: Partial<Record<PhaseId, PhaseProgress>>;
  contentVersion: string;
  linkedIncidentIds: string[];
  /**
   * What decisions make due, for the list. Not in export summaries (SUMMARY_POLICY lists
   * no such field): the file carries the decisions themselves.
   */
  deadlines?: Deadline[];
}

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
