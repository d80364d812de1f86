import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { StepDetails } from '../../content/step-page.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { OUTCOME_LABEL, STEP_STATUS_LABEL } from '../domain/labels.ts';
import { EntryActions } from './entry-actions.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';
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
  const decisions = state.decisions.filter((d) => d.stepId === step.id || step.instruments.includes(d.instrumentId));
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
      {(step.instruments.length > 0 || decisions.length > 0) && (
        <>
          <h3>Besluiten</h3>
          <ul className="entries">
            {decisions.map((d) => (
              <li key={d.id} className={`entry${d.withdrawn ? ' entry--withdrawn' : ''}`}>
                <p className="entry__text">
                  <strong>{OUTCOME_LABEL[d.outcome]}</strong>: {index.instrument.get(d.instrumentId)?.name} (
                  {index.instrument.get(d.instrumentId)?.article})
                </p>
                <p className="entry__text">{d.motivation}</p>
                <p className="entry__meta">
                  {d.actor}, besluit van {formatDateTime(d.decidedAt)}
                  {d.withdrawn ? ` · ingetrokken: ${d.withdrawn.reason}` : ''}
                </p>
              </li>
            ))}
          </ul>
          {!closed && (
            <p className="actions">
              {step.instruments.map((id) => (
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
      )}
      <h3>Uit het kader</h3>
      <StepDetails stepId={step.id} />
    </section>
  );
}
