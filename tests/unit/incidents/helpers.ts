import { buildKader } from '../../../scripts/content/build-kader.ts';
import type { Kader } from '../../../src/content/schema.ts';
import { type AppDatabase, openAppDatabase } from '../../../src/db/database.ts';
import { createIncidentCommands, type IncidentCommandOptions } from '../../../src/incidents/store/commands.ts';
import type { IncidentDetails, IncidentEvent } from '../../../src/model/events.ts';
import { SMALL_KADER } from './small-kader.ts';

let kader: Kader | undefined;
/**
 * The real framework content; tests must not depend on how many steps it has. While
 * content/ is being edited it may not build; its own tests report that, so these fall
 * back to a small framework rather than fail for a reason that is not theirs.
 */
export function realKader(): Kader {
  if (!kader) {
    try {
      kader = buildKader('content');
    } catch (error) {
      console.warn(`content/ does not build, using a small test framework: ${String(error).slice(0, 200)}`);
      kader = SMALL_KADER;
    }
  }
  return kader;
}

let counter = 0;
/** A fresh, empty database per test, so tests never see each other's data. */
export function freshDatabase(): AppDatabase {
  counter += 1;
  return openAppDatabase(`test-${process.pid}-${Date.now()}-${counter}`);
}

/** A clock that advances one second per call, starting at a fixed moment. */
export function steppingClock(startIso = '2026-03-01T22:00:00.000Z', stepMs = 1000): () => Date {
  let time = Date.parse(startIso);
  return () => {
    const now = new Date(time);
    time += stepMs;
    return now;
  };
}

export function commandsFor(db: AppDatabase, options: Omit<IncidentCommandOptions, 'db'> = {}) {
  return createIncidentCommands({ db, kader: realKader, now: steppingClock(), ...options });
}

export function homeAt(
  postcode: string,
  houseNumber: string,
  overrides: Partial<IncidentDetails> = {},
): IncidentDetails {
  return {
    kind: 'explosie',
    target: 'woning',
    address: { street: 'Dorpsstraat', houseNumber, postcode, city: 'Utrecht' },
    municipality: 'Utrecht',
    occurredAt: '2026-03-01T21:30:00.000Z',
    ...overrides,
  };
}

/** Everything in every table, for "nothing changed" assertions. */
export async function dumpDatabase(db: AppDatabase) {
  return {
    events: await db.events.toArray(),
    logs: await db.logs.toArray(),
    appendedEvents: await db.appendedEvents.toArray(),
    incidents: await db.incidents.toArray(),
    settings: await db.settings.toArray(),
    networkIncidents: await db.networkIncidents.toArray(),
  };
}

/** A colleague's log entry in the same incident, from another phone: a change this tab never made. */
export function colleagueEntry(created: IncidentEvent): IncidentEvent {
  return {
    ...created,
    id: '01KZZZZZZZZZZZZZZZZZZZZZZZ',
    at: '2026-03-01T23:00:00.000Z',
    device: 'other-phone',
    type: 'log.entry-added',
    payload: { text: 'Van een collega' },
  };
}
