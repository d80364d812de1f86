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
  /** The incident the body will read first: its log is requested together with the actor's name. */
  prefetch?: string,
): Promise<T> {
  const { db } = deps;
  try {
    const committed = new Map<string, { events: IncidentEvent[]; state: IncidentState }>();
    const writes: Promise<unknown>[] = [];
    let idbTransaction: IDBTransaction | undefined;
    let committedDevice: string | undefined;
    const result = await db.transaction('rw', [db.logs, db.incidents, db.settings], async (transaction) => {
      // Inside a caller's transaction (an import) committing is the caller's business.
      idbTransaction = transaction.parent ? undefined : transaction.idbtrans;
      // Cached only after the commit: a rolled-back first write must not keep an id that was never stored.
      const device = deps.deviceId ?? (await ensureDeviceId(db));
      committedDevice = device;
      // Issued together so a step tap waits for one round trip, not two.
      const [actorRow, prefetched] = await Promise.all([
        db.settings.get('actorName'),
        prefetch ? readLog(db, prefetch) : undefined,
      ]);
      const actor = String(actorRow?.value ?? '');
      let unused = prefetched;
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
        readEvents: async (incidentId) => {
          if (unused && incidentId === prefetch) {
            const events = unused;
            unused = undefined;
            return events;
          }
          return readLog(db, incidentId);
        },
        append: async (incidentId, stored, added) => {
          const events = [...stored, ...added];
          const state = foldIncident(events);
          // Cannot happen for a well-formed call; guards against a bug writing a headless log.
          if (!state) throw new Error(`No incident.created event for incident ${incidentId}`);
          // Not awaited here: the transaction commits as soon as every write is issued (below).
          writes.push(db.logs.put({ incidentId, events }), db.incidents.put(projectIncident(state, deps.kader())));
          committed.set(incidentId, { events, state });
          return state;
        },
      };
      const result = await body(scope);
      await commitOnceIssued(idbTransaction, writes);
      return result;
    });
    // Only after the commit: an aborted transaction must not leave its events in the cache.
    deps.deviceId ??= committedDevice;
    for (const [incidentId, { events, state }] of committed) publishCommittedLog(incidentId, events, state);
    return result;
  } catch (error) {
    // No catch inside the transaction: a throw there is what rolls it back.
    if (error instanceof IncidentCommandError) throw error;
    throw toStorageError(error);
  }
}

/**
 * Commits the moment the writes are issued instead of waiting for each to be
 * acknowledged and letting the transaction end by itself: one round trip to the
 * storage process fewer on every tap.
 *
 * IndexedDB only accepts commit() while the transaction is active, i.e. within the
 * microtasks after a request's callback, so this cannot wait a task. A write that
 * IndexedDB refuses synchronously (a value it cannot store, a disk already known to be
 * full) rejects through Dexie's promise chain within those microtasks: commit waits for
 * that chain to settle, and a rejection still rolls the whole transaction back
 * (failed-write.test.ts). After commit, IndexedDB reports a failure of the commit
 * itself (full disk, I/O error) as an abort of the whole transaction, so an event and
 * its list row are stored together or not at all. The stores written here have no
 * unique index (db-schema.test.ts), the only cause of a single put failing on its own
 * after it was issued.
 */
async function commitOnceIssued(transaction: IDBTransaction | undefined, writes: Promise<unknown>[]): Promise<void> {
  const all = Promise.all(writes);
  if (writes.length === 0 || !transaction) return void (await all);
  let failed = false;
  all.catch(() => {
    failed = true;
  });
  for (let hop = 0; hop < SETTLE_HOPS && !failed; hop++) await Promise.resolve();
  if (!failed) transaction.commit?.();
  await all;
}

/** Far more microtask hops than Dexie's promise chain from IDBObjectStore.put to Table.put takes. */
const SETTLE_HOPS = 32;
