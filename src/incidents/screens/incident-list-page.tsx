import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import type { IncidentRow } from '../../db/rows.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { userMessageOf } from '../../ui/user-message.ts';
import { INCIDENT_KIND_LABEL } from '../domain/labels.ts';
import { findRetentionCandidates, listIncidentsPage } from '../store/queries.ts';
import { useIncidentDeletion } from './delete-incident.tsx';
import { DueLine } from './due-list.tsx';
import { useIncidentExtensions } from './incident-extensions.tsx';
import { StorageRiskNotice } from './storage-risk-notice.tsx';
import { useNow } from './use-incident.ts';
import { useListSearch } from './use-list-search.ts';

const PAGE = 50;

/** `notices`: what other features want the adviser to see above the list (composed in app/). */
export function IncidentListPage({ notices }: { notices?: ReactNode }) {
  const [query, setQuery] = useListSearch();
  const searchId = useId();
  // A long list is shown in pages: the first screen appears at once on a slow phone.
  const [shown, setShown] = useState(PAGE);
  const page = useLiveQuery(() => listIncidentsPage({ query, limit: shown }), [query, shown]);
  return (
    <>
      <PageTitle title="Incidenten">Incidenten</PageTitle>
      <p className="actions">
        <Link className="button" to="/incidenten/nieuw">
          Nieuw incident
        </Link>
        <Link className="button button--secondary" to="/incidenten/delen">
          Delen en back-up
        </Link>
        <Link className="button button--secondary" to="/incidenten/netwerk">
          Uit het netwerk
        </Link>
        <Link className="button button--secondary" to="/incidenten/instellingen">
          Instellingen
        </Link>
      </p>
      {notices}
      <StorageRiskNotice />
      <RetentionNotice />
      <label className="label" htmlFor={searchId}>
        Zoek op adres of gemeente
      </label>
      <input
        id={searchId}
        type="search"
        className="input"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      {page === undefined ? (
        <p className="quiet">Laden…</p>
      ) : page.rows.length === 0 ? (
        <p className="quiet">{query ? 'Geen incidenten gevonden.' : 'Nog geen incidenten op dit apparaat.'}</p>
      ) : (
        <>
          <ul className="card-list incident-list" aria-label="Incidenten">
            {page.rows.map((row) => (
              <IncidentListItem key={row.id} row={row} />
            ))}
          </ul>
          {page.total > page.rows.length && (
            <button type="button" className="button button--secondary" onClick={() => setShown(shown + PAGE)}>
              Toon meer ({page.total - page.rows.length} over)
            </button>
          )}
        </>
      )}
    </>
  );
}

function IncidentListItem({ row }: { row: IncidentRow }) {
  const now = useNow(60_000);
  const progress = row.progress[row.phase];
  const label = useIncidentExtensions().rowLabel?.(row.id);
  return (
    <li className="card-list__item">
      <Link
        className={`card-link${row.status === 'gesloten' ? ' card-link--closed' : ''}`}
        to={`/incidenten/${row.id}`}
      >
        <span className="card-link__title">{row.title}</span>
        {row.status === 'open' && <DueLine deadlines={row.deadlines} now={now} />}
        <span className="card-link__text">
          {INCIDENT_KIND_LABEL[row.kind]} · {TARGET_LABEL[row.target]} · {row.municipality}
        </span>
        <span className="card-link__meta">
          {row.status === 'gesloten' ? 'Gesloten · ' : ''}
          {formatDateTime(row.occurredAt)}
          {progress ? ` · ${progress.done} van ${progress.applicable} gedaan` : ''}
        </span>
        {label && <span className="tag">{label}</span>}
      </Link>
    </li>
  );
}

/** Closed incidents past the retention period: the app proposes deleting them, never silently. */
function RetentionNotice() {
  const candidates = useLiveQuery(() => findRetentionCandidates(new Date()), []);
  const deletionOf = useIncidentDeletion();
  const [error, setError] = useState<string>();
  if (!candidates || candidates.length === 0) return null;
  return (
    <section className="alert alert--warning" aria-labelledby="bewaartermijn-kop">
      <h2 id="bewaartermijn-kop">Bewaartermijn verstreken</h2>
      <p>
        Deze gesloten incidenten zijn langer bewaard dan de ingestelde termijn. Verwijder ze als ze niet meer nodig zijn
        (maak eerst een export als het dossier elders bewaard moet worden).
      </p>
      <ul className="plain-list">
        {candidates.map((row) => {
          const deletion = deletionOf(row.id);
          return (
            <li key={row.id} className="retention-item">
              <Link to={`/incidenten/${row.id}`}>{row.title}</Link> (gesloten {formatDateTime(row.closedAt)})
              {deletion.refusal ? (
                <span className="quiet"> {deletion.refusal}</span>
              ) : (
                <button
                  type="button"
                  aria-label={`Verwijder ${row.title}`}
                  className="button button--danger"
                  onClick={async () => {
                    if (!window.confirm(`Incident "${row.title}" definitief verwijderen? ${deletion.warning}`)) return;
                    try {
                      setError(undefined);
                      await deletion.remove();
                    } catch (err) {
                      setError(userMessageOf(err));
                    }
                  }}
                >
                  Verwijderen
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
