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

export interface TeamLayerLine {
  text: string;
  warn: boolean;
}

export function teamLayerLine({ role, agreed, ownRevision, phase }: TeamLayerInput, now: Date): TeamLayerLine {
  const connected = phase === 'connected';
  const coordinator = role === 'coordinator';
  if (coordinator && ownRevision !== undefined && ownRevision !== agreed?.localRevision) {
    if (connected) return { text: 'uw wijzigingen van de lokale laag worden naar het team verstuurd…', warn: false };
    return {
      text: 'uw wijzigingen van de lokale laag wachten op verbinding; ze blijven op dit apparaat bewaard.',
      warn: phase === 'offline',
    };
  }
  if (agreed && ownRevision === agreed.localRevision) {
    const when = agreed.serverUpdatedAt ? ` (gewijzigd ${ago(agreed.serverUpdatedAt, now)})` : '';
    // Only offline: while a fresh page connects the line keeps its length (no tap target jumps).
    const since = phase === 'offline' ? ' bij de laatste verbinding' : '';
    const edits = coordinator ? ' Wat u hier wijzigt, gaat naar het hele team.' : '';
    return { text: `dit apparaat heeft de lokale laag van het team${since}${when}.${edits}`, warn: false };
  }
  if (ownRevision === undefined) {
    const edits = coordinator ? ' Wat u hier vastlegt, gaat naar het hele team.' : '';
    return { text: `nog geen lokale laag van het team op dit apparaat.${edits}`, warn: false };
  }
  // Not a coordinator, with a layer of its own (from a file, or from before the team): it yields to the team's.
  return {
    text: 'de lokale laag op dit apparaat is niet die van het team. Deelt de coördinator een lokale laag, dan neemt dit apparaat die over; deze blijft in de geschiedenis.',
    warn: false,
  };
}
