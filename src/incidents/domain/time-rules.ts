/**
 * The rules that keep the timeline honest, shared by the command guards and the forms
 * so that a form says in advance exactly what the store would refuse.
 */

/** Phones disagree by some seconds; a minute of slack keeps "now" from being refused. */
export const CLOCK_SLACK_MS = 60_000;

/** A log time this far before the incident is probably a slip on the date picker. */
export const EARLY_LOG_MS = 24 * 60 * 60_000;

export const FUTURE_TIME_MESSAGE =
  'Dit tijdstip ligt in de toekomst. Vul in wanneer het gebeurde; controleer ook de klok van dit apparaat.';

/** Whether a moment lies after now (beyond the slack); an unreadable moment is not "future". */
export function isInFuture(iso: string, now: Date): boolean {
  const time = Date.parse(iso);
  return Number.isFinite(time) && time > now.getTime() + CLOCK_SLACK_MS;
}

/** Whether a log time lies more than a day before the incident: the form asks to confirm it. */
export function isLongBeforeIncident(happenedAt: string, occurredAt: string): boolean {
  const happened = Date.parse(happenedAt);
  const occurred = Date.parse(occurredAt);
  return Number.isFinite(happened) && Number.isFinite(occurred) && occurred - happened > EARLY_LOG_MS;
}

/**
 * How long ago the incident happened, for the header. A device clock behind the
 * incident time (a wrong clock, or an incident time typed on another phone) must not
 * read as nonsense: the header then says the clock seems off.
 */
export type ElapsedSince = { kind: 'elapsed'; minutes: number } | { kind: 'clock-behind' } | { kind: 'unknown' };

export function elapsedSince(occurredAt: string, now: Date): ElapsedSince {
  const diff = now.getTime() - Date.parse(occurredAt);
  if (!Number.isFinite(diff)) return { kind: 'unknown' };
  if (diff < -CLOCK_SLACK_MS) return { kind: 'clock-behind' };
  return { kind: 'elapsed', minutes: Math.max(0, Math.floor(diff / 60_000)) };
}
