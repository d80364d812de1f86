import { Link } from 'react-router';
import { stepsChangedSince } from '../../content/changelog.ts';
import { useKader } from '../../content/kader-context.tsx';
import type { IncidentState } from '../domain/incident-state.ts';

/**
 * An incident started on an older version of the framework: which of its steps the
 * framework changed since, so the adviser rereads them before relying on them.
 */
export function ChangedStepsNotice({ state }: { state: IncidentState }) {
  const index = useKader();
  const { kader } = index;
  if (state.contentVersion === kader.version) return null;
  const changed = stepsChangedSince(kader, state.contentVersion);
  if (changed.length === 0) return null;
  // One line until opened: the first step must stay visible without scrolling at the scene.
  return (
    <details className="changed-steps">
      <summary>
        {changed.length === 1 ? 'Eén stap is gewijzigd' : `${changed.length} stappen zijn gewijzigd`} sinds dit incident
        begon
      </summary>
      <p>
        Dit incident begon met versie {state.contentVersion} van het kader; de app heeft nu versie {kader.version}. Lees
        deze stappen opnieuw:
      </p>
      <ul>
        {changed.map((stepId) => (
          <li key={stepId}>
            <Link to={`/incidenten/${state.id}/stap/${stepId}`}>{index.step.get(stepId)?.title ?? stepId}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/wijzigingen">Wat is er veranderd in het kader</Link>
      </p>
    </details>
  );
}
