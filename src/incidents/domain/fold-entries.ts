import { DECISION_OUTCOMES, type DecisionTerm, type IncidentEvent, type IncidentEventOf } from '../../model/events.ts';
import { withoutUndefined } from '../../model/without-undefined.ts';
import type { Authored, Decision, DecisionFields, Entry, LogEntry, StepNote } from './incident-state.ts';

/** Notes, log entries and decisions: created once, then corrected or withdrawn by later events. */

export type EntryChangeEvent = IncidentEventOf<'entry.edited'> | IncidentEventOf<'entry.withdrawn'>;

function authored(event: IncidentEvent): Authored {
  return { at: event.at, actor: event.actor, device: event.device, eventId: event.id };
}

export function entryFromEvent(event: IncidentEvent): Entry | undefined {
  // Object literals rather than spreads: a fold builds these for tens of thousands of
  // events, and V8 builds a literal much faster than a spread of another object.
  const { id, at, actor, device } = event;
  switch (event.type) {
    case 'step.note-added': {
      const { stepId, text } = event.payload;
      if (typeof stepId !== 'string' || typeof text !== 'string') return undefined;
      const note: StepNote = {
        id,
        writtenAt: at,
        actor,
        device,
        edited: false,
        kind: 'note',
        stepId,
        text,
        revisions: [{ text, at, actor, device, eventId: id }],
      };
      return note;
    }
    case 'log.entry-added': {
      const { text, happenedAt } = event.payload;
      if (typeof text !== 'string') return undefined;
      const base = { id, writtenAt: at, actor, device, edited: false, kind: 'log' as const, text };
      const log: LogEntry =
        happenedAt === undefined
          ? { ...base, revisions: [{ text, at, actor, device, eventId: id }] }
          : { ...base, happenedAt, revisions: [{ text, happenedAt, at, actor, device, eventId: id }] };
      return log;
    }
    case 'decision.recorded': {
      const fields = decisionFields(event.payload);
      if (!fields) return undefined;
      const decision: Decision = {
        id,
        writtenAt: at,
        actor,
        device,
        edited: false,
        kind: 'decision',
        ...fields,
        revisions: [{ ...fields, ...authored(event) }],
      };
      return decision;
    }
    default:
      return undefined;
  }
}

function decisionFields(payload: Partial<DecisionFields>): DecisionFields | undefined {
  const { instrumentId, stepId, outcome, considerations, motivation, decidedAt, term, announcedAt, hearingAt } =
    payload;
  if (typeof instrumentId !== 'string' || !DECISION_OUTCOMES.includes(outcome as never)) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const termCopy: DecisionTerm =
    typeof term === 'object' && term !== null ? withoutUndefined({ start: text(term.start), end: text(term.end) }) : {};
  return withoutUndefined({
    instrumentId,
    stepId,
    outcome: outcome as DecisionFields['outcome'],
    considerations: Array.isArray(considerations) ? considerations.map((c) => ({ ...c })) : [],
    motivation: typeof motivation === 'string' ? motivation : '',
    decidedAt: typeof decidedAt === 'string' ? decidedAt : '',
    term: termCopy.start || termCopy.end ? termCopy : undefined,
    announcedAt: text(announcedAt),
    hearingAt: text(hearingAt),
  });
}

/** Mutates the entry the fold owns; the original values stay as the first revision. */
export function applyEntryChange(entry: Entry, change: EntryChangeEvent): void {
  if (change.type === 'entry.withdrawn') {
    // A withdrawal is final; a second one (from another phone) adds nothing.
    if (!entry.withdrawn) entry.withdrawn = { ...authored(change), reason: String(change.payload.reason ?? '') };
    return;
  }
  const { text, happenedAt, decision } = change.payload;
  switch (entry.kind) {
    case 'note':
      if (typeof text !== 'string') return;
      entry.text = text;
      entry.revisions.push({ text, ...authored(change) });
      break;
    case 'log':
      if (typeof text !== 'string' && typeof happenedAt !== 'string') return;
      if (typeof text === 'string') entry.text = text;
      if (typeof happenedAt === 'string') entry.happenedAt = happenedAt;
      entry.revisions.push(withoutUndefined({ text: entry.text, happenedAt: entry.happenedAt, ...authored(change) }));
      break;
    case 'decision': {
      if (typeof decision !== 'object' || decision === null) return;
      const current: DecisionFields = withoutUndefined({
        instrumentId: entry.instrumentId,
        stepId: entry.stepId,
        outcome: entry.outcome,
        considerations: entry.considerations,
        motivation: entry.motivation,
        decidedAt: entry.decidedAt,
        term: entry.term,
        announcedAt: entry.announcedAt,
        hearingAt: entry.hearingAt,
      });
      const fields = decisionFields({ ...current, ...withoutUndefined(decision) });
      if (!fields) return;
      // A correction may remove a term typed by mistake: the merged fields are the whole truth.
      delete entry.term;
      Object.assign(entry, fields);
      entry.revisions.push({ ...fields, ...authored(change) });
      break;
    }
  }
  entry.edited = true;
}
