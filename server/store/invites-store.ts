import { Refusal } from '../protocol/refusal.ts';
import type { Device, Role } from '../team/roles.ts';
import { hashSecret, looksLikeSecret, newSecret } from '../team/secrets.ts';
import { type Database, sqlErrorCode, UNIQUE_VIOLATION } from './database.ts';
import { toDevice } from './devices-store.ts';

export const INVITE_HOURS = 24;

export async function createTeam(db: Database, name: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO teams (name) VALUES ($1) RETURNING id', [name]);
  return Number(rows[0]!.id);
}

export interface Invite {
  code: string;
  role: Role;
  expiresAt: string;
}

/** A single-use code, valid 24 hours. Only its hash is stored; the code is shown once. */
export async function createInvite(
  db: Database,
  teamId: number,
  role: Role,
  createdBy: Device | undefined,
): Promise<Invite> {
  const code = newSecret();
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO invites (team_id, code_hash, role, created_by, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING expires_at`,
    [teamId, hashSecret(code), role, createdBy?.id ?? null, INVITE_HOURS],
  );
  return { code, role, expiresAt: rows[0]!.expires_at.toISOString() };
}

export interface Redeemed {
  token: string;
  device: Device;
  teamName: string;
}

/**
 * Turns an invite into a device with a fresh token, in one transaction: the invite is
 * marked used by the same statement that checks it, so two phones racing with one code
 * cannot both win.
 */
export async function redeemInvite(
  db: Database,
  code: unknown,
  installationId: string,
  name: string,
): Promise<Redeemed> {
  if (!looksLikeSecret(code)) throw new Refusal('invalid-invite');
  const token = newSecret();
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; team_id: string; role: Role }>(
        `UPDATE invites SET redeemed_at = now()
         WHERE code_hash = $1 AND redeemed_at IS NULL AND expires_at > now()
         RETURNING id, team_id, role`,
        [hashSecret(code)],
      );
      const invite = rows[0];
      if (!invite) throw new Refusal('invalid-invite');
      const inserted = await tx.query<{
        id: string;
        team_id: string;
        installation_id: string;
        name: string;
        role: Role;
        revoked_at: null;
      }>(
        `INSERT INTO devices (team_id, installation_id, name, role, token_hash, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING id, team_id, installation_id, name, role, revoked_at`,
        [invite.team_id, installationId, name, invite.role, hashSecret(token)],
      );
      const device = toDevice(inserted.rows[0]!);
      await tx.query('UPDATE invites SET redeemed_by = $1 WHERE id = $2', [device.id, invite.id]);
      const team = await tx.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [invite.team_id]);
      return { token, device, teamName: team.rows[0]!.name };
    });
  } catch (error) {
    if (sqlErrorCode(error) === UNIQUE_VIOLATION) throw new Refusal('device-exists');
    throw error;
  }
}
