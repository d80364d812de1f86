import type { Kader, KaderStep, PhaseId, TimeWindowId } from '../../content/schema.ts';
import type { StepStatus } from '../../model/events.ts';
import { notApplicableHere } from '../../model/local-layer.ts';
import { TIME_WINDOW_IDS } from '../../model/vocabulary.ts';
import type { IncidentState, StepState } from './incident-state.ts';

/** The framework's steps for one incident, with what has been done. Pure; `now` is a parameter. */

export interface ChecklistItem {
  step: KaderStep;
  status: StepStatus;
  /** Absent while nobody has touched the step. */
  statusSet?: StepState;
  /** A step of an earlier time window of 'direct-na' that is still open or postponed. */
  overdue: boolean;
}

export interface ChecklistPhase {
  phase: PhaseId;
  /** Only for 'direct-na': the window the incident is in now. */
  currentWindow?: TimeWindowId;
  items: ChecklistItem[];
  done: number;
  applicable: number;
}

type ChecklistInput = Pick<IncidentState, 'details' | 'steps'>;

const HOUR_MS = 3_600_000;

export function currentTimeWindow(occurredAt: string, now: Date): TimeWindowId {
  const hours = (now.getTime() - Date.parse(occurredAt)) / HOUR_MS;
  // An unreadable or future time puts the adviser at the start, where most is urgent.
  if (!(hours >= 1)) return 'eerste-uur';
  return hours < 24 ? 'eerste-dag' : 'eerste-week';
}

export function deriveChecklist(kader: Kader, incident: ChecklistInput, now: Date): ChecklistPhase[] {
  const notHere = notApplicableHere(kader);
  return kader.phases.map((phase) => {
    const steps = stepsForTarget(phase.steps, incident);
    if (phase.id !== 'direct-na')
      return summarise(
        phase.id,
        steps.map((step) => item(step, incident, false)),
        notHere,
      );

    const window = currentTimeWindow(incident.details.occurredAt, now);
    const current = TIME_WINDOW_IDS.indexOf(window);
    const isEarlier = (step: KaderStep) =>
      step.timeWindow !== undefined && TIME_WINDOW_IDS.indexOf(step.timeWindow) < current;
    const isOverdue = (step: KaderStep) => {
      const status = statusOf(step, incident);
      return isEarlier(step) && (status === 'open' || status === 'later');
    };
    // What is late comes first (oldest window first), then now, then the earlier steps
    // already dealt with, then what is still to come; steps without a window last.
    const rank = (step: KaderStep): number => {
      if (!step.timeWindow) return 100;
      const index = TIME_WINDOW_IDS.indexOf(step.timeWindow);
      if (isOverdue(step)) return -10 + index;
      if (index === current) return 0;
      return index < current ? 1 + index : 10 + index;
    };
    // Array.prototype.sort is stable, so the content's order holds within each group.
    const items = [...steps].sort((a, b) => rank(a) - rank(b)).map((step) => item(step, incident, isOverdue(step)));
    return { ...summarise(phase.id, items, notHere), currentWindow: window };
  });
}

/** done / applicable per phase, without ordering: what the list projection stores. */
export function phaseProgress(kader: Kader, incident: ChecklistInput): ChecklistPhase[] {
  const notHere = notApplicableHere(kader);
  return kader.phases.map((phase) =>
    summarise(
      phase.id,
      stepsForTarget(phase.steps, incident).map((step) => item(step, incident, false)),
      notHere,
    ),
  );
}

function stepsForTarget(steps: KaderStep[], incident: ChecklistInput): KaderStep[] {
  return steps.filter((step) => step.targets.includes(incident.details.target));
}

function statusOf(step: KaderStep, incident: ChecklistInput): StepStatus {
  return incident.steps[step.id]?.status ?? 'open';
}

function item(step: KaderStep, incident: ChecklistInput, overdue: boolean): ChecklistItem {
  const statusSet = incident.steps[step.id];
  return statusSet ? { step, status: statusSet.status, statusSet, overdue } : { step, status: 'open', overdue };
}

/**
 * A step marked "not applicable here" by the municipality is not open work: it is not counted,
 * unless the adviser did it anyway (then it counts as done, like any other).
 */
function summarise(phase: PhaseId, items: ChecklistItem[], notHere: ReadonlySet<string>): ChecklistPhase {
  const applicable = items.filter(
    (entry) => entry.status !== 'nvt' && (entry.status === 'gedaan' || !notHere.has(entry.step.id)),
  ).length;
  const done = items.filter((entry) => entry.status === 'gedaan').length;
  return { phase, items, done, applicable };
}
