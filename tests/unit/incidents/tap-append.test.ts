import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../src/db/database.ts';
import { logMark, MAX_APPENDED, readAllEvents, readLog } from '../../../src/db/event-log.ts';
import { setActorName } from '../../../src/db/settings.ts';
import { readExportInput } from '../../../src/exchange/export/export.ts';
import { foldIncident } from '../../../src/incidents/domain/fold.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import { importEvents } from '../../../src/incidents/store/import-events.ts';
import { readIncidentEvents } from '../../../src/incidents/store/queries.ts';
import type { IncidentEvent } from '../../../src/model/events.ts';
import { colleagueEntry, commandsFor, freshDatabase, homeAt, realKader, steppingClock } from './helpers.ts';

/**
 * A step tap on a log this tab already holds appends a small row instead of reading
 * and rewriting the whole log. These tests pin down when it may do so, and that a
 * change it did not know about (another tab, an import) is never lost.
 */

const stepIds = () =>
  realKader()
    .phases.find((phase) => phase.id === 'direct-na')!
    .steps.map((step) => step.id);

async function incidentWithOneTap() {
  const db = freshDatabase();
  await setActorName('A. Jansen', db);
  const commands = commandsFor(db);
  const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
  await commands.setStepStatus(incidentId, stepIds()[0]!, 'gedaan');
  return { db, commands, incidentId };
}

async function expectRowMatchesLog(db: ReturnType<typeof freshDatabase>, incidentId: string) {
  const events = await readLog(db, incidentId);
  expect(await db.incidents.get(incidentId)).toEqual({
    ...projectIncident(foldIncident(events)!, realKader()),
    logMark: logMark(events),
  });
}

/** Another tab or an import: a second connection adding an event the first one never saw. */
async function addFromElsewhere(name: string, event: IncidentEvent) {
  const other = openAppDatabase(name);
  await importEvents(other, [event]);
  other.close();
}

describe('a step tap on a known log', () => {
  it('stores the event as its own row, leaves the log row alone, and keeps the list row in step', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const logRowBefore = await db.logs.get(incidentId);

    await commands.setStepStatus(incidentId, stepIds()[1]!, 'later');

    expect(await db.logs.get(incidentId)).toEqual(logRowBefore);
    const appended = await db.appendedEvents.toArray();
    // Both taps: the creation already left this tab holding the log.
    expect(appended.map((event) => [event.type, event.actor])).toEqual([
      ['step.status-set', 'A. Jansen'],
      ['step.status-set', 'A. Jansen'],
    ]);
    const events = await readIncidentEvents(incidentId, db);
    expect(events).toHaveLength(3);
    expect(foldIncident(events)!.steps[stepIds()[1]!]?.status).toBe('later');
    await expectRowMatchesLog(db, incidentId);
  });

  it('does not lose an event another tab added meanwhile: it reads the log and writes both', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const [created] = await readIncidentEvents(incidentId, db);
    const elsewhere = colleagueEntry(created!);
    await addFromElsewhere(db.name, elsewhere);

    await commands.setStepStatus(incidentId, stepIds()[1]!, 'gedaan');

    const events = await readIncidentEvents(incidentId, db);
    expect(events.map((event) => event.type).sort()).toEqual(
      ['incident.created', 'log.entry-added', 'step.status-set', 'step.status-set'].sort(),
    );
    // The ordinary path rewrote the log row with everything.
    expect(await db.appendedEvents.count()).toBe(0);
    await expectRowMatchesLog(db, incidentId);
  });

  it('does not lose a tap another tab appended as a small row (only the appended rows and the list row changed)', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const before = await readLog(db, incidentId);
    const theirs: IncidentEvent = {
      ...before[0]!,
      id: '01KZZZZZZZZZZZZZZZZZZZZZZX',
      at: '2026-03-01T23:00:00.000Z',
      device: 'other-tab',
      type: 'step.status-set',
      payload: { stepId: stepIds()[2]!, status: 'gedaan' },
    };
    // What another tab's fast path writes, through its own connection and without this module's cache.
    const other = openAppDatabase(db.name);
    const after = [...before, theirs];
    await other.transaction('rw', [other.appendedEvents, other.incidents], async () => {
      await other.appendedEvents.add(theirs);
      await other.incidents.put({ ...projectIncident(foldIncident(after)!, realKader()), logMark: logMark(after) });
    });
    other.close();

    await commands.setStepStatus(incidentId, stepIds()[1]!, 'later');

    const events = await readLog(db, incidentId);
    expect(events.map((event) => event.id)).toContain(theirs.id);
    expect(events).toHaveLength(4);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
    await expectRowMatchesLog(db, incidentId);
  });

  it('stores every one of several taps made at once', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const steps = stepIds().slice(1, 6);
    await Promise.all(steps.map((stepId) => commands.setStepStatus(incidentId, stepId, 'gedaan')));
    const state = foldIncident(await readLog(db, incidentId))!;
    for (const stepId of steps) expect(state.steps[stepId]?.status).toBe('gedaan');
    expect(await readLog(db, incidentId)).toHaveLength(2 + steps.length);
    await expectRowMatchesLog(db, incidentId);
  });

  it('ignores appended rows whose incident has no log row (left by an older app version deleting it)', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const [created] = await readLog(db, incidentId);
    await commands.deleteIncident(incidentId);
    await db.appendedEvents.add({
      ...created!,
      id: '01KZZZZZZZZZZZZZZZZZZZZZZW',
      type: 'incident.closed',
      payload: {},
    });
    expect(await readLog(db, incidentId)).toEqual([]);
    expect(await readAllEvents(db)).toEqual([]);
    expect((await readExportInput(db, [incidentId])).incidents).toEqual([]);
  });

  it('refuses a tap on an incident another tab closed, though this tab last saw it open', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const [created] = await readIncidentEvents(incidentId, db);
    await addFromElsewhere(db.name, {
      ...created!,
      id: '01KZZZZZZZZZZZZZZZZZZZZZZY',
      at: '2026-03-01T23:00:00.000Z',
      type: 'incident.closed',
      payload: {},
    });
    await expect(commands.setStepStatus(incidentId, stepIds()[1]!, 'gedaan')).rejects.toMatchObject({
      failure: 'closed',
    });
    expect(await readLog(db, incidentId)).toHaveLength(3);
  });

  it('writes the name the adviser set in another tab, not the one it remembered', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    await setActorName('B. de Boer', db);
    await commands.setStepStatus(incidentId, stepIds()[1]!, 'gedaan');
    const events = await readIncidentEvents(incidentId, db);
    expect(events.at(-1)!.actor).toBe('B. de Boer');
  });

  it('folds the appended rows back into the log row once there are enough of them', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const steps = stepIds();
    for (let i = 1; i < MAX_APPENDED; i++) {
      await commands.setStepStatus(incidentId, steps[i % steps.length]!, i % 2 ? 'gedaan' : 'later');
    }
    expect(await db.appendedEvents.count()).toBe(MAX_APPENDED);
    await commands.setStepStatus(incidentId, steps[0]!, 'open');
    expect(await db.appendedEvents.count()).toBe(0);
    expect((await db.logs.get(incidentId))!.events).toHaveLength(MAX_APPENDED + 2);
    await expectRowMatchesLog(db, incidentId);
  });

  it('goes into exports and is removed with its incident', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    await commands.setStepStatus(incidentId, stepIds()[1]!, 'nvt', 'Geen buren');
    const { incidents } = await readExportInput(db, 'all');
    expect(incidents[0]!.events.map((event) => event.type)).toContain('step.status-set');
    expect(incidents[0]!.events).toHaveLength(3);

    await commands.deleteIncident(incidentId);
    expect(await db.appendedEvents.count()).toBe(0);
    expect(await db.logs.count()).toBe(0);
    expect(await readIncidentEvents(incidentId, db)).toEqual([]);
  });

  it('a second device with the same incident but other events never borrows this one’s log', async () => {
    const { db, commands, incidentId } = await incidentWithOneTap();
    const events = await readIncidentEvents(incidentId, db);
    // The same incident on another device, with only its creation: equal id, other log.
    const other = freshDatabase();
    const otherCommands = commandsFor(other, { now: steppingClock('2026-03-02T08:00:00.000Z') });
    await importEvents(other, [events[0]!]);
    await otherCommands.setStepStatus(incidentId, stepIds()[2]!, 'gedaan');
    await commands.setStepStatus(incidentId, stepIds()[3]!, 'gedaan');

    expect(await readLog(other, incidentId)).toHaveLength(2);
    expect(await readLog(db, incidentId)).toHaveLength(3);
    await expectRowMatchesLog(other, incidentId);
    await expectRowMatchesLog(db, incidentId);
  });
});
