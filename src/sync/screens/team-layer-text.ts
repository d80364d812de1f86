import type { SyncMembership } from '../../db/rows.ts';
import type { SyncPhase } from '../domain/sync-state.ts';
import { ago } from './sync-state-text.ts';

/** What the Lokaal pages say of the team's local layer (a conflict's own words: domain/local-layer-conflict.ts). */
export interface TeamLayerInput {
  role: SyncMembership['role'];
  /** What this device last agreed with the server (membership.localLayer). */
  agreed: SyncMembership['localLayer'];
  /** The revision of the layer on this device; undefined without one. */
  ownRevision: number | undefined;
  phase: SyncPhase;
}

/**
 * `live` is the state alone (the polite live region: it changes with the state, not with the
 * clock, so a periodic run re-renders it without a screen reader hearing it again); `detail`
 * (when it was changed, what an edit here does) is read in place only.
 */
export interface TeamLayerLine {
  live: string;
  detail?: string;
  warn: boolean;
}

export function teamLayerLine({ role, agreed, ownRevision, phase }: TeamLayerInput, now: Date): TeamLayerLine {
  const connected = phase === 'connected';
  const coordinator = role === 'coordinator';
  if (coordinator && ownRevision !== undefined && ownRevision !== agreed?.localRevision) {
    if (connected) return { live: 'uw wijzigingen van de lokale laag worden naar het team verstuurd…', warn: false };
    return {
      live: 'uw wijzigingen van de lokale laag wachten op verbinding; ze blijven op dit apparaat bewaard.',
      warn: phase === 'offline',
    };
  }
  if (agreed && ownRevision === agreed.localRevision) {
    const edits = coordinator ? 'Wat u hier wijzigt, gaat naar het hele team.' : undefined;
    if (agreed.keptNewer)
      // The server was restored to an older layer and this device kept the newer one it had.
      return {
        live: 'de teamserver is teruggezet naar een eerdere stand; dit apparaat houdt de nieuwere lokale laag die het al had.',
        detail:
          'Deelt de coördinator daarna een lokale laag, dan neemt dit apparaat die over; deze blijft in de geschiedenis.',
        warn: false,
      };
    const when = agreed.serverUpdatedAt ? `Gewijzigd ${ago(agreed.serverUpdatedAt, now)}.` : undefined;
    // Only offline: while a fresh page connects the line keeps its length (no tap target jumps).
    const since = phase === 'offline' ? ' bij de laatste verbinding' : '';
    return { live: `dit apparaat heeft de lokale laag van het team${since}.`, ...detailOf(when, edits), warn: false };
  }
  if (ownRevision === undefined) {
    const edits = coordinator ? 'Wat u hier vastlegt, gaat naar het hele team.' : undefined;
    return { live: 'nog geen lokale laag van het team op dit apparaat.', ...detailOf(edits), warn: false };
  }
  // Not a coordinator, with a layer of its own (from a file, or from before the team): it yields to the team's.
  return {
    live: 'de lokale laag op dit apparaat is niet die van het team.',
    detail: 'Deelt de coördinator een lokale laag, dan neemt dit apparaat die over; deze blijft in de geschiedenis.',
    warn: false,
  };
}

const detailOf = (...parts: (string | undefined)[]) => {
  const detail = parts.filter(Boolean).join(' ');
  return detail ? { detail } : {};
};
