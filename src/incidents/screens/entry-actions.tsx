import { useId, useState } from 'react';
import { userMessageOf } from '../../ui/user-message.ts';
import { useIncidentCommands } from './incident-commands-context.tsx';

interface Props {
  incidentId: string;
  entryId: string;
  /** Current text, for notes and log entries; decisions are corrected by a new decision. */
  text?: string;
  disabled?: boolean;
}

/** Correct or withdraw an entry. Both add an event; the original stays in the log. */
export function EntryActions({ incidentId, entryId, text, disabled }: Props) {
  const commands = useIncidentCommands();
  const [mode, setMode] = useState<'edit' | 'withdraw'>();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
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
              setMode('edit');
            }}
          >
            Corrigeren
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setValue('');
            setMode('withdraw');
          }}
        >
          Intrekken
        </button>
      </div>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          if (mode === 'edit') await commands.editEntry(incidentId, entryId, { text: value });
          else await commands.withdrawEntry(incidentId, entryId, value);
          setMode(undefined);
          setError(undefined);
        } catch (err) {
          setError(userMessageOf(err));
        }
      }}
    >
      <label className="label" htmlFor={id}>
        {mode === 'edit' ? 'Gecorrigeerde tekst' : 'Waarom trekt u dit in?'}
      </label>
      <textarea id={id} className="textarea" value={value} onChange={(e) => setValue(e.target.value)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
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
