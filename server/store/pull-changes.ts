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

/** Incidents a change page touches, for the access log. */
export function incidentsOf(changes: readonly Change[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) if (c.type === 'event') ids.add(c.event.incidentId);
  return ids;
}
