import type { IncidentEvent } from '../../model/events.ts';

/** The responses of docs/sync-protocol.md the app reads (schemas/sync-protocol.schema.json). */

export type TeamRole = 'coordinator' | 'adviseur' | 'meelezer';

export const ROLE_LABEL: Record<TeamRole, string> = {
  coordinator: 'coördinator',
  adviseur: 'adviseur',
  meelezer: 'meelezer',
};

export type Change =
  | { seq: string; type: 'event'; receivedAt: string; event: IncidentEvent }
  | { seq: string; type: 'purge'; purgedAt: string; incidentId: string };

export interface PullResponse {
  changes: Change[];
  cursor: string;
  /** What `cursor` stands on; absent at "0" and from older servers. */
  cursorCheck?: string;
  more: boolean;
}

/** The data of a stream's `changes` message. */
export type StreamChanges = Pick<PullResponse, 'changes' | 'cursor' | 'cursorCheck'>;

export interface RedeemResponse {
  token: string;
  device: { id: number; name: string; role: TeamRole };
  team: { name: string };
}

export interface InviteResponse {
  code: string;
  role: TeamRole;
  expiresAt: string;
  link: string;
}

export interface TeamDevice {
  id: number;
  name: string;
  role: TeamRole;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface SharedIncident {
  id: string;
  sharedAt: string;
  sharedBy: string;
  events: number;
}

export interface AccessEntry {
  at: string;
  access: 'read' | 'write' | 'purge';
  deviceId: number;
  deviceName: string;
  role: TeamRole;
}

/** Whether a refusal means "try again later, unchanged" (docs/sync-protocol.md, Errors). */
export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The invite code from a link's fragment (#code=…); undefined if there is none that could be one. */
export function inviteCodeOf(hash: string): string | undefined {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code');
  return code && /^[A-Za-z0-9_-]{43}$/.test(code) ? code : undefined;
}

/** GET /local-layer?known=: the file only when newer than `known` (docs/sync-protocol.md, "Local layer"). */
export interface LocalLayerResponse {
  revision: number;
  file?: unknown;
  /** When the server stored this revision; with or without the file (older servers: only with it). */
  updatedAt?: string;
  updatedBy?: string;
}
