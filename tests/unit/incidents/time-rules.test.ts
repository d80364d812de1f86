import { describe, expect, it } from 'vitest';
import { elapsedSince, isInFuture, isLongBeforeIncident } from '../../../src/incidents/domain/time-rules.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt } from './helpers.ts';

const now = new Date('2026-03-01T22:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const fixedClock = () => new Date(now);

describe('the timeline rules', () => {
  it('a moment more than a minute after now is in the future; within the minute of slack it is not', () => {
    expect(isInFuture(at(0.9), now)).toBe(false);
    expect(isInFuture(at(1.1), now)).toBe(true);
    expect(isInFuture(at(-600), now)).toBe(false);
    expect(isInFuture('geen datum', now)).toBe(false);
  });

  it('asks to confirm a log time more than a day before the incident', () => {
    const occurredAt = '2026-03-01T21:30:00.000Z';
    expect(isLongBeforeIncident('2026-02-28T21:00:00.000Z', occurredAt)).toBe(true);
    expect(isLongBeforeIncident('2026-02-28T22:00:00.000Z', occurredAt)).toBe(false);
    expect(isLongBeforeIncident('2026-03-01T23:00:00.000Z', occurredAt)).toBe(false);
  });

  it('a device clock behind the incident time reads as a clock problem, not as negative time', () => {
    expect(elapsedSince(at(-90), now)).toEqual({ kind: 'elapsed', minutes: 90 });
    expect(elapsedSince(at(0.5), now)).toEqual({ kind: 'elapsed', minutes: 0 });
    expect(elapsedSince(at(30), now)).toEqual({ kind: 'clock-behind' });
    expect(elapsedSince('onzin', now)).toEqual({ kind: 'unknown' });
  });
});

describe('the commands refuse times in the future', () => {
  const future = { failure: 'invalid', userMessage: expect.stringContaining('in de toekomst') };

  it('an incident that has not happened yet is refused and nothing is stored', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db, { now: fixedClock });
    const before = await dumpDatabase(db);
    await expect(
      commands.createIncident(homeAt('3512AB', '1', { occurredAt: at(5) }), 'direct-na', 'v'),
    ).rejects.toMatchObject(future);
    expect(await dumpDatabase(db)).toEqual(before);
    await expect(
      commands.createIncident(homeAt('3512AB', '1', { occurredAt: at(0.5) }), 'direct-na', 'v'),
    ).resolves.toBeDefined();
  });

  it('a correction of the incident time, a log entry and a corrected log time in the future are refused', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db, { now: fixedClock });
    const { incidentId } = await commands.createIncident(
      homeAt('3512AB', '1', { occurredAt: at(-60) }),
      'direct-na',
      'v',
    );
    const entryId = await commands.addLogEntry(incidentId, 'politie ter plaatse', at(-30));
    const before = await dumpDatabase(db);

    await expect(commands.updateDetails(incidentId, { occurredAt: at(120) })).rejects.toMatchObject(future);
    await expect(commands.addLogEntry(incidentId, 'later', at(24 * 60))).rejects.toMatchObject(future);
    await expect(commands.editEntry(incidentId, entryId, { happenedAt: at(10) })).rejects.toMatchObject(future);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('corrects the time of a log entry as a new event, keeping the old time in its history', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db, { now: fixedClock });
    const { incidentId } = await commands.createIncident(
      homeAt('3512AB', '1', { occurredAt: at(-60) }),
      'direct-na',
      'v',
    );
    const entryId = await commands.addLogEntry(incidentId, 'politie ter plaatse', at(-30));
    await commands.editEntry(incidentId, entryId, { text: 'politie en brandweer ter plaatse', happenedAt: at(-40) });

    const entry = (await readIncidentState(incidentId, db))!.log[0]!;
    expect(entry).toMatchObject({ text: 'politie en brandweer ter plaatse', happenedAt: at(-40), edited: true });
    expect(entry.revisions.map((revision) => revision.happenedAt)).toEqual([at(-30), at(-40)]);
    expect((await readIncidentEvents(incidentId, db)).map((event) => event.type)).toEqual([
      'incident.created',
      'log.entry-added',
      'entry.edited',
    ]);
  });

  it('a refused time does not leave its clock reading for the next event', async () => {
    const db = freshDatabase();
    let time = now.getTime();
    const tick = () => {
      time += 60_000;
      return new Date(time);
    };
    const commands = commandsFor(db, { now: tick });
    const { incidentId } = await commands.createIncident(
      homeAt('3512AB', '1', { occurredAt: at(-60) }),
      'direct-na',
      'v',
    );
    await expect(commands.addLogEntry(incidentId, 'te vroeg', at(60))).rejects.toMatchObject(future);
    await commands.closeIncident(incidentId);
    const events = await readIncidentEvents(incidentId, db);
    // The refused command read the clock at +2 min; the close reads it afresh at +3 min.
    expect(events.at(-1)).toMatchObject({ type: 'incident.closed', at: at(3) });
  });
});
