import { useId, useRef, useState } from 'react';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { Decision } from '../domain/incident-state.ts';
import { FUTURE_TIME_MESSAGE, isInFuture, isLongBeforeIncident } from '../domain/time-rules.ts';
import { TermCorrectionForm } from './decision-term-correction.tsx';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';

interface Props {
  incidentId: string;
  entryId: string;
  /** Current text, for notes and log entries; decisions are corrected by a new decision. */
  text?: string;
  /** For log entries: when it happened, which a correction may change too. */
  happenedAt?: string;
  /** For log entries: the incident's time, to question a corrected time long before it (a date-picker slip). */
  incidentTime?: string;
  disabled?: boolean;
  /** For a decision with a term: its dates can be corrected, with the instrument's words on the term. */
  term?: { decision: Decision; hint: string | undefined };
}

/** Correct or withdraw an entry. Both add an event; the original stays in the log. */
export function EntryActions({ incidentId, entryId, text, happenedAt, incidentTime, disabled, term }: Props) {
  const commands = useIncidentCommands();
  const [mode, setMode] = useState<'edit' | 'term' | 'withdraw'>();
  const [value, setValue] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<{ text?: string; time?: string }>({});
  const [failure, setFailure] = useState<string>();
  /** An early time the form asks about, and the one the adviser confirmed; a changed time asks again. */
  const [earlyAsked, setEarlyAsked] = useState<string>();
  const confirmedEarly = useRef<string>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  if (disabled) return null;
  if (!mode) {
    return (
      <div className="entry-actions">
        {text !== undefined && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setValue(text);
              setTime(happenedAt ? toLocalInputValue(new Date(happenedAt)) : '');
              setErrors({});
              setMode('edit');
            }}
          >
            Corrigeren
          </button>
        )}
        {term && (
          <button type="button" className="button button--secondary button--small" onClick={() => setMode('term')}>
            Termijn corrigeren
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setValue('');
            setErrors({});
            setMode('withdraw');
          }}
        >
          Intrekken
        </button>
      </div>
    );
  }
  if (mode === 'term' && term) {
    return (
      <TermCorrectionForm
        incidentId={incidentId}
        decision={term.decision}
        hint={term.hint}
        onDone={() => setMode(undefined)}
      />
    );
  }
  const editsTime = mode === 'edit' && happenedAt !== undefined;
  return (
    <form
      ref={form}
      className="inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setFailure(undefined);
        const newTime = editsTime ? fromLocalInputValue(time) : undefined;
        const found: { text?: string; time?: string } = {};
        if (!value.trim()) found.text = mode === 'edit' ? 'Typ eerst een tekst.' : 'Geef aan waarom u dit intrekt.';
        if (editsTime && !newTime) found.time = 'Vul een geldige datum en tijd in.';
        else if (newTime && isInFuture(newTime, new Date())) found.time = FUTURE_TIME_MESSAGE;
        setErrors(found);
        if (found.text || found.time) {
          focusFirstInvalid(form.current);
          return;
        }
        // Only what changed goes into the correction: an unchanged minute keeps the original seconds.
        const timeChanged = newTime && happenedAt && time !== toLocalInputValue(new Date(happenedAt));
        if (timeChanged && incidentTime && isLongBeforeIncident(newTime, incidentTime)) {
          if (confirmedEarly.current !== newTime) {
            setEarlyAsked(newTime);
            return;
          }
        }
        try {
          if (mode === 'edit') {
            await commands.editEntry(incidentId, entryId, {
              ...(value !== text ? { text: value } : {}),
              ...(timeChanged ? { happenedAt: newTime } : {}),
              ...(value === text && !timeChanged ? { text: value } : {}),
            });
          } else await commands.withdrawEntry(incidentId, entryId, value);
          setMode(undefined);
        } catch (err) {
          setFailure(userMessageOf(err));
        }
      }}
    >
      <label className="label" htmlFor={id}>
        {mode === 'edit' ? 'Gecorrigeerde tekst' : 'Waarom trekt u dit in?'}
      </label>
      <textarea
        id={id}
        className="textarea"
        value={value}
        {...invalidProps(id, errors.text)}
        onChange={(e) => setValue(e.target.value)}
      />
      <FieldError fieldId={id} error={errors.text} />
      {editsTime && (
        <>
          <label className="label" htmlFor={`${id}-at`}>
            Wanneer gebeurde het?
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            className="input"
            value={time}
            {...invalidProps(`${id}-at`, errors.time)}
            onChange={(e) => setTime(e.target.value)}
          />
          <FieldError fieldId={`${id}-at`} error={errors.time} />
          {earlyAsked && incidentTime && earlyAsked === fromLocalInputValue(time) && (
            <div className="alert alert--warning" role="alert">
              <p>
                {formatDateTime(earlyAsked)} ligt meer dan een dag vóór het incident ({formatDateTime(incidentTime)}).
                Klopt dit tijdstip?
              </p>
              <button
                type="submit"
                className="button"
                onClick={() => {
                  confirmedEarly.current = earlyAsked;
                }}
              >
                Ja, zo opslaan
              </button>
            </div>
          )}
        </>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {mode === 'edit' ? 'Correctie opslaan' : 'Intrekken'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setMode(undefined)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
