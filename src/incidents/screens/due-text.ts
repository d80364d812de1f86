import { formatDateTime } from '../../ui/format-date.ts';
import type { DueItem } from '../domain/deadlines.ts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium' });

/** A calendar date (YYYY-MM-DD) as the device's day, not as midnight UTC. */
function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat.format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

function inDays(days: number): string {
  if (days === 0) return 'vandaag';
  if (days === 1) return 'morgen';
  return `over ${days} dagen`;
}

/** One line of what is due, e.g. "Sluiting loopt af over 3 dagen"; `label` names the measure. */
export function dueText(item: DueItem, label: string): string {
  switch (item.kind) {
    case 'term-starts':
      return `${label} gaat ${inDays(item.days)} in (${formatCalendarDate(item.date)})`;
    case 'term-ends':
      if (item.days < 0) return `${label} is afgelopen op ${formatCalendarDate(item.date)}`;
      return item.days <= 1 ? `${label} loopt ${inDays(item.days)} af` : `${label} loopt af ${inDays(item.days)}`;
    case 'review-extension':
      return `Beoordeel verlenging vóór ${formatCalendarDate(item.date)}`;
    case 'hearing':
      return `Hoorzitting gepland op ${formatDateTime(item.date)}`;
  }
}
