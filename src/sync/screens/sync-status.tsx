import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { revokedMessage } from '../domain/sync-messages.ts';
import { LocalLayerProblem } from './local-layer-problem.tsx';
import { useSync, useSyncState } from './sync-context.tsx';
import { teamSyncLine } from './sync-state-text.ts';

/** The sync state in one Dutch line, above the incident list, with "Opnieuw proberen" when stuck; nothing without a team. */
export function SyncStatus() {
  const { membership, client } = useSync();
  const state = useSyncState();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!membership) return null;
  const phase = membership.revokedAt ? 'revoked' : state.phase;
  const line = teamSyncLine({ ...state, phase }, now);
  const warn = phase === 'revoked' || phase === 'refused' || phase === 'offline' || Boolean(state.localLayerProblem);
  return (
    <div className={`sync-status${warn ? ' alert alert--warning' : ''}`}>
      <p data-testid="sync-state">
        <span role="status">
          Team {membership.teamName}: {line.live}
        </span>
        {/* Counts and times go beside the live region: a recount or the clock is not announced. */}
        {line.detail && <> {line.detail}</>}
      </p>
      {phase === 'revoked' && (
        // From the membership, not the client's memory: a revocation noticed by an earlier page says the same.
        <p>{revokedMessage(membership.revokedRemoved)}</p>
      )}
      {phase === 'connected' && state.localLayerProblem && <LocalLayerProblem problem={state.localLayerProblem} />}
      <p className="actions">
        {(phase === 'refused' || phase === 'offline') && (
          <button type="button" className="button button--secondary button--small" onClick={() => client?.retry()}>
            Opnieuw proberen
          </button>
        )}
        <Link to="/incidenten/team">Team</Link>
      </p>
    </div>
  );
}
