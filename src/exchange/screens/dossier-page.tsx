import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { getActorName } from '../../db/settings.ts';
import { INCIDENT_KIND_LABEL } from '../../incidents/domain/labels.ts';
import { useIncident } from '../../incidents/screens/use-incident.ts';
import { TARGET_LABEL } from '../../model/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { fullAddress } from '../export/address-line.ts';
import { checklistCsvFileName, incidentChecklistCsv } from '../export/checklist-csv.ts';
import { buildDossier, type Dossier } from '../export/dossier.ts';
import { download } from '../export/save-file.ts';
import { DossierDecisions, DossierPhases, DossierTimeline } from './dossier-sections.tsx';
import './exchange.css';

/** A readable record for the mayor's decision file; the browser prints it or saves it as PDF. */
export function DossierPage() {
  const { incidentId = '' } = useParams();
  const index = useKader();
  const view = useIncident(incidentId);
  const printedAt = usePrintMoment();
  const printedBy = useLiveQuery(() => getActorName(), []);
  if (view.status !== 'ready')
    return <p className="quiet">{view.status === 'loading' ? 'Laden…' : 'Niet gevonden.'}</p>;
  const d = buildDossier(view.state, index.kader, view.events, index.local);
  const { details } = d.incident;
  return (
    <article className="dossier">
      <p className="breadcrumb no-print">
        <Link to={`/incidenten/${incidentId}/gegevens`}>Terug naar het incident</Link>
      </p>
      <PageTitle title="Dossier">Dossier: {d.incident.title}</PageTitle>
      <p className="dossier__printed print-only" data-testid="dossier-printed">
        Afgedrukt op {formatDateTime(printedAt.toISOString())}
        {printedBy ? ` door ${printedBy}` : ''}.
      </p>
      <p className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Afdrukken of opslaan als pdf
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            download(
              new File([incidentChecklistCsv(view.state, index.kader)], checklistCsvFileName(view.state), {
                type: 'text/csv',
              }),
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
        {details.address && (
          <>
            <dt>Adres</dt>
            <dd>{fullAddress(details.address)}</dd>
          </>
        )}
        {details.locationDescription && (
          <>
            <dt>Locatie</dt>
            <dd className="entry__text">{details.locationDescription}</dd>
          </>
        )}
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
        {d.localLayer && (
          <>
            <dt>Lokale laag</dt>
            <dd>{localLayerLine(d.localLayer)}</dd>
          </>
        )}
      </dl>
      <DossierDecisions decisions={d.decisions} />
      <DossierPhases phases={d.phases} />
      <DossierTimeline timeline={d.timeline} />
    </article>
  );
}

/** Which local layer the incident started with and which one the printed steps and notes come from. */
function localLayerLine({ startedWith, printedWith }: NonNullable<Dossier['localLayer']>): string {
  const start = startedWith
    ? `gestart met ${startedWith.municipalityCode} revisie ${startedWith.revision}`
    : 'gestart zonder lokale laag';
  if (!printedWith) return `${start}; op dit apparaat nu geen lokale laag.`;
  return `${start}; lokale stappen en aanvullingen hieronder uit ${printedWith.municipality} (${printedWith.municipalityCode}) revisie ${printedWith.revision}.`;
}

/** The moment on the printout: when the page opened, and again at the moment of printing. */
function usePrintMoment(): Date {
  const [moment, setMoment] = useState(() => new Date());
  useEffect(() => {
    const update = () => setMoment(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return moment;
}
