import { useId, useRef, useState } from 'react';
import { STEP_STATUSES, type StepStatus } from '../../model/events.ts';
import { LIMITS } from '../../model/limits.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { STEP_STATUS_LABEL } from '../domain/labels.ts';
import { useIncidentCommands } from './incident-commands-context.tsx';

/** Long enough that an ordinary tap never shows the busy state; short enough to reassure on a slow phone. */
const SHOW_BUSY_AFTER_MS = 150;

interface Props {
  incidentId: string;
  stepId: string;
  stepTitle: string;
  status: StepStatus;
  disabled?: boolean;
}

/**
 * One tap sets a status. The pressed state shows what is stored, not what was tapped:
 * it changes only once the write is complete. "N.v.t." asks for a reason first.
 */
export function StepStatusControl({ incidentId, stepId, stepTitle, status, disabled }: Props) {
  const commands = useIncidentCommands();
  const [pending, setPending] = useState<StepStatus>();
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const reasonId = useId();

  const saving = useRef(false);
  const queued = useRef<{ next: StepStatus; why?: string }>(undefined);

  const save = async (next: StepStatus, why?: string) => {
    // A tap while an earlier one is being stored is stored right after it (the last
    // such tap wins): nothing tapped is dropped, and the buttons never lose focus by
    // being disabled.
    if (saving.current) {
      queued.current = { next, why };
      return;
    }
    saving.current = true;
    if (error) setError(undefined);
    // A tap is stored within a frame or two; showing "bezig" for that long would only make
    // the page render twice. Only a slow write (a busy phone) shows it.
    const showBusy = window.setTimeout(() => setPending(next), SHOW_BUSY_AFTER_MS);
    try {
      await commands.setStepStatus(incidentId, stepId, next, why);
      setAskReason(false);
      setReason('');
    } catch (err) {
      setError(userMessageOf(err));
    } finally {
      window.clearTimeout(showBusy);
      saving.current = false;
      setPending(undefined);
      const again = queued.current;
      queued.current = undefined;
      if (again) void save(again.next, again.why);
    }
  };

  return (
    <div className="status-control">
      <fieldset className="segmented" disabled={disabled}>
        <legend className="visually-hidden">Status van: {stepTitle}</legend>
        {STEP_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`segmented__option segmented__option--${s}`}
            aria-pressed={status === s}
            aria-busy={pending === s}
            onClick={() => {
              if (s === status) return;
              if (s === 'nvt') setAskReason(true);
              else void save(s);
            }}
          >
            {STEP_STATUS_LABEL[s]}
          </button>
        ))}
      </fieldset>
      {askReason && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError('Geef kort aan waarom deze stap niet van toepassing is.');
              return;
            }
            void save('nvt', reason.trim());
          }}
        >
          <label className="label" htmlFor={reasonId}>
            Waarom niet van toepassing?
          </label>
          <input
            id={reasonId}
            className="input"
            value={reason}
            maxLength={LIMITS.shortText}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the adviser asked for it
            autoFocus
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button">
              Opslaan
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAskReason(false)}>
              Annuleren
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
