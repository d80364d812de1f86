import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { createIncidentCommands } from '../../incidents/store/commands.ts';
import { importEvents } from '../../incidents/store/import-events.ts';
import { forgetLocalLayer } from '../../local/store/local-store.ts';
import type { IncidentEvent } from '../../model/events.ts';
import type { Change } from '../domain/protocol.ts';
import { acknowledge, readMembership, sharedIncidentIds, writeMembership } from './membership.ts';

/**
 * Applies the team's changes in feed order: events through the one merge
 * (incidents/store/import-events.ts, which throws MergeRefusedError with nothing written
 * for a tampered event), purge notices through the incidents store's own delete.
 * Runs of events between purges go in one merge each. The caller stores the cursor after.
 */
export async function applyChanges(db: AppDatabase, changes: readonly Change[], kader?: Kader): Promise<void> {
  let run: IncidentEvent[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    await importEvents(db, run, kader);
    const ids = new Map<string, string[]>();
    for (const event of run) ids.set(event.incidentId, [...(ids.get(event.incidentId) ?? []), event.id]);
    await acknowledge(db, ids, new Date());
    run = [];
  };
  for (const change of changes) {
    if (change.type === 'event') run.push(change.event);
    else {
      await flush();
      await removeIncident(db, change.incidentId, kader);
    }
  }
  await flush();
}

/** An incident gone from the team (purged): off this device, with its sync row. */
export async function removeIncident(db: AppDatabase, incidentId: string, kader?: Kader): Promise<void> {
  await createIncidentCommands({ db, kader: () => kader }).deleteIncident(incidentId);
  await db.syncIncidents.delete(incidentId);
}

/**
 * The device was revoked: the team's shared incidents leave this device (they are safe
 * on the server), its own unshared incidents stay; token and cursor are forgotten. The
 * team's local layer goes too, once this device has had it: it holds the municipality's
 * internal contacts, and a revoked phone may be lost or its holder gone.
 * Returns how many incidents were removed.
 */
export async function forgetTeam(db: AppDatabase, now: Date, kader?: Kader): Promise<number> {
  const before = await readMembership(db);
  // Noticed twice (the stream's notice and a refused request, or an earlier page): the first
  // one removed everything and wrote down what; a second must not overwrite that with nothing.
  if (before?.revokedAt) return before.revokedRemoved?.incidents ?? 0;
  const ids = await sharedIncidentIds(db);
  for (const id of ids) await removeIncident(db, id, kader);
  const membership = await readMembership(db);
  const localLayer = Boolean(membership?.localLayer);
  if (localLayer) await forgetLocalLayer(db);
  if (membership) {
    const { token: _token, localLayer: _layer, ...rest } = membership;
    const revokedRemoved = { incidents: ids.length, localLayer };
    await writeMembership(db, { ...rest, cursor: '0', revokedAt: now.toISOString(), revokedRemoved });
  }
  return ids.length;
}
