import { useKader } from '../../content/kader-context.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import type { Decision } from '../domain/incident-state.ts';
import { OUTCOME_LABEL } from '../domain/labels.ts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium' });
const calendar = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat.format(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1));
};

/** A decision as recorded: outcome, instrument, the considerations ticked with their notes, term and motivation. */
export function DecisionSummary({ decision }: { decision: Decision }) {
  const index = useKader();
  const instrument = index.instrument.get(decision.instrumentId);
  const weighed = decision.considerations.filter((c) => c.checked);
  const { term } = decision;
  return (
    <div className="decision-summary">
      <p className="entry__text">
        <strong>{OUTCOME_LABEL[decision.outcome]}</strong>: {instrument?.name ?? decision.instrumentId}
        {instrument && ` (${instrument.article})`}
      </p>
      {(term?.start || term?.end) && (
        <p className="entry__text">
          Termijn: {term.start ? `van ${calendar(term.start)}` : ''}{' '}
          {term.end ? `tot en met ${calendar(term.end)}` : ''}
        </p>
      )}
      {decision.announcedAt && <p className="entry__text">Bekendgemaakt op {calendar(decision.announcedAt)}</p>}
      {decision.hearingAt && <p className="entry__text">Hoorzitting: {formatDateTime(decision.hearingAt)}</p>}
      {weighed.length > 0 && (
        <>
          <p className="entry__label">Gemaakte afwegingen</p>
          <ul className="decision-summary__considerations">
            {weighed.map((c) => (
              <li key={c.considerationId}>
                {index.consideration.get(c.considerationId)?.title ?? c.considerationId}
                {c.note.trim() && <span className="decision-summary__note">: {c.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="entry__text">Motivering: {decision.motivation}</p>
    </div>
  );
}
