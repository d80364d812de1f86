import { Link, NavLink, Route, Routes, useParams, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import { TARGET_LABEL } from '../../model/labels.ts';
import { formatDateTime, formatElapsed } from '../../ui/format-date.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import type { IncidentState } from '../domain/incident-state.ts';
import { INCIDENT_KIND_LABEL } from '../domain/labels.ts';
import { incidentTitle } from '../domain/projection.ts';
import { elapsedSince } from '../domain/time-rules.ts';
import { ChangedStepsNotice } from './changed-steps-notice.tsx';
import { ChecklistView } from './checklist-view.tsx';
import { DecisionForm } from './decision-form.tsx';
import { IncidentDetailsView } from './incident-details-view.tsx';
import { useIncidentExtensions } from './incident-extensions.tsx';
import { IncidentStepView } from './incident-step-view.tsx';
import { LogbookView } from './logbook-view.tsx';
import { useIncident, useNow } from './use-incident.ts';

export function IncidentPage() {
  const { incidentId = '' } = useParams();
  const view = useIncident(incidentId);
  const extensions = useIncidentExtensions();
  if (view.status === 'loading') return <p className="quiet">Laden…</p>;
  if (view.status === 'missing') {
    return (
      <>
        <PageTitle title="Incident niet gevonden">Incident niet gevonden</PageTitle>
        <p>Dit incident staat niet (meer) op dit apparaat.</p>
        <p>
          <Link to="/incidenten">Naar de incidenten</Link>
        </p>
      </>
    );
  }
  const { state, events } = view;
  const base = `/incidenten/${incidentId}`;
  const readOnly = extensions.readOnlyReason?.(incidentId);
  return (
    <>
      <IncidentHeader state={state} />
      {extensions.HeaderExtra && <extensions.HeaderExtra incidentId={incidentId} />}
      {readOnly && <p className="alert">{readOnly}</p>}
      <nav className="sub-nav" aria-label="Onderdelen van het incident">
        <NavLink end to={base}>
          Checklist
        </NavLink>
        <NavLink to={`${base}/logboek`}>Logboek</NavLink>
        <NavLink to={`${base}/gegevens`}>Gegevens</NavLink>
      </nav>
      {extensions.StatusExtra && <extensions.StatusExtra incidentId={incidentId} />}
      {/* A disabled fieldset turns off every control below at once; links and reading stay. */}
      <fieldset className="read-only-frame" disabled={readOnly !== undefined}>
        <Routes>
          <Route
            index
            element={
              <>
                <ChangedStepsNotice state={state} />
                <ChecklistView state={state} />
              </>
            }
          />
          <Route path="logboek" element={<LogbookView state={state} events={events} />} />
          <Route path="gegevens" element={<IncidentDetailsView state={state} />} />
          <Route path="stap/:stepId" element={<IncidentStepView state={state} />} />
          <Route path="besluit" element={<DecisionFormForStep state={state} />} />
        </Routes>
      </fieldset>
    </>
  );
}

/** A fresh form (and draft) per step: the same component must not carry text to another step. */
function DecisionFormForStep({ state }: { state: IncidentState }) {
  const [params] = useSearchParams();
  return <DecisionForm key={params.get('stap') ?? ''} state={state} />;
}

function IncidentHeader({ state }: { state: IncidentState }) {
  const now = useNow();
  const index = useKader();
  const title = incidentTitle(state.details);
  return (
    <header className="incident-header">
      {/* No breadcrumb: the bottom navigation's "Incidenten" (marked as where the adviser is) leads back,
          and the first step must fit on the first screen (issue 15). */}
      {/* The document title stays neutral: browser history (often synced) must not hold addresses. */}
      <PageTitle title="Incident">{title}</PageTitle>
      <p className="incident-header__meta">
        {INCIDENT_KIND_LABEL[state.details.kind]} · {TARGET_LABEL[state.details.target]} · {state.details.municipality}
      </p>
      <p className="incident-header__clock" data-testid="time-since">
        <ElapsedClock occurredAt={state.details.occurredAt} now={now} /> · Fase{' '}
        {index.phase.get(state.phase)?.shortTitle}
      </p>
      {state.status === 'gesloten' && (
        <p className="alert alert--warning">
          Dit incident is gesloten. Heropen het onder Gegevens om verder te werken.
        </p>
      )}
      {state.links.length > 0 && (
        <div className="alert alert--warning" role="note">
          <strong>Herhaalaanslag?</strong> Op dit adres is eerder een incident vastgelegd:{' '}
          {state.links.map((link, i) => (
            <span key={link.incidentId}>
              {i > 0 && ', '}
              <Link to={`/incidenten/${link.incidentId}`}>bekijk incident</Link>
            </span>
          ))}
          .
        </div>
      )}
    </header>
  );
}

/** "2 u 15 min sinds het incident"; a device clock behind the incident time is named, not shown as nonsense. */
function ElapsedClock({ occurredAt, now }: { occurredAt: string; now: Date }) {
  const elapsed = elapsedSince(occurredAt, now);
  if (elapsed.kind === 'clock-behind') {
    return (
      <>
        Incident om {formatDateTime(occurredAt)}. <strong>De klok van dit apparaat loopt achter op dat tijdstip</strong>
        ; controleer de datum en tijd van het incident of van het apparaat.
      </>
    );
  }
  return (
    <>
      <strong>{formatElapsed(occurredAt, new Date(Math.max(now.getTime(), Date.parse(occurredAt))))}</strong> sinds het
      incident ({formatDateTime(occurredAt)})
    </>
  );
}
