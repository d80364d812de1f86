import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { TARGET_LABEL } from '../../model/labels.ts';
import { PHASE_IDS, type PhaseId } from '../../model/vocabulary.ts';
import { AsyncButton } from '../../ui/async-button.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { userMessageOf } from '../../ui/user-message.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { INCIDENT_KIND_LABEL } from '../domain/labels.ts';
import { DeleteIncident } from './delete-incident.tsx';
import { DetailsEditForm } from './details-edit-form.tsx';
import { useIncidentCommands } from './incident-commands-context.tsx';

export function IncidentDetailsView({ state }: { state: IncidentState }) {
  const index = useKader();
  const commands = useIncidentCommands();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [phase, setPhase] = useState<PhaseId>(state.phase);
  const [editing, setEditing] = useState(false);
  const phaseId = useId();
  const { details } = state;
  const closed = state.status === 'gesloten';
  return (
    <section aria-labelledby="gegevens-kop">
      <h2 id="gegevens-kop">Gegevens</h2>
      <dl className="facts">
        <dt>Soort</dt>
        <dd>{INCIDENT_KIND_LABEL[details.kind]}</dd>
        <dt>Doelwit</dt>
        <dd>{TARGET_LABEL[details.target]}</dd>
        {details.address && (
          <>
            <dt>Adres</dt>
            <dd>
              {details.address.street} {details.address.houseNumber}, {details.address.postcode} {details.address.city}
            </dd>
          </>
        )}
        {details.locationDescription && (
          <>
            <dt>Locatie</dt>
            <dd>{details.locationDescription}</dd>
          </>
        )}
        <dt>Gemeente</dt>
        <dd>{details.municipality}</dd>
        <dt>Tijdstip incident</dt>
        <dd>{formatDateTime(details.occurredAt)}</dd>
        <dt>Vastgelegd</dt>
        <dd>
          {formatDateTime(state.createdAt)} door {state.createdBy || 'onbekend'}
        </dd>
        <dt>Versie van het kader</dt>
        <dd>{state.contentVersion}</dd>
        <dt>Status</dt>
        <dd>{closed ? `Gesloten op ${formatDateTime(state.closedAt)}` : 'Open'}</dd>
      </dl>
      {!closed &&
        (editing ? (
          <DetailsEditForm state={state} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            Gegevens corrigeren
          </button>
        ))}

      {!closed && (
        <form
          className="form"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await commands.changePhase(state.id, phase);
              setError(undefined);
            } catch (err) {
              setError(userMessageOf(err));
            }
          }}
        >
          <label className="label" htmlFor={phaseId}>
            Huidige fase
          </label>
          <select id={phaseId} className="select" value={phase} onChange={(e) => setPhase(e.target.value as PhaseId)}>
            {PHASE_IDS.map((p) => (
              <option key={p} value={p}>
                {index.phase.get(p)?.title}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary" disabled={phase === state.phase}>
            Fase wijzigen
          </button>
        </form>
      )}

      <h3>Delen en dossier</h3>
      <p className="actions">
        <Link className="button button--secondary" to={`/incidenten/${state.id}/dossier`}>
          Dossier (afdrukken of als pdf)
        </Link>
        <Link className="button button--secondary" to={`/incidenten/delen?incident=${state.id}`}>
          Exporteren
        </Link>
      </p>

      <h3>Afsluiten</h3>
      <p className="actions">
        {closed ? (
          <AsyncButton onClick={() => commands.reopenIncident(state.id)} onError={setError}>
            Incident heropenen
          </AsyncButton>
        ) : (
          <AsyncButton onClick={() => commands.closeIncident(state.id)} onError={setError}>
            Incident sluiten
          </AsyncButton>
        )}
      </p>

      <h3>Verwijderen</h3>
      <DeleteIncident incidentId={state.id} onDeleted={() => navigate('/incidenten')} />
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
