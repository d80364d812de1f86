/**
 * Every schema version ever shipped, as Dexie store strings. The schema only grows:
 * never edit or remove a line of a shipped version; add a new version instead.
 * tests/unit/incidents/db-schema.test.ts snapshots these and enforces that rule.
 */
export const STORES_BY_VERSION = {
  1: {
    // The source of truth. [incidentId+at] serves the timeline; incidentId alone the fold.
    events: 'id, incidentId, [incidentId+at]',
    incidents: 'id, status, updatedAt, municipality',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  2: {
    events: 'id, incidentId, [incidentId+at]',
    // addressKey finds a herhaalaanslag; [status+updatedAt] orders the list without a
    // sort in memory; closedAt finds incidents past their retention period.
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  3: {
    // Emptied by the version 3 upgrade and no longer written; kept because the schema only grows.
    events: 'id, incidentId, [incidentId+at]',
    // The source of truth from version 3 on: each incident's whole event log in one row.
    // Storing 100,000 events one row each costs ~20 s in Chromium (two index entries and
    // a request per row); 1,000 rows of 100 events cost ~1.4 s (npm run bench, scripts/bench).
    logs: 'incidentId',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  4: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    // Events a step tap appended since the incident's log row was last rewritten, one
    // small row each: a tap then writes ~300 bytes instead of the whole log (see event-log.ts).
    // The compound primary key serves "this incident's appended events" without an index.
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
  },
  5: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    // The app lock (src/lock/): the wrapped data key, unlock attempts and the migration's
    // progress. Never sealed itself: it is what opens everything else (see db/data-key.ts).
    keyring: 'id',
  },
  6: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    keyring: 'id',
    // Team sync (src/sync/): per shared incident, the ids of its events the server holds.
    // The outbox is derived from it (own events not in that list), so the writer never knows about sync.
    syncIncidents: 'incidentId',
  },
  7: {
    events: 'id, incidentId, [incidentId+at]',
    logs: 'incidentId',
    appendedEvents: '[incidentId+id]',
    incidents: 'id, status, updatedAt, municipality, addressKey, closedAt, [status+updatedAt]',
    settings: 'key',
    networkIncidents: 'id, importedAt, municipality',
    keyring: 'id',
    syncIncidents: 'incidentId',
    // The municipality's local layer (src/local/): one small document, read whole at start-up,
    // plus every change appended with who and when (keyed by the revision it produced).
    localLayer: 'id',
    localChanges: 'revision',
  },
} as const satisfies Record<number, Record<string, string>>;

export type SchemaVersion = keyof typeof STORES_BY_VERSION;
export const LATEST_SCHEMA_VERSION = 7 satisfies SchemaVersion;
