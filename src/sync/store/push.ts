import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { readLogs } from '../../db/event-log.ts';
import type { IncidentEvent } from '../../model/events.ts';
import { batchesOf, pendingEvents } from '../domain/outbox.ts';
import { SyncHttpError, syncApi } from './api.ts';
import { removeIncident } from './apply-changes.ts';
import { acknowledge } from './membership.ts';
import { storeReceipt } from './push-receipt-store.ts';

/**
 * Per shared incident, the own events the server has not acknowledged (the derived outbox);
 * an empty list for one with nothing waiting, so a count of 0 is known, not assumed.
 */
export async function readOutbox(db: AppDatabase, deviceId: string): Promise<Map<string, IncidentEvent[]>> {
  const rows = await db.syncIncidents.toArray();
  const logs = await readLogs(
    db,
    rows.map((row) => row.incidentId),
  );
  const outbox = new Map<string, IncidentEvent[]>();
  for (const row of rows) {
    outbox.set(row.incidentId, pendingEvents(logs.get(row.incidentId)?.events ?? [], new Set(row.acked), deviceId));
  }
  return outbox;
}

export const countOutbox = (outbox: Map<string, IncidentEvent[]>) =>
  [...outbox.values()].reduce((sum, events) => sum + events.length, 0);

/** The sync state's counts of the outbox: in all and per shared incident (no further read). */
export function outboxCounts(outbox: Map<string, IncidentEvent[]>): {
  pending: number;
  pendingIn: Map<string, number>;
} {
  const pendingIn = new Map([...outbox].map(([id, events]) => [id, events.length]));
  return { pending: countOutbox(outbox), pendingIn };
}

/**
 * Sends the outbox, one incident at a time in batches of 1,000, and records what the
 * server acknowledged after each batch. A push is idempotent on the server, so a batch
 * that failed halfway (timeout, killed server) is simply sent again. Throws the first
 * refusal (SyncHttpError); what was acknowledged before it stays acknowledged. An
 * incident the coordinator purged while this device was offline (410) leaves this
 * device, as the purge notice in the feed would make it do: the team deleted it on purpose.
 */
export async function pushOutbox(
  db: AppDatabase,
  token: string,
  outbox: Map<string, IncidentEvent[]>,
  skip: ReadonlySet<string>,
  kader?: Kader,
): Promise<void> {
  for (const [incidentId, events] of outbox) {
    if (skip.has(incidentId)) continue;
    try {
      for (const batch of batchesOf(events)) {
        const { receipt } = await syncApi.push(token, batch);
        await acknowledge(db, new Map([[incidentId, batch.map((event) => event.id)]]), new Date());
        if (receipt) await storeReceipt(db, { ...receipt, incidentId });
      }
    } catch (error) {
      // After a restored backup the server may have lost an incident another device started;
      // these events wait (unacknowledged) until that device has offered it again.
      if (error instanceof SyncHttpError && error.code === 'incident-unknown') continue;
      if (!(error instanceof SyncHttpError && error.code === 'incident-purged')) throw error;
      await removeIncident(db, incidentId, kader);
    }
  }
}
