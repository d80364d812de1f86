import { Refusal } from '../protocol/refusal.ts';
import type { Device } from '../team/roles.ts';
import type { Database, Queryable } from './database.ts';
import { notifyLocalLayer } from './team-lock.ts';

/**
 * The team's local layer: one current file per team (table team_local_layers) with a
 * revision that each upload raises by one. Only the coordinator uploads, naming the
 * revision the upload was built on; the row is locked for the check, so two uploads on
 * the same base cannot both win. Every fetch of the file and every upload is logged.
 */

export interface TeamLocalLayer {
  revision: number;
  file?: unknown;
  updatedAt?: string;
  updatedBy?: string;
}

async function logLayer(db: Queryable, device: Device, revision: number, access: 'read' | 'write') {
  await db.query('INSERT INTO local_layer_log (team_id, device_id, revision, access) VALUES ($1, $2, $3, $4)', [
    device.teamId,
    device.id,
    revision,
    access,
  ]);
}

/**
 * The team's layer; only its revision and when it was stored when the device already has
 * `known` or newer (nothing logged then). The stamp lets a device tell a server restored from
 * a backup, which may hold a lower or the same revision number with other content.
 */
export async function readTeamLocalLayer(db: Database, device: Device, known: number): Promise<TeamLocalLayer> {
  const { rows } = await db.query<{ revision: string; file: unknown; updated_at: Date; name: string }>(
    `SELECT l.revision, CASE WHEN l.revision > $2 THEN l.file END AS file, l.updated_at, d.name
     FROM team_local_layers l JOIN devices d ON d.id = l.updated_by WHERE l.team_id = $1`,
    [device.teamId, known],
  );
  const row = rows[0];
  if (!row) return { revision: 0 };
  const revision = Number(row.revision);
  const updatedAt = row.updated_at.toISOString();
  if (revision <= known) return { revision, updatedAt };
  await logLayer(db, device, revision, 'read');
  return { revision, file: row.file, updatedAt, updatedBy: row.name };
}

/**
 * Stores a validated file as the team's next revision, or refuses (409) when `base` is not the
 * current one: another revision number, or (when the device names it) the same number stored at
 * another time, which only a server restored from a backup and written to since can hold.
 */
export async function writeTeamLocalLayer(
  db: Database,
  device: Device,
  base: { revision: number; updatedAt?: string | undefined },
  file: { layer: { municipalityCode: string } },
): Promise<{ revision: number; updatedAt: string }> {
  return db.transaction(async (tx) => {
    // FOR UPDATE cannot lock a row that is not there yet: the first upload races on the primary key instead.
    const { rows } = await tx.query<{ revision: string; code: string; updated_at: Date }>(
      `SELECT revision, file -> 'layer' ->> 'municipalityCode' AS code, updated_at FROM team_local_layers
       WHERE team_id = $1 FOR UPDATE`,
      [device.teamId],
    );
    const current = rows[0] ? Number(rows[0].revision) : 0;
    if (base.revision !== current) throw new Refusal('local-layer-stale', `base ${base.revision}, current ${current}`);
    const stamp = rows[0]?.updated_at.toISOString();
    if (base.updatedAt !== undefined && stamp !== undefined && base.updatedAt !== stamp)
      throw new Refusal('local-layer-stale', `base ${base.revision} stored at ${stamp}, not ${base.updatedAt}`);
    if (rows[0] && rows[0].code !== file.layer.municipalityCode)
      throw new Refusal('local-layer-other-municipality', `${rows[0].code} is the team's municipality`);
    const revision = current + 1;
    const inserted = await tx.query<{ updated_at: Date }>(
      `INSERT INTO team_local_layers (team_id, revision, file, updated_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (team_id) DO UPDATE SET revision = EXCLUDED.revision, file = EXCLUDED.file,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       WHERE team_local_layers.revision = $5
       RETURNING updated_at`,
      [device.teamId, revision, JSON.stringify(file), device.id, current],
    );
    // A first upload that lost the race to another one on base 0.
    const stored = inserted.rows[0];
    if (!stored) throw new Refusal('local-layer-stale', `base ${base.revision} overtaken`);
    await logLayer(tx, device, revision, 'write');
    await notifyLocalLayer(tx, device.teamId, revision);
    return { revision, updatedAt: stored.updated_at.toISOString() };
  });
}
