import { useId, useState } from 'react';
import { fromLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { useDraft } from './use-draft.ts';

interface Props {
  draftKey: string;
  label: string;
  submitLabel: string;
  /** Offer "when did it actually happen", for logging afterwards. */
  withHappenedAt?: boolean;
  disabled?: boolean;
  onSave(text: string, happenedAt?: string): Promise<unknown>;
}

/** A note or log entry; the text is kept as a draft until it is stored. */
export function TextEntryForm({ draftKey, label, submitLabel, withHappenedAt, disabled, onSave }: Props) {
  const [draft, setDraft, clearDraft] = useDraft(draftKey, { text: '', happenedAt: '' });
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <form
      className="form entry-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        if (!draft.text.trim()) {
          setError('Typ eerst een tekst.');
          return;
        }
        const happenedAt = withHappenedAt ? fromLocalInputValue(draft.happenedAt) : undefined;
        if (withHappenedAt && draft.happenedAt && !happenedAt) {
          setError('Het tijdstip is niet geldig.');
          return;
        }
        setBusy(true);
        try {
          await onSave(draft.text, happenedAt);
          clearDraft();
          setError(undefined);
          setSaved(true);
        } catch (err) {
          setError(userMessageOf(err));
        } finally {
          setBusy(false);
        }
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
        onChange={(e) => {
          setSaved(false);
          setDraft({ ...draft, text: e.target.value });
        }}
      />
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
            onChange={(e) => setDraft({ ...draft, happenedAt: e.target.value })}
          />
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
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
