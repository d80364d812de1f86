import type { PhaseId } from '../../content/schema.ts';
import type { DecisionOutcome, EventPayloads, IncidentDetails, StepStatus } from '../../model/events.ts';
import type { LocalLayerRef } from '../../model/local-layer.ts';

/** The state of one incident as the fold derives it from its events. */

export type IncidentStatus = 'open' | 'gesloten';

/** Who wrote something, and which event did it. */
export interface Authored {
  at: string;
  actor: string;
  device: string;
  eventId: string;
}

export interface StepStatusChange extends Authored {
  status: StepStatus;
  reason?: string;
}

/** The winning status of a step, with every change in total order so a conflict stays visible. */
export interface StepState extends StepStatusChange {
  history: StepStatusChange[];
}

export interface Withdrawal extends Authored {
  reason: string;
}

interface EntryBase<Revision> {
  /** The id of the event that created the entry; edits and withdrawals refer to it. */
  id: string;
  writtenAt: string;
  actor: string;
  device: string;
  edited: boolean;
  withdrawn?: Withdrawal;
  /** The original first, then every edit; the current values are the last revision. */
  revisions: (Revision & Authored)[];
}

export interface StepNote extends EntryBase<{ text: string }> {
  kind: 'note';
  stepId: string;
  text: string;
}

export interface LogEntry extends EntryBase<{ text: string; happenedAt?: string }> {
  kind: 'log';
  text: string;
  /** When it happened, if the adviser said so; otherwise the moment it was written. */
  happenedAt?: string;
}

export type DecisionFields = EventPayloads['decision.recorded'];

export interface Decision extends EntryBase<DecisionFields>, DecisionFields {
  kind: 'decision';
  outcome: DecisionOutcome;
}

export type Entry = StepNote | LogEntry | Decision;

export interface IncidentLink {
  incidentId: string;
  reason: EventPayloads['incident.linked']['reason'];
  at: string;
}

export interface IncidentState {
  id: string;
  details: IncidentDetails;
  contentVersion: string;
  /** The local layer the incident started with (its steps and notes are the ones in use). */
  localLayer?: LocalLayerRef;
  phase: PhaseId;
  status: IncidentStatus;
  closedAt?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  steps: Record<string, StepState>;
  notes: StepNote[];
  log: LogEntry[];
  decisions: Decision[];
  links: IncidentLink[];
}
