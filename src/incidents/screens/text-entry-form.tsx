import { useId, useRef, useState } from 'react';
import { formatDateTime, fromLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { FUTURE_TIME_MESSAGE, isInFuture, isLongBeforeIncident } from '../domain/time-rules.ts';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.tsx';
import { useDraft } from './use-draft.ts';

interface Props {
  draftKey: string;
  label: string;
  submitLabel: string;
  /** Offer "when did it actually happen", for logging afterwards; the incident's time, to question a slip. */
  withHappenedAt?: { incidentTime: string };
  disabled?: boolean;
  onSave(text: string, happenedAt?: string): Promise<unknown>;
}

interface Errors {
  text?: string;
  time?: string;
}

/** A note or log entry; the text is kept as a draft until it is stored. */
export function TextEntryForm({ draftKey, label, submitLabel, withHappenedAt, disabled, onSave }: Props) {
  const [draft, setDraft, clearDraft] = useDraft(draftKey, { text: '', happenedAt: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  /** The early time the adviser confirmed; a changed time asks again. */
  const [confirmEarly, setConfirmEarly] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const happenedAt = withHappenedAt ? fromLocalInputValue(draft.happenedAt) : undefined;
  const early =
    withHappenedAt && happenedAt && isLongBeforeIncident(happenedAt, withHappenedAt.incidentTime) ? happenedAt : '';

  async function save(confirmed: boolean) {
    setSaved(false);
    setFailure(undefined);
    const found: Errors = {};
    if (!draft.text.trim()) found.text = 'Typ eerst een tekst.';
    if (withHappenedAt && draft.happenedAt && !happenedAt) found.time = 'Het tijdstip is niet geldig.';
    else if (happenedAt && isInFuture(happenedAt, new Date())) found.time = FUTURE_TIME_MESSAGE;
    setErrors(found);
    if (found.text || found.time) {
      focusFirstInvalid(form.current);
      return;
    }
    if (early && !confirmed) {
      setConfirmEarly(early);
      return;
    }
    setBusy(true);
    try {
      await onSave(draft.text, happenedAt);
      clearDraft();
      setConfirmEarly(undefined);
      setSaved(true);
    } catch (err) {
      setFailure(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="form entry-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <label className="label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea"
        value={draft.text}
        disabled={disabled}
        {...invalidProps(`${id}-text`, errors.text)}
        onChange={(e) => {
          setSaved(false);
          setDraft({ ...draft, text: e.target.value });
        }}
      />
      <FieldError fieldId={`${id}-text`} error={errors.text} />
      {withHappenedAt && (
        <>
          <label className="label" htmlFor={`${id}-at`}>
            Wanneer gebeurde het? (leeg = nu)
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            className="input"
            value={draft.happenedAt}
            disabled={disabled}
            {...invalidProps(`${id}-at`, errors.time)}
            onChange={(e) => setDraft({ ...draft, happenedAt: e.target.value })}
          />
          <FieldError fieldId={`${id}-at`} error={errors.time} />
          {early && confirmEarly === early && (
            <div className="alert alert--warning" role="alert">
              <p>
                {formatDateTime(early)} ligt meer dan een dag vóór het incident (
                {formatDateTime(withHappenedAt.incidentTime)}). Klopt dit tijdstip?
              </p>
              <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
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
      {saved && (
        <p className="quiet" role="status">
          Opgeslagen.
        </p>
      )}
      <button type="submit" className="button" disabled={busy || disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
