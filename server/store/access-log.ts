import type { Device } from '../team/roles.ts';
import type { Database, Queryable } from './database.ts';

export type Access = 'read' | 'write' | 'purge';

/** One row per incident touched by one request: who read or changed what, when (AVG). */
export async function logAccess(db: Queryable, device: Device, incidentIds: Iterable<string>, access: Access) {
  await logAccesses(db, [{ device, incidentIds, access }]);
}

/** Several devices at once in one statement (a live stream hands one change to many). */
export async function logAccesses(
  db: Queryable,
  entries: readonly { device: Device; incidentIds: Iterable<string>; access: Access }[],
) {
  const rows: [number, number, string, Access][] = [];
  for (const { device, incidentIds, access } of entries)
    for (const id of new Set(incidentIds)) rows.push([device.teamId, device.id, id, access]);
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO access_log (team_id, device_id, incident_id, access)
     SELECT (r ->> 0)::bigint, (r ->> 1)::bigint, r ->> 2, r ->> 3 FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}

/**
 * Reads are logged with an asynchronous commit: PostgreSQL writes the row to disk within a
 * fraction of a second instead of waiting for it, so a pull does not pay a disk flush
 * (measured: most of a pull's time on the CI machine). Only a crash of the database in
 * that fraction could lose read entries; changes are logged in their own push or purge
 * transaction, durably.
 */
export async function logReads(
  db: Database,
  entries: readonly { device: Device; incidentIds: Iterable<string> }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    await logAccesses(
      tx,
      entries.map((e) => ({ ...e, access: 'read' as const })),
    );
  });
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
