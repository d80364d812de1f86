import { formatNumber } from '../../ui/format-number.ts';
import type { SyncState } from '../domain/sync-state.ts';

/** The Dutch line of the sync state; counts through the app's number formatter (1.500, not 1500). */

export function ago(fromIso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'zojuist';
  if (minutes < 60) return `${minutes} min geleden`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} uur geleden`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'dag' : 'dagen'} geleden`;
}

const changes = (n: number) => (n === 1 ? '1 wijziging' : `${formatNumber(n)} wijzigingen`);
const waiting = (n: number) => (n === 1 ? '1 wijziging wacht op verbinding' : `${changes(n)} wachten op verbinding`);

/** Ends the text with a full stop unless it already ends a sentence (a refusal's own text does). */
export const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

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
    case 'catching-up':
      // Without the count: this is the live region, and every recount would be announced (catchingUpDetail).
      return 'De teamserver is teruggezet of hersteld: alles wordt opnieuw opgehaald…';
    case 'connecting':
      return state.pending > 0 ? waiting(state.pending) : 'Verbinden met het team…';
    case 'connected':
      if (state.pending > 0) return `${changes(state.pending)} versturen…`;
      return state.lastSyncAt ? `Gesynchroniseerd ${ago(state.lastSyncAt, now)}` : 'Verbonden met het team';
  }
}

/**
 * The team-wide line above the incident list, split like the incident's line: `live` (the
 * polite live region) changes with the connection only; `detail` holds what changes with
 * a count or the clock ("Gesynchroniseerd 2 min geleden"), so neither a recount nor the
 * half-minute clock is announced again.
 */
export function teamSyncLine(state: SyncState, now: Date): { live: string; detail?: string } {
  const detail = (text: string | undefined) => (text ? { detail: sentence(text) } : {});
  switch (state.phase) {
    case 'offline':
      return {
        live: 'Niet verbonden met het team.',
        ...detail(state.pending > 0 ? waiting(state.pending) : undefined),
      };
    case 'connecting':
      return { live: 'Verbinden met het team…', ...detail(state.pending > 0 ? waiting(state.pending) : undefined) };
    case 'connected':
      return {
        live: 'Verbonden met het team.',
        ...detail(
          state.pending > 0
            ? `${changes(state.pending)} versturen…`
            : state.lastSyncAt && `Gesynchroniseerd ${ago(state.lastSyncAt, now)}`,
        ),
      };
    case 'catching-up':
      return {
        live: syncStateText(state, now),
        ...(catchingUpDetail(state) ? { detail: catchingUpDetail(state) } : {}),
      };
    default:
      return { live: sentence(syncStateText(state, now)) };
  }
}

const resent = (n: number, whose: string) => `${changes(n)}${whose} ${n === 1 ? 'wordt' : 'worden'} opnieuw verstuurd`;

/** While catching up, how many of this device's changes go again: beside the live sentence, not in it. */
export function catchingUpDetail(state: SyncState): string | undefined {
  return state.phase === 'catching-up' && state.pending > 0
    ? `${resent(state.pending, ' van dit apparaat')}.`
    : undefined;
}

/**
 * The line about one shared incident in its header. `live` changes with the connection only
 * (it is the polite live region: a tap must not be announced), `detail` with the count of
 * this incident's own changes not yet acknowledged. `warn`: shown as a warning, said in words too.
 */
export interface IncidentSyncLine {
  live: string;
  detail?: string;
  warn: boolean;
}

export function incidentSyncLine(
  teamName: string,
  state: SyncState,
  /** Undefined until the client has counted this incident (it was shared a moment ago). */
  pendingHere: number | undefined,
  now: Date,
): IncidentSyncLine {
  const shared = `Gedeeld met team ${teamName}`;
  switch (state.phase) {
    case 'connected':
      return {
        live: `${shared} · verbonden`,
        ...(pendingHere === undefined
          ? {}
          : { detail: pendingHere > 0 ? `${changes(pendingHere)} versturen…` : 'alles verstuurd' }),
        warn: false,
      };
    case 'connecting':
      return {
        live: `${shared} · verbinden…`,
        ...(pendingHere ? { detail: waiting(pendingHere) } : {}),
        warn: false,
      };
    case 'offline':
      return {
        live: `${shared} · geen verbinding`,
        detail: pendingHere
          ? `${waiting(pendingHere)}, bewaard op dit apparaat`
          : 'wijzigingen blijven op dit apparaat bewaard',
        warn: true,
      };
    case 'none':
      return { live: shared, warn: false };
    case 'catching-up':
      return {
        live: `${shared}. ${syncStateText(state, now)}`,
        ...(pendingHere ? { detail: resent(pendingHere, '') } : {}),
        warn: false,
      };
    default:
      // Refused, revoked, locked: the team-wide sentence in its own words.
      return { live: `${shared}. ${sentence(syncStateText(state, now))}`, warn: true };
  }
}
