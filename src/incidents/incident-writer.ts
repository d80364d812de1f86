import type { Kader } from '../content/schema.ts';
import type { AppDatabase } from '../db/database.ts';
import { readLog } from '../db/event-log.ts';
import { ensureDeviceId } from '../db/settings.ts';
import { toStorageError } from '../db/storage-error.ts';
import { publishCommittedLog } from './committed-log.ts';
import type { EventPayloads, EventType, IncidentEvent, IncidentEventOf } from './events.ts';
import { foldIncident } from './fold.ts';
import { IncidentCommandError } from './incident-command-error.ts';
import type { IncidentState } from './incident-state.ts';
import { projectIncident } from './projection.ts';

/**
 * The one way events get written: inside a single read-write transaction over events,
 * incidents and settings, so an event and the list row it changes are stored together
 * or not at all. Resolves only after IndexedDB reports the transaction complete.
 */

export interface WriterDependencies {
  db: AppDatabase;
  kader: () => Kader | undefined;
  now: () => Date;
  nextId: (seedTime: number) => string;
  /** The installation's id never changes once created; read it once. */
  deviceId?: string;
}

export interface WriteScope {
  /** A fresh ULID for this transaction's moment, e.g. a new incident's id. */
  newId(): string;
  /** Builds an event stamped with this device, actor and time; does not store it. */
  event<T extends EventType>(incidentId: string, type: T, payload: EventPayloads[T]): IncidentEventOf<T>;
  /** The incident's stored events, unsorted. */
  readEvents(incidentId: string): Promise<IncidentEvent[]>;
  /**
   * Stores new events of one incident and rewrites its row from all its events.
   * Folding the whole log on every write is O(events of that incident); an incident
   * has hundreds at most, and a fold is far cheaper than the disk write beside it.
   */
  append(incidentId: string, stored: IncidentEvent[], added: IncidentEvent[]): Promise<IncidentState>;
}

export async function writeInTransaction<T>(
  deps: WriterDependencies,
  body: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const { db } = deps;
  try {
    const committed = new Map<string, IncidentEvent[]>();
    let committedDevice: string | undefined;
    const result = await db.transaction('rw', [db.logs, db.incidents, db.settings], async () => {
      // Cached only after the commit: a rolled-back first write must not keep an id that was never stored.
      const device = deps.deviceId ?? (await ensureDeviceId(db));
      committedDevice = device;
      const actor = String((await db.settings.get('actorName'))?.value ?? '');
      const at = deps.now();
      const scope: WriteScope = {
        newId: () => deps.nextId(at.getTime()),
        event: (incidentId, type, payload) => ({
          id: deps.nextId(at.getTime()),
          incidentId,
          at: at.toISOString(),
          actor,
          device,
          type,
          payload,
        }),
        readEvents: (incidentId) => readLog(db, incidentId),
        append: async (incidentId, stored, added) => {
          await db.logs.put({ incidentId, events: [...stored, ...added] });
          committed.set(incidentId, [...stored, ...added]);
          const state = foldIncident([...stored, ...added]);
          // Cannot happen for a well-formed call; guards against a bug writing a headless log.
          if (!state) throw new Error(`No incident.created event for incident ${incidentId}`);
          await db.incidents.put(projectIncident(state, deps.kader()));
          return state;
        },
      };
      return body(scope);
    });
    // Only after the commit: an aborted transaction must not leave its events in the cache.
    deps.deviceId ??= committedDevice;
    for (const [incidentId, events] of committed) publishCommittedLog(incidentId, events);
    return result;
  } catch (error) {
    // No catch inside the transaction: a throw there is what rolls it back.
    if (error instanceof IncidentCommandError) throw error;
    throw toStorageError(error);
  }
}
