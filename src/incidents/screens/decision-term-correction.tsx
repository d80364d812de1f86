import { useId, useRef, useState } from 'react';
import type { EventPayloads } from '../../model/events.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import { localDate } from '../domain/deadlines.ts';
import type { Decision } from '../domain/incident-state.ts';
import { checkTerm, type TermDraft, type TermErrors, TermFields } from './decision-fields.tsx';
import { focusFirstInvalid } from './field-error.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';

type DecisionEdit = NonNullable<EventPayloads['entry.edited']['decision']>;

/**
 * Corrects a decision's term, announcement or hearing after saving: a new event, so the
 * logbook keeps the old dates beside the new ones (a closure extended, a typo in the end date).
 */
export function TermCorrectionForm({
  incidentId,
  decision,
  hint,
  onDone,
}: {
  incidentId: string;
  decision: Decision;
  hint: string | undefined;
  onDone(): void;
}) {
  const commands = useIncidentCommands();
  const initial: TermDraft = {
    start: decision.term?.start ?? '',
    end: decision.term?.end ?? '',
    announcedAt: decision.announcedAt ?? '',
    hearingAt: decision.hearingAt ? toLocalInputValue(new Date(decision.hearingAt)) : '',
  };
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<TermErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  async function save() {
    setFailure(undefined);
    const found = checkTerm(value, localDate(new Date()));
    const hearingAt = value.hearingAt ? fromLocalInputValue(value.hearingAt) : undefined;
    if (value.hearingAt && !hearingAt) found.hearingAt = 'Vul een geldige datum en tijd in.';
    // The event can replace a date, not remove one: say so rather than keep it silently.
    if (initial.announcedAt && !value.announcedAt)
      found.announcedAt = 'Vul de datum van de bekendmaking in; die kan niet worden weggehaald.';
    if (initial.hearingAt && !value.hearingAt)
      found.hearingAt = 'Vul de datum en tijd in; een hoorzitting kan niet worden weggehaald.';
    const edit: DecisionEdit = {};
    if (value.start !== initial.start || value.end !== initial.end)
      edit.term = { ...(value.start ? { start: value.start } : {}), ...(value.end ? { end: value.end } : {}) };
    if (value.announcedAt !== initial.announcedAt) edit.announcedAt = value.announcedAt;
    if (hearingAt && value.hearingAt !== initial.hearingAt) edit.hearingAt = hearingAt;
    if (Object.keys(found).length === 0 && Object.keys(edit).length === 0)
      found.end = 'Er is niets gewijzigd. Pas een datum aan, of kies Annuleren.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      await commands.editEntry(incidentId, decision.id, { decision: edit });
      onDone();
    } catch (err) {
      setFailure(userMessageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TermFields id={`${id}-term`} hint={hint} value={value} errors={errors} onChange={setValue} />
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Correctie opslaan
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
