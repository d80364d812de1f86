import { describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/db/settings.ts';
import { IncidentCommandError } from '../../../src/incidents/domain/incident-command-error.ts';
import { LIMITS } from '../../../src/model/limits.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt } from './helpers.ts';

describe('what a command accepts is what an export can carry', () => {
  it('refuses texts and details longer than the exchange format allows, writing nothing', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', '2026.1');
    const before = await dumpDatabase(db);
    const tooLong = 'x'.repeat(LIMITS.freeText + 1);
    await expect(commands.addLogEntry(incidentId, tooLong)).rejects.toBeInstanceOf(IncidentCommandError);
    await expect(commands.setStepStatus(incidentId, 'direct-na.x', 'nvt', tooLong)).rejects.toThrow(/te lang/);
    await expect(
      commands.createIncident(homeAt('3512AB', '1', { municipality: 'G'.repeat(LIMITS.name + 1) }), 'direct-na', 'v'),
    ).rejects.toThrow(/De gemeente is te lang/);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('refuses a date whose year has more than four digits', async () => {
    const commands = commandsFor(freshDatabase());
    await expect(
      commands.createIncident(homeAt('3512AB', '1', { occurredAt: '+020260-03-01T10:00:00.000Z' }), 'direct-na', 'v'),
    ).rejects.toThrow(/geldige datum/);
  });

  it('a refused first write does not leave this tab with a device id that was never stored', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    await expect(
      commands.createIncident(homeAt('3512AB', '1', { occurredAt: 'gisteren' }), 'direct-na', 'v'),
    ).rejects.toBeInstanceOf(IncidentCommandError);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    const stored = await getDeviceId(db);
    const events = (await db.logs.get(incidentId))?.events ?? [];
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.device).toBe(stored);
  });
});
