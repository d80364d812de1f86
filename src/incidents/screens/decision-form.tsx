import { useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../model/events.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { localDate } from '../domain/deadlines.ts';
import { isDecisionInstrument } from '../domain/decision-instruments.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { OUTCOME_LABEL } from '../domain/labels.ts';
import { FUTURE_TIME_MESSAGE, isInFuture } from '../domain/time-rules.ts';
import { checkTerm, InstrumentChoice, type TermDraft, TermFields } from './decision-fields.tsx';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { useDraft } from './use-draft.ts';

interface Draft {
  instrumentId: string;
  outcome: DecisionOutcome;
  weighed: Record<string, { checked: boolean; note: string }>;
  motivation: string;
  decidedAt: string;
  term?: TermDraft;
}

const EMPTY_TERM: TermDraft = { start: '', end: '', announcedAt: '', hearingAt: '' };

type Errors = Partial<Record<'instrument' | 'motivation' | 'decidedAt' | keyof TermDraft, string>>;

/** Records a decision on a legal instrument, with the considerations weighed, the motivation and its term. */
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
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const instrument = index.instrument.get(draft.instrumentId);
  const term = draft.term ?? EMPTY_TERM;
  // The step's own instruments first: that is what the adviser came to decide on.
  const choices = useMemo(() => {
    const own = new Set(stepId ? (index.step.get(stepId)?.instruments ?? []) : []);
    const offered = index.kader.instruments.filter((i) => isDecisionInstrument(i) || i.id === draft.instrumentId);
    return [...offered.filter((i) => own.has(i.id)), ...offered.filter((i) => !own.has(i.id))];
  }, [index, stepId, draft.instrumentId]);
  const back = stepId ? `/incidenten/${state.id}/stap/${stepId}` : `/incidenten/${state.id}/logboek`;

  async function submit() {
    setFailure(undefined);
    const decidedAt = fromLocalInputValue(draft.decidedAt);
    const hearingAt = term.hearingAt ? fromLocalInputValue(term.hearingAt) : undefined;
    const found: Errors = {};
    if (!instrument) found.instrument = 'Kies het instrument waarover besloten is.';
    if (!draft.motivation.trim()) found.motivation = 'Schrijf de motivering op.';
    if (!decidedAt) found.decidedAt = 'Vul de datum en tijd van het besluit in.';
    else if (isInFuture(decidedAt, new Date())) found.decidedAt = FUTURE_TIME_MESSAGE;
    if (instrument?.duration) Object.assign(found, checkTerm(term, localDate(new Date())));
    if (term.hearingAt && !hearingAt) found.hearingAt = 'Vul een geldige datum en tijd in.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !instrument || !decidedAt) {
      focusFirstInvalid(form.current);
      return;
    }
    const withTerm = Boolean(instrument.duration);
    const termPart =
      withTerm && (term.start || term.end) ? { term: withoutEmpty({ start: term.start, end: term.end }) } : {};
    setBusy(true);
    try {
      const decisionId = await commands.recordDecision(state.id, {
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
        ...termPart,
        ...(withTerm && term.announcedAt ? { announcedAt: term.announcedAt } : {}),
        ...(withTerm && hearingAt ? { hearingAt } : {}),
      });
      clearDraft();
      // The step then offers to mark itself done, and shows the decision just saved.
      navigate(stepId ? `${back}?besluit=${decisionId}` : back);
    } catch (err) {
      setFailure(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-kop`}>
      <h2 id={`${id}-kop`}>Besluit vastleggen</h2>
      {stepId && <p className="quiet">Bij stap: {index.step.get(stepId)?.title}</p>}
      <form
        ref={form}
        className="form form--compact"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <InstrumentChoice
          id={`${id}-instrument`}
          instruments={choices}
          value={draft.instrumentId}
          error={errors.instrument}
          onChange={(instrumentId) => setDraft({ ...draft, instrumentId, weighed: {} })}
        />
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
            <legend>Welke afwegingen hebt u gemaakt?</legend>
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
          {...invalidProps(`${id}-motivation`, errors.motivation)}
        />
        <FieldError fieldId={`${id}-motivation`} error={errors.motivation} />
        <label className="label" htmlFor={`${id}-date`}>
          Datum en tijd van het besluit
        </label>
        <input
          id={`${id}-date`}
          type="datetime-local"
          className="input"
          value={draft.decidedAt}
          onChange={(e) => setDraft({ ...draft, decidedAt: e.target.value })}
          {...invalidProps(`${id}-date`, errors.decidedAt)}
        />
        <FieldError fieldId={`${id}-date`} error={errors.decidedAt} />
        {instrument?.duration && (
          <TermFields
            id={`${id}-term`}
            hint={instrument.duration}
            value={term}
            errors={errors}
            onChange={(next) => setDraft({ ...draft, term: next })}
          />
        )}
        {failure && (
          <p className="alert alert--error" role="alert">
            {failure}
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

function withoutEmpty(term: { start: string; end: string }): { start?: string; end?: string } {
  return { ...(term.start ? { start: term.start } : {}), ...(term.end ? { end: term.end } : {}) };
}
