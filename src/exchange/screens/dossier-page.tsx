import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { INCIDENT_KIND_LABEL, OUTCOME_LABEL, STEP_STATUS_LABEL } from '../../incidents/domain/labels.ts';
import { useIncident } from '../../incidents/screens/use-incident.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { incidentChecklistCsv } from '../export/checklist-csv.ts';
import { buildDossier } from '../export/dossier.ts';
import { download } from '../export/save-file.ts';

/** A readable record for the mayor's decision file; the browser prints it or saves it as PDF. */
export function DossierPage() {
  const { incidentId = '' } = useParams();
  const index = useKader();
  const view = useIncident(incidentId);
  if (view.status !== 'ready')
    return <p className="quiet">{view.status === 'loading' ? 'Laden…' : 'Niet gevonden.'}</p>;
  const d = buildDossier(view.state, index.kader, view.events);
  const { details } = d.incident;
  return (
    <article className="dossier">
      <p className="breadcrumb no-print">
        <Link to={`/incidenten/${incidentId}/gegevens`}>Terug naar het incident</Link>
      </p>
      <PageTitle title="Dossier">Dossier: {d.incident.title}</PageTitle>
      <p className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Afdrukken of opslaan als pdf
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            download(
              new File(
                [incidentChecklistCsv(view.state, index.kader)],
                `handelingskader-checklist-${d.incident.id}.csv`,
                {
                  type: 'text/csv',
                },
              ),
            )
          }
        >
          Checklist als CSV
        </button>
      </p>
      <h2>Incident</h2>
      <dl className="facts facts--grid">
        <dt>Soort</dt>
        <dd>{INCIDENT_KIND_LABEL[details.kind]}</dd>
        <dt>Doelwit</dt>
        <dd>{TARGET_LABEL[details.target]}</dd>
        <dt>Gemeente</dt>
        <dd>{details.municipality}</dd>
        <dt>Tijdstip</dt>
        <dd>{formatDateTime(details.occurredAt)}</dd>
        <dt>Status</dt>
        <dd>{d.incident.status === 'gesloten' ? `Gesloten op ${formatDateTime(d.incident.closedAt)}` : 'Open'}</dd>
        <dt>Vastgelegd door</dt>
        <dd>
          {d.incident.createdBy}, {formatDateTime(d.incident.createdAt)}
        </dd>
        <dt>Kader</dt>
        <dd>versie {d.incident.contentVersion}</dd>
      </dl>

      <h2>Besluiten</h2>
      {d.decisions.length === 0 && <p>Geen besluiten vastgelegd.</p>}
      {d.decisions.map((dec) => (
        <section key={dec.id} className="dossier__decision">
          <h3>
            {dec.instrument?.name ?? dec.instrumentId}: {OUTCOME_LABEL[dec.outcome].toLowerCase()}
            {dec.withdrawn ? ' (ingetrokken)' : ''}
          </h3>
          <p>
            Grondslag: {dec.instrument?.article ?? 'onbekend'}. Besluit van {formatDateTime(dec.decidedAt)}, vastgelegd
            door {dec.actor}.{dec.stepTitle ? ` Bij stap: ${dec.stepTitle}.` : ''}
          </p>
          {dec.considerations.length > 0 && (
            <ul>
              {dec.considerations.map((c) => (
                <li key={c.id}>
                  {c.checked ? 'Meegewogen' : 'Niet aangevinkt'}: {c.title}
                  {c.note ? `: ${c.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p className="entry__text">Motivering: {dec.motivation}</p>
          {dec.withdrawn && (
            <p>
              Ingetrokken door {dec.withdrawn.actor} op {formatDateTime(dec.withdrawn.at)}: {dec.withdrawn.reason}
            </p>
          )}
        </section>
      ))}

      <h2>Stappen per fase</h2>
      {d.phases.map((phase) => (
        <section key={phase.id}>
          <h3>{phase.title}</h3>
          <table className="dossier__table">
            <thead>
              <tr>
                <th scope="col">Stap</th>
                <th scope="col">Status</th>
                <th scope="col">Laatst gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {phase.steps.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.title}
                    {s.notes.map((n) => (
                      <p key={`${n.writtenAt}-${n.text}`} className="entry__text">
                        Notitie ({n.actor}): {n.text}
                        {n.withdrawn ? ' (ingetrokken)' : ''}
                      </p>
                    ))}
                  </td>
                  <td>
                    {STEP_STATUS_LABEL[s.status]}
                    {s.reason ? `: ${s.reason}` : ''}
                  </td>
                  <td>{s.changedAt ? `${formatDateTime(s.changedAt)}, ${s.changedBy}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <h2>Tijdlijn</h2>
      <ol className="timeline">
        {d.timeline.map((item) => (
          <li key={item.eventId} className="timeline__item">
            <p className="timeline__time">
              {formatDateTime(item.at)} · {item.actor}
            </p>
            <p className="entry__text">{item.description}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
