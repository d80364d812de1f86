import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../model/events.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { OUTCOME_LABEL } from '../domain/labels.ts';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { useDraft } from './use-draft.ts';

interface Draft {
  instrumentId: string;
  outcome: DecisionOutcome;
  weighed: Record<string, { checked: boolean; note: string }>;
  motivation: string;
  decidedAt: string;
}

/** Records a decision on a legal instrument, with the considerations weighed and the motivation. */
export function DecisionForm({ state }: { state: IncidentState }) {
  const index = useKader();
  const commands = useIncidentCommands();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stepId = params.get('stap') ?? undefined;
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`besluit:${state.id}:${stepId ?? ''}`, {
    instrumentId: params.get('instrument') ?? '',
    outcome: 'genomen',
    weighed: {},
    motivation: '',
    decidedAt: toLocalInputValue(new Date()),
  });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const instrument = index.instrument.get(draft.instrumentId);
  const back = stepId ? `/incidenten/${state.id}/stap/${stepId}` : `/incidenten/${state.id}/logboek`;
  return (
    <section aria-labelledby={`${id}-kop`}>
      <h2 id={`${id}-kop`}>Besluit vastleggen</h2>
      {stepId && <p className="quiet">Bij stap: {index.step.get(stepId)?.title}</p>}
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const decidedAt = fromLocalInputValue(draft.decidedAt);
          if (!instrument) return setError('Kies het instrument waarover besloten is.');
          if (!decidedAt) return setError('Vul de datum en tijd van het besluit in.');
          if (!draft.motivation.trim()) return setError('Schrijf de motivering op.');
          setBusy(true);
          try {
            await commands.recordDecision(state.id, {
              instrumentId: instrument.id,
              ...(stepId ? { stepId } : {}),
              outcome: draft.outcome,
              considerations: instrument.considerations.map((cid) => ({
                considerationId: cid,
                checked: draft.weighed[cid]?.checked ?? false,
                note: draft.weighed[cid]?.note ?? '',
              })),
              motivation: draft.motivation.trim(),
              decidedAt,
            });
            clearDraft();
            navigate(back);
          } catch (err) {
            setError(userMessageOf(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label className="label" htmlFor={`${id}-instrument`}>
          Juridisch instrument
        </label>
        <select
          id={`${id}-instrument`}
          className="select"
          value={draft.instrumentId}
          onChange={(e) => setDraft({ ...draft, instrumentId: e.target.value, weighed: {} })}
        >
          <option value="">Kies een instrument</option>
          {index.kader.instruments.map((ins) => (
            <option key={ins.id} value={ins.id}>
              {ins.name} ({ins.article})
            </option>
          ))}
        </select>
        {instrument && (
          <p className="quiet">
            <Link to={`/instrument/${instrument.id}`}>Lees voorwaarden en rechtspraak bij {instrument.article}</Link>
          </p>
        )}
        <fieldset className="choice-group">
          <legend>Uitkomst</legend>
          {DECISION_OUTCOMES.map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name="outcome"
                checked={draft.outcome === o}
                onChange={() => setDraft({ ...draft, outcome: o })}
              />
              {OUTCOME_LABEL[o]}
            </label>
          ))}
        </fieldset>
        {instrument && instrument.considerations.length > 0 && (
          <fieldset className="field-group">
            <legend>Afwegingen die zijn meegewogen</legend>
            {instrument.considerations.map((cid) => {
              const c = index.consideration.get(cid);
              const w = draft.weighed[cid] ?? { checked: false, note: '' };
              const setW = (next: typeof w) => setDraft({ ...draft, weighed: { ...draft.weighed, [cid]: next } });
              return (
                <div key={cid} className="consideration-input">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={w.checked}
                      onChange={(e) => setW({ ...w, checked: e.target.checked })}
                    />
                    {c?.title ?? cid}
                  </label>
                  {w.checked && (
                    <>
                      <label className="label" htmlFor={`${id}-${cid}`}>
                        Toelichting
                      </label>
                      <textarea
                        id={`${id}-${cid}`}
                        className="textarea"
                        value={w.note}
                        onChange={(e) => setW({ ...w, note: e.target.value })}
                      />
                    </>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}
        <label className="label" htmlFor={`${id}-motivation`}>
          Motivering (geschikt, noodzakelijk, evenwichtig)
        </label>
        <textarea
          id={`${id}-motivation`}
          className="textarea"
          value={draft.motivation}
          onChange={(e) => setDraft({ ...draft, motivation: e.target.value })}
        />
        <label className="label" htmlFor={`${id}-date`}>
          Datum en tijd van het besluit
        </label>
        <input
          id={`${id}-date`}
          type="datetime-local"
          className="input"
          value={draft.decidedAt}
          onChange={(e) => setDraft({ ...draft, decidedAt: e.target.value })}
        />
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy || state.status === 'gesloten'}>
            Besluit opslaan
          </button>
          <Link className="button button--secondary" to={back}>
            Annuleren
          </Link>
        </div>
      </form>
    </section>
  );
}
