import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { StepDetails } from '../../content/step-page.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { STEP_STATUS_LABEL } from '../domain/labels.ts';
import { EntryActions } from './entry-actions.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
import { StepDecisions } from './step-decisions.tsx';
import { StepStatusControl } from './step-status-control.tsx';
import { TextEntryForm } from './text-entry-form.tsx';

export function IncidentStepView({ state }: { state: IncidentState }) {
  const { stepId = '' } = useParams();
  const index = useKader();
  const commands = useIncidentCommands();
  const step = index.step.get(stepId);
  if (!step) return <p>Deze stap bestaat niet in deze versie van het kader.</p>;
  const closed = state.status === 'gesloten';
  const notes = state.notes.filter((n) => n.stepId === step.id);
  const history = state.steps[step.id]?.history ?? [];
  return (
    <section aria-labelledby="stap-kop">
      <p className="breadcrumb">
        <Link to={`/incidenten/${state.id}?fase=${step.phase}`}>Terug naar de checklist</Link>
      </p>
      <h2 id="stap-kop">{step.title}</h2>
      <StepStatusControl
        incidentId={state.id}
        stepId={step.id}
        stepTitle={step.title}
        status={state.steps[step.id]?.status ?? 'open'}
        disabled={closed}
      />
      {history.length > 1 && (
        <details className="history">
          <summary>Eerdere wijzigingen van de status ({history.length})</summary>
          <ul>
            {history.map((h) => (
              <li key={h.eventId}>
                {formatDateTime(h.at)}, {h.actor || 'onbekend'}: {STEP_STATUS_LABEL[h.status]}
                {h.reason ? ` (${h.reason})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>Notities</h3>
      {notes.length === 0 && <p className="quiet">Nog geen notities bij deze stap.</p>}
      <ul className="entries">
        {notes.map((note) => (
          <li key={note.id} className={`entry${note.withdrawn ? ' entry--withdrawn' : ''}`}>
            <p className="entry__text">{note.text}</p>
            <p className="entry__meta">
              {note.actor}, {formatDateTime(note.writtenAt)}
              {note.edited ? ' · gecorrigeerd' : ''}
              {note.withdrawn ? ` · ingetrokken: ${note.withdrawn.reason}` : ''}
            </p>
            {!note.withdrawn && (
              <EntryActions incidentId={state.id} entryId={note.id} text={note.text} disabled={closed} />
            )}
          </li>
        ))}
      </ul>
      <TextEntryForm
        key={step.id}
        draftKey={`notitie:${state.id}:${step.id}`}
        label="Nieuwe notitie"
        submitLabel="Notitie opslaan"
        disabled={closed}
        onSave={(text) => commands.addStepNote(state.id, step.id, text)}
      />
      <StepDecisions state={state} step={step} />
      <h3>Uit het kader</h3>
      <StepDetails stepId={step.id} />
    </section>
  );
}
