import type { IncidentKind } from './events.ts';
import type { PhaseId, Target } from './vocabulary.ts';

/**
 * An incident at a glance: what the incidents domain projects from the events, what the
 * list row stores (db/rows.ts) and what an export summarises (the file's own summary
 * type in exchange/format is checked against it). Shared vocabulary, so the database
 * floor can store it without knowing the domain that computes it.
 */
export interface IncidentOverview {
  id: string;
  status: 'open' | 'gesloten';
  kind: IncidentKind;
  target: Target;
  municipality: string;
  /** Display address or location description. */
  title: string;
  /** Hash (or HMAC, with the lock on) of normalised postcode + house number; absent without a usable address. */
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

export interface PhaseProgress {
  done: number;
  /** Steps of the phase for the incident's target, minus those marked not applicable. */
  applicable: number;
}

export type DeadlineKind = 'term-starts' | 'term-ends' | 'review-extension' | 'hearing';

export interface Deadline {
  kind: DeadlineKind;
  /** A calendar date (YYYY-MM-DD), or for a hearing the moment (ISO 8601). */
  date: string;
  decisionId: string;
  instrumentId: string;
}
