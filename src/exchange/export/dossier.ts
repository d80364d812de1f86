import { indexKader } from '../../content/kader-index.ts';
import type { Kader, PhaseId } from '../../content/schema.ts';
import type { Decision, IncidentState, LogEntry, StepNote, Withdrawal } from '../../incidents/domain/incident-state.ts';
import { incidentTitle } from '../../incidents/domain/projection.ts';
import { buildTimeline, type TimelineItem } from '../../incidents/domain/timeline.ts';
import type { IncidentDetails, IncidentEvent, StepStatus } from '../../model/events.ts';
import type { LocalLayerRef, LocalOverlayView } from '../../model/local-layer.ts';

/**
 * A printable dossier as plain data: the screen renders it, print CSS lays it out.
 * Everything the adviser must be able to account for: what happened, what was decided
 * on which legal basis and why, and what was done per phase. Withdrawn entries stay,
 * marked, because the record must show what was once written.
 */

export interface DossierDecision {
  id: string;
  instrumentId: string;
  /** From the framework; absent when the framework no longer has the instrument. */
  instrument?: { name: string; article: string };
  stepId?: string;
  stepTitle?: string;
  outcome: Decision['outcome'];
  decidedAt: string;
  /** Calendar dates of the measure's term, when the instrument has one. */
  term?: { start?: string; end?: string };
  announcedAt?: string;
  hearingAt?: string;
  motivation: string;
  considerations: { id: string; title: string; checked: boolean; note: string }[];
  writtenAt: string;
  actor: string;
  edited: boolean;
  withdrawn?: Withdrawal;
}

export interface DossierStep {
  id: string;
  title: string;
  status: StepStatus;
  reason?: string;
  changedAt?: string;
  changedBy?: string;
  /** Earlier statuses, when the step was changed more than once (or by two people). */
  history: { status: StepStatus; at: string; actor: string; reason?: string }[];
  notes: { text: string; writtenAt: string; actor: string; withdrawn: boolean }[];
  /** A step the municipality added (local layer), not a national one. */
  local?: true;
  /** The municipality's note on this national step, as the layer holds it now. */
  localNote?: string;
}

export interface DossierPhase {
  id: PhaseId;
  title: string;
  steps: DossierStep[];
}

export interface DossierTimelineItem {
  eventId: string;
  /** When it happened; for an entry made afterwards, the moment the adviser gave. */
  at: string;
  /** When it was recorded: differs from `at` for a backdated entry, and the record shows both. */
  writtenAt: string;
  actor: string;
  type: IncidentEvent['type'];
  /** One Dutch sentence. */
  description: string;
  /** A correction of a decision's dates: the old and new values, both on the record. */
  decisionChange?: TimelineItem['decisionChange'];
  /** A correction of a log entry's time: before and after. */
  timeChange?: TimelineItem['timeChange'];
}

export interface Dossier {
  incident: {
    id: string;
    title: string;
    details: IncidentDetails;
    phase: PhaseId;
    status: IncidentState['status'];
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    closedAt?: string;
    contentVersion: string;
    linkedIncidentIds: string[];
  };
  decisions: DossierDecision[];
  phases: DossierPhase[];
  log: { id: string; text: string; happenedAt: string; actor: string; edited: boolean; withdrawn?: Withdrawal }[];
  /** Chronological, in the one total order; reverse it for newest first. */
  timeline: DossierTimelineItem[];
  kaderVersion: string;
  /**
   * The municipality's local layer (issue 14): the revision the incident started with (recorded on
   * `incident.created`) and the one the dossier was printed with, whose steps and notes it shows.
   */
  localLayer?: {
    startedWith?: LocalLayerRef;
    printedWith?: { municipality: string; municipalityCode: string; revision: number };
  };
}

/** `local`: the municipality's layer; its steps are already in `kader` (the overlaid framework). */
export function buildDossier(
  state: IncidentState,
  kader: Kader,
  events: readonly IncidentEvent[],
  local?: LocalOverlayView,
): Dossier {
  const steps = new Map(kader.phases.flatMap((phase) => phase.steps.map((step) => [step.id, step] as const)));
  const instruments = new Map(kader.instruments.map((instrument) => [instrument.id, instrument]));
  const considerations = new Map(kader.considerations.map((consideration) => [consideration.id, consideration]));

  const decisions = [...state.decisions]
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.writtenAt.localeCompare(b.writtenAt))
    .map((decision): DossierDecision => {
      const instrument = instruments.get(decision.instrumentId);
      const step = decision.stepId ? steps.get(decision.stepId) : undefined;
      return {
        id: decision.id,
        instrumentId: decision.instrumentId,
        ...(instrument ? { instrument: { name: instrument.name, article: instrument.article } } : {}),
        ...(decision.stepId ? { stepId: decision.stepId } : {}),
        ...(step ? { stepTitle: step.title } : {}),
        outcome: decision.outcome,
        decidedAt: decision.decidedAt,
        ...(decision.term && (decision.term.start || decision.term.end) ? { term: { ...decision.term } } : {}),
        ...(decision.announcedAt ? { announcedAt: decision.announcedAt } : {}),
        ...(decision.hearingAt ? { hearingAt: decision.hearingAt } : {}),
        motivation: decision.motivation,
        considerations: decision.considerations.map((weighed) => ({
          id: weighed.considerationId,
          title: considerations.get(weighed.considerationId)?.title ?? weighed.considerationId,
          checked: weighed.checked,
          note: weighed.note,
        })),
        writtenAt: decision.writtenAt,
        actor: decision.actor,
        edited: decision.edited,
        ...(decision.withdrawn ? { withdrawn: decision.withdrawn } : {}),
      };
    });

  const phases = kader.phases.map(
    (phase): DossierPhase => ({
      id: phase.id,
      title: phase.title,
      steps: phase.steps
        .filter((step) => step.targets.includes(state.details.target) || state.steps[step.id])
        .map((step) => withLocal(dossierStep(state, step.id, step.title), local)),
    }),
  );

  return {
    incident: {
      id: state.id,
      title: incidentTitle(state.details),
      details: state.details,
      phase: state.phase,
      status: state.status,
      createdAt: state.createdAt,
      createdBy: state.createdBy,
      updatedAt: state.updatedAt,
      ...(state.closedAt ? { closedAt: state.closedAt } : {}),
      contentVersion: state.contentVersion,
      linkedIncidentIds: state.links.map((link) => link.incidentId),
    },
    decisions,
    phases,
    log: [...state.log]
      .sort((a, b) => happened(a).localeCompare(happened(b)))
      .map((entry) => ({
        id: entry.id,
        text: entry.text,
        happenedAt: happened(entry),
        actor: entry.actor,
        edited: entry.edited,
        ...(entry.withdrawn ? { withdrawn: entry.withdrawn } : {}),
      })),
    // The logbook's own lines, oldest first: one wording for the screen and the record.
    timeline: buildTimeline(
      events.filter((event) => event.incidentId === state.id),
      state,
      indexKader(kader),
    )
      .reverse()
      .map((item) => ({
        eventId: item.eventId,
        at: item.at,
        writtenAt: item.writtenAt,
        actor: item.actor,
        type: item.type,
        ...(item.decisionChange ? { decisionChange: item.decisionChange } : {}),
        ...(item.timeChange ? { timeChange: item.timeChange } : {}),
        description: [
          item.text ? `${item.title}: ${item.text}` : item.title,
          item.withdrawn ? ` (ingetrokken: ${item.withdrawn.reason})` : '',
          item.superseded ? ' (later gewijzigd)' : '',
        ].join(''),
      })),
    kaderVersion: kader.version,
    ...(state.localLayer || local
      ? {
          localLayer: {
            ...(state.localLayer ? { startedWith: { ...state.localLayer } } : {}),
            ...(local
              ? {
                  printedWith: {
                    municipality: local.municipality,
                    municipalityCode: local.municipalityCode,
                    revision: local.revision,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

function withLocal(step: DossierStep, local: LocalOverlayView | undefined): DossierStep {
  if (!local) return step;
  if (local.localStepIds.has(step.id)) return { ...step, local: true };
  const note = local.annotations.get(step.id)?.annotation.note;
  return note ? { ...step, localNote: note } : step;
}

const happened = (entry: LogEntry) => entry.happenedAt ?? entry.writtenAt;

/** A step nobody touched: still open, never changed, no notes. A phase of only these is one line in print. */
export const untouched = (step: DossierStep) =>
  step.status === 'open' && !step.changedAt && step.history.length === 0 && step.notes.length === 0;

function dossierStep(state: IncidentState, stepId: string, title: string): DossierStep {
  const set = state.steps[stepId];
  const notes = state.notes.filter((note: StepNote) => note.stepId === stepId);
  return {
    id: stepId,
    title,
    status: set?.status ?? 'open',
    ...(set?.reason ? { reason: set.reason } : {}),
    ...(set ? { changedAt: set.at, changedBy: set.actor } : {}),
    history: (set?.history ?? []).map((change) => ({
      status: change.status,
      at: change.at,
      actor: change.actor,
      ...(change.reason ? { reason: change.reason } : {}),
    })),
    notes: notes.map((note) => ({
      text: note.text,
      writtenAt: note.writtenAt,
      actor: note.actor,
      withdrawn: Boolean(note.withdrawn),
    })),
  };
}
