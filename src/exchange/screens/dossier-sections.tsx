import { OUTCOME_LABEL, STEP_STATUS_LABEL } from '../../incidents/domain/labels.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { countOf } from '../../ui/format-number.ts';
import { describeDecisionDatesChange, formatCalendarDate, formatHearing, formatTerm } from '../../ui/format-term.ts';
import { type Dossier, type DossierDecision, type DossierStep, untouched } from '../export/dossier.ts';

/** The parts of the printed dossier below the incident block; dossier-page.tsx composes them. */

export function DossierDecisions({ decisions }: { decisions: Dossier['decisions'] }) {
  return (
    <>
      <h2>Besluiten</h2>
      {decisions.length === 0 && <p>Geen besluiten vastgelegd.</p>}
      {decisions.map((dec) => (
        <section key={dec.id} className="dossier__decision">
          <h3>
            {dec.instrument?.name ?? dec.instrumentId}: {OUTCOME_LABEL[dec.outcome].toLowerCase()}
            {dec.withdrawn ? ' (ingetrokken)' : ''}
          </h3>
          <p>
            Grondslag: {dec.instrument?.article ?? 'onbekend'}. Besluit van {formatDateTime(dec.decidedAt)}, vastgelegd
            door {dec.actor}
            {dec.writtenAt !== dec.decidedAt ? ` om ${formatDateTime(dec.writtenAt)}` : ''}.
            {dec.stepTitle ? ` Bij stap: ${dec.stepTitle}.` : ''}
          </p>
          <DecisionDates decision={dec} />
          {dec.considerations.length > 0 && (
            <>
              <p>Afwegingen:</p>
              <ul>
                {dec.considerations.map((c) => (
                  <li key={c.id}>
                    {c.checked ? 'Meegewogen' : 'Niet aangevinkt'}: {c.title}
                    {c.note ? `: ${c.note}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="entry__text">Motivering: {dec.motivation}</p>
          {dec.withdrawn && (
            <p>
              Ingetrokken door {dec.withdrawn.actor} op {formatDateTime(dec.withdrawn.at)}: {dec.withdrawn.reason}
            </p>
          )}
        </section>
      ))}
    </>
  );
}

/** Term, announcement and hearing, where recorded: what the mayor's file must show for a measure with a term. */
function DecisionDates({ decision }: { decision: DossierDecision }) {
  const { term, announcedAt, hearingAt } = decision;
  if (!term && !announcedAt && !hearingAt) return null;
  return (
    <ul className="plain-list">
      {term && <li>Termijn: {formatTerm(term)}</li>}
      {announcedAt && <li>Bekendgemaakt op {formatCalendarDate(announcedAt)}</li>}
      {hearingAt && <li>Hoorzitting of zienswijze: {formatHearing(hearingAt)}</li>}
    </ul>
  );
}

/**
 * Per phase the steps that were handled, as a table (a list on a narrow screen, by CSS),
 * and the untouched ones as one line: a phase where nothing happened is one sentence,
 * not 28 rows of "Open".
 */
export function DossierPhases({ phases }: { phases: Dossier['phases'] }) {
  return (
    <>
      <h2>Stappen per fase</h2>
      {phases.map((phase) => {
        const handled = phase.steps.filter((step) => !untouched(step));
        const open = phase.steps.filter(untouched);
        return (
          <section key={phase.id} className="dossier__phase">
            <h3>{phase.title}</h3>
            {phase.steps.length === 0 && <p>Geen stappen voor dit doelwit.</p>}
            {phase.steps.length > 0 && handled.length === 0 && (
              <p>Niets vastgelegd in deze fase: {allOpen(open.length)}.</p>
            )}
            {handled.length > 0 && <StepTable steps={handled} />}
            {handled.length > 0 && open.length > 0 && (
              <p className="dossier__open">
                Nog open ({open.length}):{' '}
                {open.map((step) => (step.local ? `${step.title} (lokaal)` : step.title)).join('; ')}.
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}

const allOpen = (n: number) =>
  n === 1 ? 'de enige stap staat open' : `alle ${countOf(n, 'stap', 'stappen')} staan open`;

function StepTable({ steps }: { steps: DossierStep[] }) {
  return (
    <table className="dossier__table">
      <thead>
        <tr>
          <th scope="col">Stap</th>
          <th scope="col">Status</th>
          <th scope="col">Laatst gewijzigd</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.id}>
            <td data-label="Stap">
              {s.local ? `Lokale stap: ${s.title}` : s.title}
              {s.localNote && <p className="entry__text">Lokale aanvulling van de gemeente: {s.localNote}</p>}
              {s.notes.map((n) => (
                <p key={`${n.writtenAt}-${n.text}`} className="entry__text">
                  Notitie ({n.actor}, {formatDateTime(n.writtenAt)}): {n.text}
                  {n.withdrawn ? ' (ingetrokken)' : ''}
                </p>
              ))}
            </td>
            <td data-label="Status">
              {STEP_STATUS_LABEL[s.status]}
              {s.reason ? `: ${s.reason}` : ''}
            </td>
            <td data-label="Laatst gewijzigd">{s.changedAt ? `${formatDateTime(s.changedAt)}, ${s.changedBy}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Oldest first. An entry made afterwards shows both moments, as the logbook does. */
export function DossierTimeline({ timeline }: { timeline: Dossier['timeline'] }) {
  return (
    <>
      <h2>Tijdlijn</h2>
      <ol className="timeline">
        {timeline.map((item) => (
          <li key={item.eventId} className="timeline__item">
            <p className="timeline__time">
              {formatDateTime(item.at)} · {item.actor}
              {item.at !== item.writtenAt && <> · vastgelegd om {formatDateTime(item.writtenAt)}</>}
            </p>
            <p className="entry__text">{item.description}</p>
            {item.timeChange && (
              <p className="entry__text">
                Tijdstip gewijzigd van {formatDateTime(item.timeChange.from)} naar {formatDateTime(item.timeChange.to)}.
              </p>
            )}
            {item.decisionChange &&
              describeDecisionDatesChange(item.decisionChange).map((line) => (
                <p key={line} className="entry__text">
                  {line}
                </p>
              ))}
          </li>
        ))}
      </ol>
    </>
  );
}
