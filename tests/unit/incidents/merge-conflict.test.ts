import { describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/db/settings.ts';
import { importEvents } from '../../../src/incidents/store/import-events.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, dumpDatabase, freshDatabase, homeAt, steppingClock } from './helpers.ts';

const STEP = 'direct-na.salvage-inschakelen';

describe('two devices working on the same incident', () => {
  it('set the same step differently: after exchanging events both phones agree on the latest and keep both', async () => {
    const phoneA = freshDatabase();
    const phoneB = freshDatabase();
    const a = commandsFor(phoneA, { now: steppingClock('2026-03-01T22:00:00.000Z') });
    const b = commandsFor(phoneB, { now: steppingClock('2026-03-01T22:30:00.000Z') });

    const { incidentId } = await a.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await importEvents(phoneB, await readIncidentEvents(incidentId, phoneA));
    await a.setStepStatus(incidentId, STEP, 'gedaan'); // 22:00:01 on A
    await b.setStepStatus(incidentId, STEP, 'nvt', 'geen schade'); // about 22:30 on B: later, wins

    await importEvents(phoneA, await readIncidentEvents(incidentId, phoneB));
    await importEvents(phoneB, await readIncidentEvents(incidentId, phoneA));

    for (const phone of [phoneA, phoneB]) {
      const step = (await readIncidentState(incidentId, phone))!.steps[STEP]!;
      expect(step.status).toBe('nvt');
      expect(step.device).toBe(await getDeviceId(phoneB));
      expect(step.history.map((change) => change.status)).toEqual(['gedaan', 'nvt']);
      expect((await phone.incidents.get(incidentId))!.updatedAt).toBe(step.at);
    }
    expect(await readIncidentEvents(incidentId, phoneA)).toEqual(await readIncidentEvents(incidentId, phoneB));
  });

  it('importing the same events twice adds nothing', async () => {
    const source = freshDatabase();
    const target = freshDatabase();
    const commands = commandsFor(source);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '12'), 'direct-na', '2026.1');
    await commands.addLogEntry(incidentId, 'x');
    const events = await readIncidentEvents(incidentId, source);

    expect((await importEvents(target, events)).added).toBe(2);
    const once = await dumpDatabase(target);
    expect(await importEvents(target, [...events, ...events])).toEqual({ added: 0, incidentIds: [] });
    expect(await dumpDatabase(target)).toEqual(once);
  });
});
