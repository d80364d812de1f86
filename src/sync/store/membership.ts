import type { AppDatabase } from '../../db/database.ts';
import type { SyncIncidentRow, SyncMembership } from '../../db/rows.ts';
import { readSetting, writeSetting } from '../../db/settings.ts';

/**
 * The device's team membership lives in the settings table, which the sealing middleware
 * seals whole (db/sealing-middleware.ts): the token is never stored in the clear once a
 * lock is set up, and cannot be read while the app is locked.
 */
export function readMembership(db: AppDatabase): Promise<SyncMembership | undefined> {
  return readSetting('syncTeam', db);
}

export function writeMembership(db: AppDatabase, membership: SyncMembership): Promise<void> {
  return writeSetting('syncTeam', membership, db);
}

export async function updateMembership(db: AppDatabase, change: Partial<SyncMembership>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await readMembership(db);
    if (current) await writeMembership(db, { ...current, ...change });
  });
}

export async function sharedIncidentIds(db: AppDatabase): Promise<string[]> {
  return (await db.syncIncidents.toCollection().primaryKeys()) as string[];
}

/** Adds acknowledged event ids per incident, marking each incident shared. */
export async function acknowledge(db: AppDatabase, idsByIncident: Map<string, string[]>, now: Date): Promise<void> {
  if (idsByIncident.size === 0) return;
  await db.transaction('rw', db.syncIncidents, async () => {
    const keys = [...idsByIncident.keys()];
    const rows = await db.syncIncidents.bulkGet(keys);
    const next: SyncIncidentRow[] = keys.map((incidentId, i) => {
      const row = rows[i];
      const acked = new Set(row?.acked ?? []);
      for (const id of idsByIncident.get(incidentId) ?? []) acked.add(id);
      return { incidentId, sharedAt: row?.sharedAt ?? now.toISOString(), acked: [...acked] };
    });
    await db.syncIncidents.bulkPut(next);
  });
}
