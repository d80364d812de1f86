/** What the sync client knows about itself, and the Dutch line the adviser sees. */
export type SyncPhase =
  | 'none' // no team on this device
  | 'locked' // the app is locked: nothing is read, sent or received
  | 'connecting'
  | 'connected'
  | 'offline' // the last attempt failed (no network, server away)
  | 'revoked'
  | 'refused'; // the server or the merge refused something retrying cannot fix

export interface SyncState {
  phase: SyncPhase;
  /** Own changes of shared incidents not yet acknowledged by the server. */
  pending: number;
  /** When the last push or pull completed. */
  lastSyncAt?: string;
  /** Dutch, for 'refused': what was refused. */
  problem?: string;
  /** Dutch: why the team's local layer was not sent or taken over (the incidents sync on). */
  localLayerProblem?: string;
}

export function ago(fromIso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'zojuist';
  if (minutes < 60) return `${minutes} min geleden`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} uur geleden`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'dag' : 'dagen'} geleden`;
}

const waiting = (n: number) => (n === 1 ? '1 wijziging wacht op verbinding' : `${n} wijzigingen wachten op verbinding`);

/** The one sentence of the sync state, e.g. "Gesynchroniseerd 2 min geleden". */
export function syncStateText(state: SyncState, now: Date): string {
  switch (state.phase) {
    case 'none':
      return 'Geen team op dit apparaat';
    case 'revoked':
      return 'Dit apparaat is ingetrokken';
    case 'locked':
      return 'De app is vergrendeld: er wordt niet gesynchroniseerd';
    case 'refused':
      return state.problem ?? 'De synchronisatie is gestopt door een fout';
    case 'offline':
      return state.pending > 0 ? waiting(state.pending) : 'Niet verbonden met het team';
    case 'connecting':
      return state.pending > 0 ? waiting(state.pending) : 'Verbinden met het team…';
    case 'connected':
      if (state.pending > 0)
        return `${state.pending === 1 ? '1 wijziging' : `${state.pending} wijzigingen`} versturen…`;
      return state.lastSyncAt ? `Gesynchroniseerd ${ago(state.lastSyncAt, now)}` : 'Verbonden met het team';
  }
}
