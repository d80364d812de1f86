import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import type { KaderStep } from '../../content/schema.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { isDecisionInstrument } from '../domain/decision-instruments.ts';
import { homeStepOf } from '../domain/decision-steps.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { DecisionSummary, termOf } from './decision-summary.tsx';
import { EntryActions } from './entry-actions.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';

/**
 * The decisions of a step, each counted once: shown in full on the step where it was
 * recorded, linked from the other steps that offer the same instrument.
 */
export function StepDecisions({ state, step }: { state: IncidentState; step: KaderStep }) {
  const index = useKader();
  const closed = state.status === 'gesloten';
  const own = state.decisions.filter((d) => homeStepOf(d, index.kader) === step.id);
  const elsewhere = state.decisions.filter(
    (d) => !d.withdrawn && step.instruments.includes(d.instrumentId) && homeStepOf(d, index.kader) !== step.id,
  );
  const decidable = step.instruments.filter((id) => {
    const instrument = index.instrument.get(id);
    return instrument && isDecisionInstrument(instrument);
  });
  if (decidable.length === 0 && own.length === 0 && elsewhere.length === 0) return null;
  return (
    <>
      <h3>Besluiten</h3>
      <MarkDoneOffer state={state} stepId={step.id} />
      <ul className="entries">
        {own.map((d) => (
          <li key={d.id} className={`entry${d.withdrawn ? ' entry--withdrawn' : ''}`}>
            <DecisionSummary decision={d} />
            <p className="entry__meta">
              {d.actor}, besluit van {formatDateTime(d.decidedAt)}
              {d.edited ? ' · gecorrigeerd' : ''}
              {d.withdrawn ? ` · ingetrokken: ${d.withdrawn.reason}` : ''}
            </p>
            {!d.withdrawn && (
              <EntryActions incidentId={state.id} entryId={d.id} disabled={closed} term={termOf(d, index)} />
            )}
          </li>
        ))}
        {elsewhere.map((d) => {
          const home = homeStepOf(d, index.kader);
          return (
            <li key={d.id} className="entry entry--linked">
              <p className="entry__text">
                Besluit over {index.instrument.get(d.instrumentId)?.name ?? d.instrumentId} is vastgelegd bij{' '}
                {home ? (
                  <Link to={`/incidenten/${state.id}/stap/${home}`}>
                    {index.step.get(home)?.title ?? 'een andere stap'}
                  </Link>
                ) : (
                  'het logboek'
                )}
                .
              </p>
            </li>
          );
        })}
      </ul>
      {!closed && decidable.length > 0 && (
        <p className="actions">
          {decidable.map((id) => (
            <Link
              key={id}
              className="button button--secondary"
              to={`/incidenten/${state.id}/besluit?instrument=${id}&stap=${step.id}`}
            >
              Besluit vastleggen: {index.instrument.get(id)?.name}
            </Link>
          ))}
        </p>
      )}
    </>
  );
}

/** Right after a decision is saved at this step: offer to mark the step done, in one tap. */
function MarkDoneOffer({ state, stepId }: { state: IncidentState; stepId: string }) {
  const [params, setParams] = useSearchParams();
  const commands = useIncidentCommands();
  const [error, setError] = useState<string>();
  const justSaved = params.get('besluit');
  if (!justSaved || !state.decisions.some((d) => d.id === justSaved)) return null;
  const dismiss = () => {
    const next = new URLSearchParams(params);
    next.delete('besluit');
    setParams(next, { replace: true });
  };
  const done = state.steps[stepId]?.status === 'gedaan';
  return (
    <div className="alert alert--ok" role="status">
      <p>Besluit opgeslagen.{done ? ' Deze stap staat op gedaan.' : ' Is deze stap daarmee gedaan?'}</p>
      {!done && state.status !== 'gesloten' && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                // The notice stays and now says the step is done: the tap's result is visible.
                await commands.setStepStatus(state.id, stepId, 'gedaan');
              } catch (err) {
                setError(userMessageOf(err));
              }
            }}
          >
            Stap als gedaan markeren
          </button>
          <button type="button" className="button button--secondary" onClick={dismiss}>
            Nog niet
          </button>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
