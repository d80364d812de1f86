import { useKader } from '../../content/kader-context.tsx';
import type { KaderIndex } from '../../content/kader-index.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { formatCalendarDate, formatHearing, formatTerm } from '../../ui/format-term.ts';
import type { Decision } from '../domain/incident-state.ts';
import { OUTCOME_LABEL } from '../domain/labels.ts';

/** A decision whose dates can be corrected: its instrument has a term, or it holds dates already. */
export function termOf(
  decision: Decision,
  index: KaderIndex,
): { decision: Decision; hint: string | undefined } | undefined {
  const instrument = index.instrument.get(decision.instrumentId);
  if (decision.outcome !== 'genomen') return undefined;
  if (!instrument?.duration && !decision.term && !decision.announcedAt && !decision.hearingAt) return undefined;
  return { decision, hint: instrument?.duration };
}

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
      {(term?.start || term?.end) && <p className="entry__text">Termijn: {formatTerm(term)}</p>}
      <EarlierTerms decision={decision} />
      {decision.announcedAt && (
        <p className="entry__text">Bekendgemaakt op {formatCalendarDate(decision.announcedAt)}</p>
      )}
      {decision.hearingAt && <p className="entry__text">Hoorzitting: {formatHearing(decision.hearingAt)}</p>}
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

/** A corrected term keeps its earlier values in view, with who changed them and when. */
function EarlierTerms({ decision }: { decision: Decision }) {
  const earlier: { text: string; by: string; at: string }[] = [];
  decision.revisions.forEach((revision, i) => {
    const next = decision.revisions[i + 1];
    if (!next) return;
    const text = formatTerm(revision.term);
    if (text !== formatTerm(next.term)) earlier.push({ text, by: next.actor, at: next.at });
  });
  if (earlier.length === 0) return null;
  return (
    <ul className="decision-summary__earlier">
      {earlier.map((e) => (
        <li key={`${e.at}${e.text}`} className="entry__meta">
          Eerder: termijn {e.text} (gecorrigeerd door {e.by} op {formatDateTime(e.at)})
        </li>
      ))}
    </ul>
  );
}
