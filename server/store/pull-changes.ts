import type { SyncEvent } from '../protocol/validate-events.ts';
import type { Queryable } from './database.ts';

export type Change =
  | { seq: string; type: 'event'; receivedAt: string; event: SyncEvent }
  | { seq: string; type: 'purge'; purgedAt: string; incidentId: string };

export interface ChangePage {
  changes: Change[];
  /** Pass as `after` next time; equals `after` when nothing was new. */
  cursor: string;
  /** True when the page is full: pull again at once. */
  more: boolean;
}

export const MAX_PULL = 1000;

/**
 * The team's events and purge notices after a cursor, in sequence order. One statement,
 * so one snapshot; see team-lock.ts for why no later commit can carry a lower number.
 */
export async function pullChanges(db: Queryable, teamId: number, after: string, limit = MAX_PULL): Promise<ChangePage> {
  const { rows } = await db.query<{
    seq: string | number;
    kind: 'event' | 'purge';
    event: SyncEvent | null;
    incident_id: string;
    at: Date;
  }>(
    `SELECT * FROM (
       (SELECT seq, 'event' AS kind, event, incident_id, received_at AS at FROM events
        WHERE team_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3)
       UNION ALL
       (SELECT seq, 'purge' AS kind, NULL::jsonb AS event, incident_id, purged_at AS at FROM purges
        WHERE team_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3)
     ) AS c ORDER BY seq LIMIT $3`,
    [teamId, after, limit],
  );
  const changes = rows.map((r): Change => {
    const seq = String(r.seq);
    return r.kind === 'event' && r.event
      ? { seq, type: 'event', receivedAt: r.at.toISOString(), event: r.event }
      : { seq, type: 'purge', purgedAt: r.at.toISOString(), incidentId: r.incident_id };
  });
  return { changes, cursor: changes.at(-1)?.seq ?? after, more: rows.length === limit };
}

/**
 * What a cursor stands on: the id of the event at that seq, or the incident id of a purge
 * notice. Given out as `cursorCheck` beside the cursor and sent back as `check`.
 */
export function checkOf(change: Change): string {
  return change.type === 'event' ? change.event.id : change.incidentId;
}

/** The check to answer beside a page: its last change's, or the one the client sent when nothing was new. */
export function cursorCheckOf(page: ChangePage, sent: string | undefined): string | undefined {
  const last = page.changes.at(-1);
  return last ? checkOf(last) : sent;
}

/**
 * Whether this database can vouch for a device's cursor: the change at that seq is the one
 * the device applied. After a restore from a backup the seq is missing (the backup ended
 * earlier) or holds another change (new pushes drew the same numbers again); either way
 * the device may lack changes this database numbers at or below its cursor, and must
 * start over. Without a check (an older client, or the start) there is nothing to verify.
 */
export async function cursorKnown(
  db: Queryable,
  teamId: number,
  after: string,
  check: string | undefined,
): Promise<boolean> {
  if (after === '0' || check === undefined) return true;
  const { rows } = await db.query(
    `SELECT 1 FROM events WHERE team_id = $1 AND seq = $2::bigint AND id = $3
     UNION ALL SELECT 1 FROM purges WHERE team_id = $1 AND seq = $2::bigint AND incident_id = $3
     UNION ALL SELECT 1 FROM purged_changes WHERE team_id = $1 AND seq = $2::bigint AND change_id = $3`,
    [teamId, after, check],
  );
  return rows.length > 0;
}

/** Incidents a change page touches, for the access log. */
export function incidentsOf(changes: readonly Change[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) if (c.type === 'event') ids.add(c.event.incidentId);
  return ids;
}
