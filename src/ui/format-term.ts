import type { DecisionTerm } from '../model/events.ts';
import { formatDate, formatDateTime } from './format-date.ts';

/** A calendar date ("2026-03-05") as that day on the device, not as midnight UTC. */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const local = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return Number.isNaN(local.getTime()) ? date : formatDate(local.toISOString());
}

/** "van 1 mrt 2026 tot en met 31 mei 2026": the one wording of a term, on screen and in print. */
export function formatTerm(term: DecisionTerm | undefined): string {
  if (!term?.start && !term?.end) return 'geen';
  const from = term.start ? `van ${formatCalendarDate(term.start)}` : '';
  const to = term.end ? `tot en met ${formatCalendarDate(term.end)}` : '';
  return [from, to].filter(Boolean).join(' ');
}

/** A hearing is a moment; older records may hold only its date. */
export function formatHearing(hearingAt: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(hearingAt) ? formatCalendarDate(hearingAt) : formatDateTime(hearingAt);
}

export interface DecisionDatesChange {
  from: { term?: DecisionTerm; announcedAt?: string; hearingAt?: string };
  to: { term?: DecisionTerm; announcedAt?: string; hearingAt?: string };
}

/** What a correction did to a decision's dates, one sentence per date that changed, the old value kept. */
export function describeDecisionDatesChange({ from, to }: DecisionDatesChange): string[] {
  const lines: string[] = [];
  if (formatTerm(from.term) !== formatTerm(to.term))
    lines.push(`Termijn gewijzigd: was ${formatTerm(from.term)}, nu ${formatTerm(to.term)}.`);
  const date = (value: string | undefined, format: (v: string) => string) => (value ? format(value) : 'niet ingevuld');
  if (from.announcedAt !== to.announcedAt)
    lines.push(
      `Bekendmaking gewijzigd: was ${date(from.announcedAt, formatCalendarDate)}, nu ${date(to.announcedAt, formatCalendarDate)}.`,
    );
  if (from.hearingAt !== to.hearingAt)
    lines.push(
      `Hoorzitting gewijzigd: was ${date(from.hearingAt, formatHearing)}, nu ${date(to.hearingAt, formatHearing)}.`,
    );
  return lines;
}
