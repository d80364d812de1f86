import { offersTeamVersion } from '../domain/local-layer-conflict.ts';
import { useSync } from './sync-context.tsx';

/**
 * Why the team's local layer was not sent or taken over, with "Versie van het team overnemen"
 * where that resolves it: the one view of it, above the incident list and on the Lokaal pages.
 */
export function LocalLayerProblem({ problem }: { problem: string }) {
  const { client } = useSync();
  return (
    <>
      <p data-testid="local-layer-problem">{problem}</p>
      {offersTeamVersion(problem) && (
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={() => client?.adoptTeamLayer()}>
            Versie van het team overnemen
          </button>
        </p>
      )}
    </>
  );
}
