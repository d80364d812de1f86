import type { Device } from '../team/roles.ts';
import type { Queryable } from './database.ts';

export type Access = 'read' | 'write' | 'purge';

/** One row per incident touched by one request: who read or changed what, when (AVG). */
export async function logAccess(db: Queryable, device: Device, incidentIds: Iterable<string>, access: Access) {
  const ids = [...new Set(incidentIds)];
  if (ids.length === 0) return;
  await db.query(
    `INSERT INTO access_log (team_id, device_id, incident_id, access)
     SELECT $1, $2, value, $3 FROM jsonb_array_elements_text($4::jsonb)`,
    [device.teamId, device.id, access, JSON.stringify(ids)],
  );
}

export interface AccessEntry {
  at: string;
  access: Access;
  deviceId: number;
  deviceName: string;
  role: string;
}

export async function readAccessLog(db: Queryable, teamId: number, incidentId: string): Promise<AccessEntry[]> {
  const { rows } = await db.query<{ at: Date; access: Access; device_id: string; name: string; role: string }>(
    `SELECT a.at, a.access, a.device_id, d.name, d.role
     FROM access_log a JOIN devices d ON d.id = a.device_id
     WHERE a.team_id = $1 AND a.incident_id = $2 ORDER BY a.id`,
    [teamId, incidentId],
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    access: r.access,
    deviceId: Number(r.device_id),
    deviceName: r.name,
    role: r.role,
  }));
}
