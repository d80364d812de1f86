import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from '../../../src/db/database.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { importEvents } from '../../../src/incidents/store/import-events.ts';
import { openIncidentLog } from '../../../src/incidents/store/live-log.ts';
import { readIncidentEvents } from '../../../src/incidents/store/queries.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { colleagueEntry, commandsFor, freshDatabase, homeAt, realKader } from './helpers.ts';

/**
 * The live log a screen shows: after this tab's own tap the live query sees the list
 * row's mark of the copy in memory and does not read the log again; a change from
 * anywhere else (another connection: a tab, an import, sync) changes the mark, and the
 * log is read.
 */

const stepIds = () =>
  realKader()
    .phases.find((phase) => phase.id === 'direct-na')!
    .steps.map((step) => step.id);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
});

/** Subscribes and resolves with a function that waits until the snapshot holds `n` events. */
async function watch(source: ReturnType<typeof openIncidentLog>) {
  let changed = () => {};
  cleanups.push(source.subscribe(() => changed()));
  return (test: (events: readonly IncidentEvent[] | undefined) => boolean) =>
    new Promise<readonly IncidentEvent[] | undefined>((resolve) => {
      const check = () => {
        const events = source.snapshot();
        if (test(events)) resolve(events);
      };
      changed = check;
      check();
    });
}

async function openIncident() {
  const db = freshDatabase();
  await setActorName('A. Jansen', db);
  const commands = commandsFor(db);
  const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
  const until = await watch(openIncidentLog(db, incidentId));
  await until((events) => events?.length === 1);
  return { db, commands, incidentId, until };
}

/** Lets the live query's re-run after a commit finish (it answers within a few macrotasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the live log of an open incident', () => {
  it('shows this tab’s tap without reading the log again', async () => {
    const { db, commands, incidentId, until } = await openIncident();
    await commands.setStepStatus(incidentId, stepIds()[0]!, 'gedaan');
    await settle();
    const logReads = vi.spyOn(db.logs, 'get');
    const rowReads = vi.spyOn(db.incidents, 'get');

    await commands.setStepStatus(incidentId, stepIds()[1]!, 'later');
    const events = await until((events) => events?.length === 3);
    expect(events?.at(-1)).toMatchObject({ type: 'step.status-set', payload: { stepId: stepIds()[1] } });
    // The live query ran (it read the list row) and found the mark of the copy in memory.
    await vi.waitFor(() => expect(rowReads.mock.calls.some(([key]) => String(key) === incidentId)).toBe(true));
    await settle();
    expect(logReads).not.toHaveBeenCalled();
  });

  it('reads the log when another connection added to it', async () => {
    const { db, commands, incidentId, until } = await openIncident();
    // A tap of this tab first: the live query now finds its own mark and reads only the list row.
    await commands.setStepStatus(incidentId, stepIds()[0]!, 'gedaan');
    await until((events) => events?.length === 2);
    await settle();
    const [created] = await readIncidentEvents(incidentId, db);
    const elsewhere = colleagueEntry(created!);
    const other = openAppDatabase(db.name);
    await importEvents(other, [elsewhere]);
    other.close();

    const events = await until((events) => events?.length === 3);
    expect(events?.map((event) => event.id)).toContain(elsewhere.id);
  });

  it('shows the incident gone when another connection deleted it', async () => {
    const { db, incidentId, until } = await openIncident();
    const other = openAppDatabase(db.name);
    await commandsFor(other).deleteIncident(incidentId);
    other.close();
    expect(await until((events) => events?.length === 0)).toEqual([]);
  });
});
