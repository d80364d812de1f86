import type { Queryable } from './database.ts';

/** Namespace of the per-team advisory lock (two-key space, apart from the migration lock). */
const CHANGES_LOCK = 7130;
export const CHANGES_CHANNEL = 'sync_changes';

/**
 * Every transaction that adds to a team's change feed (push, purge) first takes this
 * transaction-level lock, and only then draws numbers from change_seq. A later writer of
 * the same team therefore gets higher numbers *and* commits later: within a team,
 * sequence order is commit order, and a reader that has seen seq N has already seen
 * everything of that team below N. Without it, a transaction that drew 10 but commits
 * after one that drew 11 would be skipped by a device that pulled in between (tested in
 * tests/server/cursor.test.ts). PostgreSQL releases the lock only after the commit is
 * visible. Different teams never wait for each other.
 */
export async function lockTeamChanges(tx: Queryable, teamId: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [CHANGES_LOCK, teamId]);
}

/** Delivered on commit, to every server process listening (the live streams). */
export async function notifyTeam(tx: Queryable, teamId: number): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(teamId)]);
}

/** On the same channel: "this device was revoked", so every process closes its streams. */
export const REVOKED_PREFIX = 'revoked:';

export async function notifyRevoked(db: Queryable, deviceId: number): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${REVOKED_PREFIX}${deviceId}`]);
}

/** On the same channel: "team T's local layer is now at revision R", so the streams tell their devices. */
export const LOCAL_LAYER_PREFIX = 'local-layer:';

export async function notifyLocalLayer(tx: Queryable, teamId: number, revision: number): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${LOCAL_LAYER_PREFIX}${teamId}:${revision}`]);
}
