import { Refusal } from '../protocol/refusal.ts';
import type { SyncEvent } from '../protocol/validate-events.ts';
import type { Device } from '../team/roles.ts';
import { logAccess } from './access-log.ts';
import { type Database, type Queryable, sqlErrorCode, UNIQUE_VIOLATION } from './database.ts';
import { lockTeamChanges, notifyTeam } from './team-lock.ts';

export interface PushResult {
  /** Events stored by this push. */
  inserted: number;
  /** Events the server already had, with identical content (a retry, or another path). */
  duplicates: number;
  /**
   * Where the batch's newest event stands in the feed: a device that has not pulled that far
   * checks the feed reaches it with this id there (a restored backup would have lost it).
   */
  receipt: { seq: string; check: string };
}

/**
 * Stores a validated batch in one transaction: all of it or nothing. An incident the
 * server does not know becomes the team's (shared) when the batch holds its
 * `incident.created`; events are inserted once (ON CONFLICT DO NOTHING), and a known id
 * with other content, a second `incident.created` or an incident of another team refuses
 * the whole batch. Content is compared as jsonb, PostgreSQL's canonical form of JSON
 * (key order and spacing do not count), so retries of the same event always match.
 */
export async function pushEvents(db: Database, device: Device, events: readonly SyncEvent[]): Promise<PushResult> {
  const batch = JSON.stringify(events);
  try {
    return await db.transaction(async (tx) => {
      await lockTeamChanges(tx, device.teamId);
      await claimIncidents(tx, device, events);
      const inserted = await tx.query<{ id: string; seq: string | number }>(
        `INSERT INTO events (id, incident_id, team_id, device_id, event)
         SELECT e ->> 'id', e ->> 'incidentId', $2, $3, e
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS b (e, n) ORDER BY n
         ON CONFLICT (id) DO NOTHING RETURNING id, seq`,
        [batch, device.teamId, device.id],
      );
      if (inserted.rows.length < events.length) await refuseChangedDuplicates(tx, batch);
      await logAccess(
        tx,
        device,
        events.map((e) => e.incidentId),
        'write',
      );
      if (inserted.rows.length > 0) await notifyTeam(tx, device.teamId);
      const receipt = await receiptOf(tx, inserted.rows, batch);
      return { inserted: inserted.rows.length, duplicates: events.length - inserted.rows.length, receipt };
    });
  } catch (error) {
    // Only a race with another team's push gets here; the checks above see everything else.
    if (sqlErrorCode(error) === UNIQUE_VIOLATION) throw new Refusal('second-incident-created', 'concurrent push');
    throw error;
  }
}

/** Checks each incident of the batch and records the new ones as shared by this device's team. */
async function claimIncidents(tx: Queryable, device: Device, events: readonly SyncEvent[]): Promise<void> {
  const created = new Map<string, string>();
  for (const e of events) {
    if (e.type !== 'incident.created') continue;
    const earlier = created.get(e.incidentId);
    if (earlier !== undefined && earlier !== e.id)
      throw new Refusal('second-incident-created', `incident ${e.incidentId} created twice in the batch`);
    created.set(e.incidentId, e.id);
  }
  const ids = [...new Set(events.map((e) => e.incidentId))];
  const { rows } = await tx.query<{ id: string; team_id: string; purged: boolean; created_id: string | null }>(
    `SELECT i.id, i.team_id, i.purged_at IS NOT NULL AS purged,
       (SELECT e.id FROM events e WHERE e.incident_id = i.id AND e.event ->> 'type' = 'incident.created') AS created_id
     FROM incidents i WHERE i.id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  const known = new Map(rows.map((r) => [r.id, r]));
  const fresh: string[] = [];
  for (const id of ids) {
    const row = known.get(id);
    if (!row) {
      if (!created.has(id)) throw new Refusal('incident-unknown', `incident ${id}`);
      fresh.push(id);
      continue;
    }
    if (Number(row.team_id) !== device.teamId) throw new Refusal('incident-other-team', `incident ${id}`);
    if (row.purged) throw new Refusal('incident-purged', `incident ${id}`);
    const createdHere = created.get(id);
    if (createdHere !== undefined && row.created_id !== null && row.created_id !== createdHere)
      throw new Refusal('second-incident-created', `incident ${id}`);
  }
  if (fresh.length === 0) return;
  const claimed = await tx.query<{ id: string }>(
    `INSERT INTO incidents (id, team_id, shared_by)
     SELECT value, $2, $3 FROM jsonb_array_elements_text($1::jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(fresh), device.teamId, device.id],
  );
  // Another team shared the same incident id a moment ago (its lock is not ours).
  if (claimed.rows.length < fresh.length) throw new Refusal('incident-other-team', 'shared concurrently');
}

/** The newest event of the batch: inserted ones draw higher numbers than any stored before. */
async function receiptOf(
  tx: Queryable,
  inserted: readonly { id: string; seq: string | number }[],
  batch: string,
): Promise<PushResult['receipt']> {
  let rows = inserted;
  if (rows.length === 0)
    ({ rows } = await tx.query<{ id: string; seq: string | number }>(
      `SELECT e.id, e.seq FROM jsonb_array_elements($1::jsonb) AS b (x) JOIN events e ON e.id = b.x ->> 'id'`,
      [batch],
    ));
  const newest = rows.reduce((max, row) => (BigInt(row.seq) > BigInt(max.seq) ? row : max), rows[0]!);
  return { seq: String(newest.seq), check: newest.id };
}

async function refuseChangedDuplicates(tx: Queryable, batch: string): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT e.id FROM jsonb_array_elements($1::jsonb) AS b (x)
     JOIN events e ON e.id = b.x ->> 'id' WHERE e.event <> b.x LIMIT 5`,
    [batch],
  );
  if (rows.length > 0)
    throw new Refusal('event-conflict', `event id used with other content: ${rows.map((r) => r.id).join(', ')}`);
}
