import { Link } from 'react-router';
import { useKader } from '../content/kader-context.tsx';

/**
 * From a step or instrument page into the local editor. Shown to everyone: whether this device
 * may edit (team role) is known only once the editor's chunk reads the database.
 */
export function LocalLink({ targetId }: { targetId: string }) {
  const { local } = useKader();
  if (local?.localStepIds.has(targetId))
    return (
      <p className="local-link">
        <Link className="button button--secondary" to={`/lokaal/stap/${targetId}`}>
          Lokale stap wijzigen
        </Link>
      </p>
    );
  const has = local?.annotations.has(targetId) || local?.notApplicable.has(targetId);
  return (
    <p className="local-link">
      <Link className="button button--secondary" to={`/lokaal/aanvulling/${targetId}`}>
        {has ? 'Lokale aanvulling wijzigen' : 'Lokale aanvulling toevoegen'}
      </Link>
    </p>
  );
}
