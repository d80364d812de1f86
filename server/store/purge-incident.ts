import { Refusal } from '../protocol/refusal.ts';
import type { Device } from '../team/roles.ts';
import { logAccess } from './access-log.ts';
import type { Database } from './database.ts';
import { lockTeamChanges, notifyTeam } from './team-lock.ts';

/**
 * Deletes a shared incident's events on the server (retention, or deleted on purpose) and
 * leaves a purge notice in the change feed, so every device removes it too, also one
 * that is offline now and pulls next week. The incident's id stays, without content, so
 * a device that missed the notice cannot upload it again. The append-only trigger lets
 * the DELETE through only because this transaction names the incident first.
 */
export async function purgeIncident(db: Database, device: Device, incidentId: string): Promise<{ deleted: number }> {
  return db.transaction(async (tx) => {
    await lockTeamChanges(tx, device.teamId);
    const { rows } = await tx.query<{ team_id: string; purged: boolean }>(
      'SELECT team_id, purged_at IS NOT NULL AS purged FROM incidents WHERE id = $1',
      [incidentId],
    );
    const incident = rows[0];
    if (!incident || Number(incident.team_id) !== device.teamId) throw new Refusal('not-found', 'no such incident');
    if (incident.purged) return { deleted: 0 };
    await tx.query(
      'INSERT INTO purged_changes (seq, team_id, change_id) SELECT seq, team_id, id FROM events WHERE incident_id = $1',
      [incidentId],
    );
    await tx.query(`SELECT set_config('app.purge', $1, true)`, [incidentId]);
    const deleted = await tx.query('DELETE FROM events WHERE incident_id = $1 RETURNING 1', [incidentId]);
    await tx.query(`SELECT set_config('app.purge', '', true)`);
    await tx.query('UPDATE incidents SET purged_at = now(), purged_by = $2 WHERE id = $1', [incidentId, device.id]);
    await tx.query('INSERT INTO purges (incident_id, team_id) VALUES ($1, $2)', [incidentId, device.teamId]);
    await logAccess(tx, device, [incidentId], 'purge');
    await notifyTeam(tx, device.teamId);
    return { deleted: deleted.rows.length };
  });
}

export interface SharedIncident {
  id: string;
  sharedAt: string;
  sharedBy: string;
  events: number;
}

export async function listSharedIncidents(db: Database, teamId: number): Promise<SharedIncident[]> {
  const { rows } = await db.query<{ id: string; shared_at: Date; name: string; events: string | number }>(
    `SELECT i.id, i.shared_at, d.name, (SELECT count(*) FROM events e WHERE e.incident_id = i.id) AS events
     FROM incidents i JOIN devices d ON d.id = i.shared_by
     WHERE i.team_id = $1 AND i.purged_at IS NULL ORDER BY i.shared_at`,
    [teamId],
  );
  return rows.map((r) => ({
    id: r.id,
    sharedAt: r.shared_at.toISOString(),
    sharedBy: r.name,
    events: Number(r.events),
  }));
}
