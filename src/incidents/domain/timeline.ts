import type { KaderIndex } from '../../content/kader-index.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import type { Decision, DecisionFields, IncidentState, LogEntry } from './incident-state.ts';
import { INCIDENT_KIND_LABEL, OUTCOME_LABEL, STEP_STATUS_LABEL, unknownStepTitle } from './labels.ts';

export type TimelineKind = 'incident' | 'stap' | 'notitie' | 'logregel' | 'besluit';

export interface TimelineItem {
  eventId: string;
  type: IncidentEvent['type'];
  kind: TimelineKind;
  /** When it happened: the adviser's stated moment for after-the-fact entries, else when written. */
  at: string;
  writtenAt: string;
  actor: string;
  title: string;
  text?: string;
  /** For notes, log entries and decisions: the entry that edits and withdrawals refer to. */
  entryId?: string;
  /** A step status later replaced by another change (possibly from another device). */
  superseded?: boolean;
  withdrawn?: { reason: string; actor: string; at: string };
  edited?: boolean;
  /** A correction of a log entry's time: the time before and after it, both kept on the record. */
  timeChange?: { from: string; to: string };
  /** A correction of a decision's term, announcement or hearing: the dates before and after it. */
  decisionChange?: { from: DecisionDates; to: DecisionDates };
}

export type DecisionDates = Pick<DecisionFields, 'term' | 'announcedAt' | 'hearingAt'>;

/**
 * Every event as one line of the logbook, newest first. Edits and withdrawals are
 * shown as their own lines and also marked on the entry they change, so the log
 * reads as what happened while the current text stays visible.
 */
export function buildTimeline(
  events: readonly IncidentEvent[],
  state: IncidentState,
  index: KaderIndex,
): TimelineItem[] {
  const entries = new Map([...state.notes, ...state.log, ...state.decisions].map((e) => [e.id, e]));
  const stepTitle = (id: string) => index.step.get(id)?.title ?? unknownStepTitle(id);
  const items: TimelineItem[] = [];
  for (const event of [...events].sort(compareEvents)) {
    const base = { eventId: event.id, type: event.type, at: event.at, writtenAt: event.at, actor: event.actor };
    switch (event.type) {
      case 'incident.created':
        items.push({
          ...base,
          kind: 'incident',
          title: `Incident vastgelegd: ${INCIDENT_KIND_LABEL[event.payload.kind]}`,
        });
        break;
      case 'incident.details-changed':
        items.push({ ...base, kind: 'incident', title: 'Gegevens van het incident gewijzigd' });
        break;
      case 'incident.phase-changed':
        items.push({
          ...base,
          kind: 'incident',
          title: `Fase gewijzigd naar: ${index.phase.get(event.payload.phase)?.title ?? event.payload.phase}`,
        });
        break;
      case 'incident.linked':
        items.push({ ...base, kind: 'incident', title: 'Gekoppeld aan een eerder incident op hetzelfde adres' });
        break;
      case 'incident.closed':
        items.push({ ...base, kind: 'incident', title: 'Incident gesloten' });
        break;
      case 'incident.reopened':
        items.push({ ...base, kind: 'incident', title: 'Incident heropend' });
        break;
      case 'step.status-set': {
        const winner = state.steps[event.payload.stepId]?.eventId;
        items.push({
          ...base,
          kind: 'stap',
          title: `${stepTitle(event.payload.stepId)}: ${STEP_STATUS_LABEL[event.payload.status]}`,
          text: event.payload.reason,
          superseded: winner !== event.id,
        });
        break;
      }
      case 'step.note-added': {
        const entry = entries.get(event.id);
        items.push({
          ...base,
          kind: 'notitie',
          title: `Notitie bij: ${stepTitle(event.payload.stepId)}`,
          text: entry?.kind === 'note' ? entry.text : event.payload.text,
          entryId: event.id,
          edited: entry?.edited,
          withdrawn: entry?.withdrawn,
        });
        break;
      }
      case 'log.entry-added': {
        const entry = entries.get(event.id);
        const happenedAt = entry?.kind === 'log' ? entry.happenedAt : event.payload.happenedAt;
        items.push({
          ...base,
          at: happenedAt ?? event.at,
          kind: 'logregel',
          title: 'Logregel',
          text: entry?.kind === 'log' ? entry.text : event.payload.text,
          entryId: event.id,
          edited: entry?.edited,
          withdrawn: entry?.withdrawn,
        });
        break;
      }
      case 'decision.recorded': {
        const entry = entries.get(event.id);
        const d = entry?.kind === 'decision' ? entry : event.payload;
        const instrument = index.instrument.get(d.instrumentId);
        items.push({
          ...base,
          at: d.decidedAt,
          kind: 'besluit',
          title: `Besluit (${OUTCOME_LABEL[d.outcome].toLowerCase()}): ${instrument?.name ?? d.instrumentId}`,
          text: d.motivation,
          entryId: event.id,
          edited: entry?.edited,
          withdrawn: entry?.withdrawn,
        });
        break;
      }
      case 'entry.edited': {
        const entry = entries.get(event.payload.entryId);
        const timeChange = entry?.kind === 'log' ? timeChangeOf(entry, event.id) : undefined;
        const decisionChange = entry?.kind === 'decision' ? decisionChangeOf(entry, event.id) : undefined;
        items.push({
          ...base,
          kind: kindOfEntry(entry?.kind),
          title: decisionChange ? 'Besluit gecorrigeerd' : 'Vastlegging gecorrigeerd',
          text: event.payload.text,
          ...(timeChange ? { timeChange } : {}),
          ...(decisionChange ? { decisionChange } : {}),
        });
        break;
      }
      case 'entry.withdrawn':
        items.push({
          ...base,
          kind: kindOfEntry(entries.get(event.payload.entryId)?.kind),
          title: 'Vastlegging ingetrokken',
          text: event.payload.reason,
        });
        break;
    }
  }
  return items.sort((a, b) => (a.at === b.at ? (a.eventId < b.eventId ? 1 : -1) : a.at < b.at ? 1 : -1));
}

/** The happenedAt before and after the edit `eventId`, when that edit moved the time. */
function timeChangeOf(entry: LogEntry, eventId: string): { from: string; to: string } | undefined {
  const index = entry.revisions.findIndex((revision) => revision.eventId === eventId);
  const before = entry.revisions[index - 1];
  const after = entry.revisions[index];
  if (!before || !after) return undefined;
  const from = before.happenedAt ?? entry.writtenAt;
  const to = after.happenedAt ?? entry.writtenAt;
  return from === to ? undefined : { from, to };
}

/** The dates of a decision before and after the edit `eventId`, when that edit changed any of them. */
function decisionChangeOf(entry: Decision, eventId: string): { from: DecisionDates; to: DecisionDates } | undefined {
  const index = entry.revisions.findIndex((revision) => revision.eventId === eventId);
  const before = entry.revisions[index - 1];
  const after = entry.revisions[index];
  if (!before || !after) return undefined;
  const from = datesOf(before);
  const to = datesOf(after);
  return JSON.stringify(from) === JSON.stringify(to) ? undefined : { from, to };
}

function datesOf({ term, announcedAt, hearingAt }: DecisionFields): DecisionDates {
  return {
    ...(term ? { term: { ...(term.start ? { start: term.start } : {}), ...(term.end ? { end: term.end } : {}) } } : {}),
    ...(announcedAt ? { announcedAt } : {}),
    ...(hearingAt ? { hearingAt } : {}),
  };
}

function kindOfEntry(kind: 'note' | 'log' | 'decision' | undefined): TimelineKind {
  if (kind === 'note') return 'notitie';
  if (kind === 'decision') return 'besluit';
  return 'logregel';
}
