import { Refusal } from '../protocol/refusal.ts';
import type { Device, Role } from '../team/roles.ts';
import { hashSecret, looksLikeSecret, newSecret } from '../team/secrets.ts';
import type { Queryable } from './database.ts';
import { toDevice } from './devices-store.ts';

export const TICKET_SECONDS = 60;

/**
 * EventSource cannot send an Authorization header, and a token in a URL ends up in proxy
 * logs. A ticket is what goes in the URL instead: stored in the database (any server
 * process may receive the stream request), valid one minute, usable once.
 */
export async function issueTicket(db: Queryable, device: Device): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = newSecret();
  await db.query(`DELETE FROM stream_tickets WHERE expires_at < now() - interval '1 hour'`);
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO stream_tickets (ticket_hash, device_id, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING expires_at`,
    [hashSecret(ticket), device.id, TICKET_SECONDS],
  );
  return { ticket, expiresAt: rows[0]!.expires_at.toISOString() };
}

export async function redeemTicket(db: Queryable, ticket: unknown): Promise<Device> {
  if (!looksLikeSecret(ticket)) throw new Refusal('invalid-ticket');
  const { rows } = await db.query<{
    id: string;
    team_id: string;
    installation_id: string;
    name: string;
    role: Role;
    revoked_at: Date | null;
  }>(
    `WITH used AS (
       UPDATE stream_tickets SET used_at = now()
       WHERE ticket_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING device_id)
     SELECT d.id, d.team_id, d.installation_id, d.name, d.role, d.revoked_at
     FROM used JOIN devices d ON d.id = used.device_id`,
    [hashSecret(ticket)],
  );
  const row = rows[0];
  if (!row) throw new Refusal('invalid-ticket');
  if (row.revoked_at) throw new Refusal('device-revoked');
  return toDevice(row);
}
