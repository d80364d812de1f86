import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import { foldIncident } from '../../incidents/domain/fold.ts';
import { INCIDENT_KIND_LABEL, OUTCOME_LABEL } from '../../incidents/domain/labels.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { formatDate, formatDateTime } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { listNetworkIncidents } from '../import/network.ts';

/** Anonymised incidents from other municipalities: reference material, read only. */
export function NetworkListPage() {
  const rows = useLiveQuery(() => listNetworkIncidents(getAppDatabase()), []);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/incidenten">Incidenten</Link>
      </p>
      <PageTitle title="Uit het netwerk">Uit het netwerk</PageTitle>
      <p className="quiet">
        Geanonimiseerde incidenten die collega's via het NEIG hebben gedeeld. Alleen om van te leren: u kunt ze niet
        wijzigen. Inlezen gaat via <Link to="/incidenten/delen">Delen en back-up</Link>.
      </p>
      {rows === undefined ? (
        <p className="quiet">Laden…</p>
      ) : rows.length === 0 ? (
        <p>Nog geen incidenten uit het netwerk ingelezen.</p>
      ) : (
        <ul className="card-list" aria-label="Incidenten uit het netwerk">
          {rows.map((row) => (
            <li key={row.id} className="card-list__item">
              <Link className="card-link" to={`/incidenten/netwerk/${row.id}`}>
                <span className="card-link__title">{row.incident.title}</span>
                <span className="card-link__meta">
                  {INCIDENT_KIND_LABEL[row.incident.kind]} · {TARGET_LABEL[row.incident.target]} ·{' '}
                  {formatDate(row.incident.occurredAt)} · ingelezen {formatDate(row.importedAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function NetworkIncidentPage() {
  const { networkId = '' } = useParams();
  const index = useKader();
  const rows = useLiveQuery(() => listNetworkIncidents(getAppDatabase()), []);
  if (!rows) return <p className="quiet">Laden…</p>;
  const row = rows.find((r) => r.id === networkId);
  const state = row ? foldIncident(row.events) : undefined;
  if (!row || !state) return <p>Dit incident uit het netwerk staat niet op dit apparaat.</p>;
  const done = Object.entries(state.steps).filter(([, s]) => s.status === 'gedaan');
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/incidenten/netwerk">Uit het netwerk</Link>
      </p>
      <PageTitle title={row.incident.title}>{row.incident.title}</PageTitle>
      <p className="alert alert--warning">Alleen-lezen: geanonimiseerd gedeeld via het netwerk.</p>
      <p>
        {INCIDENT_KIND_LABEL[state.details.kind]} · {TARGET_LABEL[state.details.target]} · {state.details.municipality}{' '}
        ·{' '}
        {/^\d{4}-\d{2}-\d{2}$/.test(state.details.occurredAt)
          ? // Rounded to the day in the anonymised file: no time to show.
            formatDate(state.details.occurredAt)
          : formatDateTime(state.details.occurredAt)}
      </p>
      <h2>Besluiten</h2>
      {state.decisions.length === 0 && <p>Geen besluiten gedeeld.</p>}
      <ul>
        {state.decisions.map((d) => (
          <li key={d.id}>
            {index.instrument.get(d.instrumentId)?.name ?? d.instrumentId}: {OUTCOME_LABEL[d.outcome].toLowerCase()} (
            {formatDate(d.decidedAt)}). {d.motivation}
          </li>
        ))}
      </ul>
      <h2>Gedane stappen ({done.length})</h2>
      <ul>
        {done.map(([stepId]) => (
          <li key={stepId}>{index.step.get(stepId)?.title ?? stepId}</li>
        ))}
      </ul>
    </article>
  );
}
