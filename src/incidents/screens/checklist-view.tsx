import { memo, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useKader } from '../../content/kader-context.tsx';
import type { StepStatus } from '../../model/events.ts';
import { TIME_WINDOW_LABEL } from '../../model/labels.ts';
import { PHASE_IDS, type PhaseId } from '../../model/vocabulary.ts';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import { type ChecklistItem, type ChecklistPhase, deriveChecklist } from '../domain/checklist.ts';
import { decisionDeadlines } from '../domain/deadlines.ts';
import { homeStepOf } from '../domain/decision-steps.ts';
import type { IncidentState } from '../domain/incident-state.ts';
import { DueList } from './due-list.tsx';
import { StepStatusControl } from './step-status-control.tsx';
import { useNow } from './use-incident.ts';

export function ChecklistView({ state }: { state: IncidentState }) {
  const { kader } = useKader();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const shown = (PHASE_IDS.find((p) => p === params.get('fase')) ?? state.phase) as PhaseId;
  const phases = useMemo(() => deriveChecklist(kader, state, now), [kader, state, now]);
  const current = phases.find((p) => p.phase === shown);
  const deadlines = useMemo(() => decisionDeadlines(state), [state]);
  return (
    <section aria-labelledby="checklist-kop">
      <h2 id="checklist-kop" className="visually-hidden">
        Checklist
      </h2>
      <DueList deadlines={deadlines} now={now} />
      <ToggleGroup
        legend="Fase"
        className="phase-tabs"
        value={shown}
        onChange={(fase) => setParams({ fase }, { replace: true })}
        options={phases.map((p) => ({
          value: p.phase,
          label: (
            <>
              {kader.phases.find((k) => k.id === p.phase)?.shortTitle}{' '}
              <span className="toggle__count">
                {p.done}/{p.applicable}
              </span>
            </>
          ),
        }))}
      />
      {current && <PhaseChecklist phase={current} state={state} />}
    </section>
  );
}

function PhaseChecklist({ phase, state }: { phase: ChecklistPhase; state: IncidentState }) {
  const { kader } = useKader();
  const title = kader.phases.find((p) => p.id === phase.phase)?.title;
  const groups: { title: string; items: ChecklistItem[] }[] = [];
  if (phase.phase === 'direct-na') {
    for (const item of phase.items) {
      const window = item.step.timeWindow;
      // Late steps of earlier windows are one group on top, before the current window.
      const label = item.overdue
        ? 'Te laat'
        : window
          ? `${TIME_WINDOW_LABEL[window]}${window === phase.currentWindow ? ' (nu)' : ''}`
          : 'Overige stappen';
      const last = groups.at(-1);
      if (last?.title === label) last.items.push(item);
      else groups.push({ title: label, items: [item] });
    }
  } else {
    groups.push({ title: title ?? '', items: phase.items });
  }
  return (
    <>
      <p className="progress" aria-live="polite">
        <span>
          <strong>{title}</strong>: {phase.done} van {phase.applicable} stappen gedaan
        </span>
        <progress max={Math.max(phase.applicable, 1)} value={phase.done} aria-hidden="true" />
      </p>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          {phase.phase === 'direct-na' && <h3>{group.title}</h3>}
          <ul className="checklist">
            {group.items.map((item) => (
              <ChecklistRow key={item.step.id} item={item} state={state} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ChecklistRow({ item, state }: { item: ChecklistItem; state: IncidentState }) {
  const notes = state.notes.filter((n) => n.stepId === item.step.id && !n.withdrawn).length;
  const { kader, local } = useKader();
  // Counted once, on the step it belongs to: one decision must not read as four.
  const decisions = state.decisions.filter((d) => !d.withdrawn && homeStepOf(d, kader) === item.step.id).length;
  return (
    <ChecklistRowView
      incidentId={state.id}
      stepId={item.step.id}
      title={item.step.title}
      status={item.status}
      reason={item.statusSet?.reason}
      overdue={item.overdue}
      notes={notes}
      decisions={decisions}
      closed={state.status === 'gesloten'}
      isLocal={local?.localStepIds.has(item.step.id) ?? false}
      notApplicableIn={local?.notApplicable.has(item.step.id) ? local.municipality : undefined}
    />
  );
}

interface RowProps {
  incidentId: string;
  stepId: string;
  title: string;
  status: StepStatus;
  reason: string | undefined;
  overdue: boolean;
  notes: number;
  decisions: number;
  closed: boolean;
  isLocal: boolean;
  /** The municipality, when it marked this national step as not used locally. */
  notApplicableIn: string | undefined;
}

/** Memoised on plain values: a tap re-renders the one row that changed, not the list. */
const ChecklistRowView = memo(function ChecklistRowView(props: RowProps) {
  const { incidentId, stepId, title, status, reason, overdue, notes, decisions, closed, isLocal, notApplicableIn } =
    props;
  return (
    <li
      className={`checklist__item checklist__item--${status}${overdue ? ' checklist__item--overdue' : ''}`}
      data-step-id={stepId}
    >
      <Link className="checklist__title" to={`/incidenten/${incidentId}/stap/${stepId}`}>
        {isLocal && <span className="local-badge">Lokaal</span>}
        {title}
      </Link>
      <p className="checklist__meta">
        {notApplicableIn && <span>Niet van toepassing in {notApplicableIn}</span>}
        {overdue && <span className="badge badge--overdue">Te laat</span>}
        {reason && <span>Reden: {reason}</span>}
        {notes > 0 && <span>{notes === 1 ? '1 notitie' : `${notes} notities`}</span>}
        {decisions > 0 && <span>{decisions === 1 ? '1 besluit' : `${decisions} besluiten`}</span>}
      </p>
      <StepStatusControl incidentId={incidentId} stepId={stepId} stepTitle={title} status={status} disabled={closed} />
    </li>
  );
});
