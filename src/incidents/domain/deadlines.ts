import type { Deadline, DeadlineKind } from '../../model/incident-overview.ts';
import type { Decision, IncidentState } from './incident-state.ts';

export type { Deadline, DeadlineKind };

/**
 * What a decision makes due: its term starting and ending, the moment to weigh an
 * extension, a hearing. Two halves: `decisionDeadlines` depends only on the state (so
 * the list row can store it), `dueAt` adds the clock (days left), at render time.
 */

/** An extension needs a new decision with its own motivation (and often a hearing): start a week ahead. */
export const REVIEW_DAYS_BEFORE_END = 7;
/** How long an ended term stays in view, so "afgelopen" is seen once before it disappears. */
export const ENDED_VISIBLE_DAYS = 7;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Deadlines of decisions taken and not withdrawn, in date order. */
export function decisionDeadlines(state: Pick<IncidentState, 'decisions'>): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const decision of state.decisions) {
    if (decision.withdrawn || decision.outcome !== 'genomen') continue;
    deadlines.push(...deadlinesOf(decision));
  }
  return deadlines.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1));
}

function deadlinesOf(decision: Decision): Deadline[] {
  const of = (kind: DeadlineKind, date: string): Deadline => ({
    kind,
    date,
    decisionId: decision.id,
    instrumentId: decision.instrumentId,
  });
  const found: Deadline[] = [];
  const { start, end } = decision.term ?? {};
  if (start && DATE.test(start)) found.push(of('term-starts', start));
  if (end && DATE.test(end)) {
    found.push(of('term-ends', end));
    found.push(of('review-extension', addDays(end, -REVIEW_DAYS_BEFORE_END)));
  }
  if (decision.hearingAt && !Number.isNaN(Date.parse(decision.hearingAt)))
    found.push(of('hearing', decision.hearingAt));
  return found;
}

export interface DueItem extends Deadline {
  /** Calendar days from today (on the device's clock) to the date; negative once passed. */
  days: number;
}

/** What to show now: future and today's deadlines, and terms ended in the last week. */
export function dueAt(deadlines: readonly Deadline[], now: Date): DueItem[] {
  const today = localDate(now);
  const due: DueItem[] = [];
  for (const deadline of deadlines) {
    const date = deadline.kind === 'hearing' ? localDate(new Date(deadline.date)) : deadline.date;
    const days = daysBetween(today, date);
    if (!Number.isFinite(days)) continue;
    const shown =
      deadline.kind === 'term-ends'
        ? days >= -ENDED_VISIBLE_DAYS
        : deadline.kind === 'term-starts'
          ? days > 0
          : days >= 0;
    if (shown) due.push({ ...deadline, days });
  }
  return due;
}

/** The device's calendar date, as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? Number.NaN, (m ?? Number.NaN) - 1, d);
}

function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * 86_400_000).toISOString().slice(0, 10);
}
