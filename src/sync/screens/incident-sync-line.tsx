import { useSync, useSyncState } from './sync-context.tsx';
import { incidentSyncLine } from './sync-state-text.ts';

/**
 * Under a shared incident's tabs, one calm line: is what was recorded here with the team? Reads
 * nothing itself: the sync client's state already holds this incident's count (one read of
 * the outbox per run), so a tap costs no more than before.
 */
export function IncidentSyncLine({ incidentId }: { incidentId: string }) {
  const { membership, client } = useSync();
  const state = useSyncState();
  if (!membership) return null;
  const phase = membership.revokedAt ? 'revoked' : state.phase;
  const line = incidentSyncLine(membership.teamName, { ...state, phase }, state.pendingIn?.get(incidentId), new Date());
  return (
    <div className={`incident-sync${line.warn ? ' incident-sync--warn' : ''}`} data-testid="incident-sync">
      <p>
        <span role="status">{line.live}</span>
        {/* A meelezer sends nothing: the connection is all there is to say. */}
        {line.detail && membership.role !== 'meelezer' && <span> · {line.detail}</span>}
      </p>
      {phase === 'refused' && (
        <button type="button" className="button button--secondary button--small" onClick={() => client?.retry()}>
          Opnieuw proberen
        </button>
      )}
    </div>
  );
}
