import type { IncidentEvent } from '../../model/events.ts';
import { cursorQuery } from '../domain/cursor.ts';
import type {
  AccessEntry,
  InviteResponse,
  LocalLayerResponse,
  PullResponse,
  RedeemResponse,
  SharedIncident,
  TeamDevice,
  TeamRole,
} from '../domain/protocol.ts';

/** The sync API on the app's own origin (docs/sync-protocol.md); the token only ever in a header. */
export const API_BASE = '/api/sync/v1';

/** A refusal of the server, or no answer at all (status 0: offline, server away). */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** Dutch, from the server when it gave one. */
    readonly userMessage: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`sync ${status} ${code}`);
  }
}

const OFFLINE = 'Geen verbinding met de server van het team. Probeer het later opnieuw.';

async function request<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new SyncHttpError(0, 'network', OFFLINE);
  }
  const json = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string } }
    | undefined;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After') ?? Number.NaN);
    throw new SyncHttpError(
      response.status,
      json?.error?.code ?? 'unknown',
      json?.error?.message ?? (response.status >= 500 ? OFFLINE : 'De server van het team weigerde het verzoek.'),
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  if (json === undefined) throw new SyncHttpError(response.status, 'invalid-response', OFFLINE);
  return json as T;
}

export const syncApi = {
  redeem: (code: string, deviceId: string, name: string) =>
    request<RedeemResponse>('POST', '/invites/redeem', undefined, { code, deviceId, name }),
  push: (token: string, events: readonly IncidentEvent[]) =>
    request<{ inserted: number; duplicates: number; receipt?: { seq: string; check: string } }>(
      'POST',
      '/events',
      token,
      { events },
    ),
  pull: (token: string, after: string, check: string | undefined) =>
    request<PullResponse>('GET', `/events?${cursorQuery(after, check)}&limit=1000`, token),
  ticket: (token: string) => request<{ ticket: string; expiresAt: string }>('POST', '/stream-tickets', token, {}),
  invite: (token: string, role: TeamRole) => request<InviteResponse>('POST', '/invites', token, { role }),
  devices: (token: string) => request<{ devices: TeamDevice[] }>('GET', '/devices', token),
  revoke: (token: string, id: number) => request<{ revoked: number }>('POST', `/devices/${id}/revoke`, token, {}),
  purge: (token: string, incidentId: string) =>
    request<{ incidentId: string; deleted: number }>('DELETE', `/incidents/${encodeURIComponent(incidentId)}`, token),
  localLayer: (token: string, known: number) =>
    request<LocalLayerResponse>('GET', `/local-layer?known=${known}`, token),
  putLocalLayer: (token: string, base: { revision: number; updatedAt?: string | undefined }, file: unknown) =>
    request<{ revision: number; updatedAt?: string }>('PUT', '/local-layer', token, {
      baseRevision: base.revision,
      ...(base.updatedAt === undefined ? {} : { baseUpdatedAt: base.updatedAt }),
      file,
    }),
  incidents: (token: string) => request<{ incidents: SharedIncident[] }>('GET', '/incidents', token),
  access: (token: string, incidentId: string) =>
    request<{ incidentId: string; entries: AccessEntry[] }>(
      'GET',
      `/incidents/${encodeURIComponent(incidentId)}/access`,
      token,
    ),
};

export const streamUrl = (ticket: string, after: string, check: string | undefined) =>
  `${API_BASE}/stream?ticket=${encodeURIComponent(ticket)}&${cursorQuery(after, check)}`;
