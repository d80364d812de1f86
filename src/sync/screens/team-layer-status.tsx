import { useKader } from '../../content/kader-context.tsx';
import { LocalLayerProblem } from './local-layer-problem.tsx';
import { useSync, useSyncState } from './sync-context.tsx';
import { teamLayerLine } from './team-layer-text.ts';

/**
 * On the Lokaal pages of a team's device: is this the team's local layer, are the
 * coordinator's edits with the team, or did they meet a change made elsewhere. Nothing
 * without a team or after a revocation (the device edits its own layer again).
 */
export function TeamLayerStatus() {
  const { membership } = useSync();
  const state = useSyncState();
  const { local } = useKader();
  if (!membership?.token || membership.revokedAt) return null;
  const problem = state.phase === 'connected' ? state.localLayerProblem : undefined;
  const line = teamLayerLine(
    { role: membership.role, agreed: membership.localLayer, ownRevision: local?.revision, phase: state.phase },
    new Date(),
  );
  return (
    <div className={`team-layer-status${problem || line.warn ? ' alert alert--warning' : ''}`}>
      <p data-testid="team-layer-state">
        {/* Only the state is live: the time and the explanation would be said again on every periodic run. */}
        <span role="status">
          Team {membership.teamName}: {problem ? 'de lokale laag is niet met het team uitgewisseld.' : line.live}
        </span>
        {!problem && line.detail && <> {line.detail}</>}
      </p>
      {problem && <LocalLayerProblem problem={problem} />}
    </div>
  );
}
