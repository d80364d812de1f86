/** What the sync client knows about itself (the Dutch line: screens/sync-state-text.ts). */
export type SyncPhase =
  | 'none' // no team on this device
  | 'locked' // the app is locked: nothing is read, sent or received
  | 'connecting'
  | 'connected'
  | 'offline' // the last attempt failed (no network, server away)
  | 'catching-up' // the server could not vouch for the cursor (restored backup): pulling everything, offering own events again
  | 'revoked'
  | 'refused'; // the server or the merge refused something retrying cannot fix

export interface SyncState {
  phase: SyncPhase;
  /** Own changes of shared incidents not yet acknowledged by the server. */
  pending: number;
  /** The same per shared incident, from the same read of the outbox; absent: not counted yet (just shared). */
  pendingIn?: ReadonlyMap<string, number>;
  /** When the last push or pull completed. */
  lastSyncAt?: string;
  /** Dutch, for 'refused': what was refused. */
  problem?: string;
  /** Dutch: why the team's local layer was not sent or taken over (the incidents sync on). */
  localLayerProblem?: string;
}
