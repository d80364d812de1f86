import { Link, useParams, useSearchParams } from 'react-router';
import { KIND_LABEL, TIME_WINDOW_LABEL } from '../model/labels.ts';
import { type PhaseId, STEP_KINDS, TARGETS, type Target, TIME_WINDOW_IDS } from '../model/vocabulary.ts';
import { PageTitle } from '../ui/page-title.tsx';
import { TargetFilter } from '../ui/target-filter.tsx';
import { useKader } from './kader-context.tsx';
import { groupBy, stepsForTarget } from './kader-index.ts';
import { StepLink } from './step-link.tsx';

function parseTarget(value: string | null): Target | undefined {
  return TARGETS.find((t) => t === value);
}

export function PhasePage() {
  const { phaseId } = useParams();
  const index = useKader();
  const [params, setParams] = useSearchParams();
  const phase = index.phase.get(phaseId as PhaseId);
  if (!phase) return <NotFoundContent what="Deze fase" />;
  const target = parseTarget(params.get('doelwit'));
  const steps = stepsForTarget(phase.steps, target);
  const groups =
    phase.id === 'direct-na'
      ? // A step without a window (a municipality's own step may have none) is listed last, never left out.
        groupBy(steps, (s) => s.timeWindow, [...TIME_WINDOW_IDS, undefined]).map((g) => ({
          title: g.key ? TIME_WINDOW_LABEL[g.key] : 'Overige stappen',
          items: g.items,
        }))
      : groupBy(steps, (s) => s.kind, STEP_KINDS).map((g) => ({ title: KIND_LABEL[g.key], items: g.items }));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Kader</Link>
      </p>
      <PageTitle title={phase.title}>{phase.title}</PageTitle>
      <p className="lead">{phase.purpose}</p>
      <TargetFilter
        value={target}
        onChange={(t) => {
          const next = new URLSearchParams(params);
          if (t) next.set('doelwit', t);
          else next.delete('doelwit');
          setParams(next, { replace: true });
        }}
      />
      <p className="quiet" aria-live="polite">
        {steps.length} van {phase.steps.length} stappen
      </p>
      {groups.map((group) => (
        <section key={group.title} aria-labelledby={`groep-${group.title}`}>
          <h2 id={`groep-${group.title}`}>{group.title}</h2>
          <ul className="card-list">
            {group.items.map((step) => (
              <StepLink key={step.id} step={step} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function NotFoundContent({ what }: { what: string }) {
  return (
    <>
      <PageTitle title="Niet gevonden">Niet gevonden</PageTitle>
      <p>{what} bestaat niet (meer) in deze versie van het kader.</p>
      <p>
        <Link to="/">Naar het overzicht</Link>
      </p>
    </>
  );
}
