import { useKader } from '../../content/kader-context.tsx';
import { type Deadline, dueAt } from '../domain/deadlines.ts';
import { measureLabel } from '../domain/decision-instruments.ts';
import { dueText } from './due-text.ts';

/** What decisions make due, counted now on this device: "Sluiting loopt af over 3 dagen". */
export function DueList({
  deadlines,
  now,
  label,
}: {
  deadlines: readonly Deadline[] | undefined;
  now: Date;
  label?: string;
}) {
  const index = useKader();
  const due = dueAt(deadlines ?? [], now);
  if (due.length === 0) return null;
  return (
    <ul className="due-list" aria-label={label ?? 'Wat er aankomt'} data-testid="due-list">
      {due.map((item) => (
        <li key={`${item.decisionId}-${item.kind}`} className={item.days > 7 ? 'due--later' : undefined}>
          {dueText(item, measureLabel(index.instrument.get(item.instrumentId)))}
        </li>
      ))}
    </ul>
  );
}

/** The same in one line, for a row of the incident list (inside its link, so phrasing content only). */
export function DueLine({ deadlines, now }: { deadlines: readonly Deadline[] | undefined; now: Date }) {
  const index = useKader();
  const due = dueAt(deadlines ?? [], now);
  if (due.length === 0) return null;
  return (
    <span className="card-link__due" data-testid="due-line">
      {due.map((item) => dueText(item, measureLabel(index.instrument.get(item.instrumentId)))).join(' · ')}
    </span>
  );
}
