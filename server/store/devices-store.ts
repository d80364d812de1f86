import { Refusal } from '../protocol/refusal.ts';
import type { Device, Role } from '../team/roles.ts';
import { hashSecret, looksLikeSecret } from '../team/secrets.ts';
import type { Database, Queryable } from './database.ts';

interface DeviceRow {
  id: string | number;
  team_id: string | number;
  installation_id: string;
  name: string;
  role: Role;
  revoked_at: Date | null;
}

export function toDevice(row: DeviceRow): Device {
  return {
    id: Number(row.id),
    teamId: Number(row.team_id),
    installationId: row.installation_id,
    name: row.name,
    role: row.role,
  };
}

/**
 * The device behind a bearer token, or a refusal: no token (401), unknown (401), revoked
 * (403, so the app knows to remove the team's incidents). Records the last contact at
 * most once a minute, to keep reads from writing on every request.
 */
export async function authenticate(db: Database, token: string | undefined): Promise<Device> {
  if (token === undefined) throw new Refusal('no-token');
  if (!looksLikeSecret(token)) throw new Refusal('unknown-token');
  const { rows } = await db.query<DeviceRow & { stale: boolean }>(
    `SELECT id, team_id, installation_id, name, role, revoked_at,
       last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute' AS stale
     FROM devices WHERE token_hash = $1`,
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row) throw new Refusal('unknown-token');
  if (row.revoked_at) throw new Refusal('device-revoked');
  if (row.stale) {
    // Informational only: not worth a disk flush on the request's path.
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.id]);
    });
  }
  return toDevice(row);
}

export interface DeviceListing {
  id: number;
  name: string;
  role: Role;
  installationId: string;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export async function listDevices(db: Queryable, teamId: number): Promise<DeviceListing[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    role: Role;
    installation_id: string;
    created_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
  }>(
    `SELECT id, name, role, installation_id, created_at, last_seen_at, revoked_at
     FROM devices WHERE team_id = $1 ORDER BY id`,
    [teamId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    role: r.role,
    installationId: r.installation_id,
    pairedAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/** From this moment every request with the device's token gets 403 device-revoked. */
export async function revokeDevice(db: Queryable, by: Device, deviceId: number): Promise<void> {
  const { rows } = await db.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
     WHERE id = $1 AND team_id = $2 RETURNING id`,
    [deviceId, by.teamId, by.id],
  );
  if (rows.length === 0) throw new Refusal('not-found', `no device ${deviceId} in this team`);
}
