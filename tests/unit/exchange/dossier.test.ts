import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../src/exchange/export/dossier.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, freshDatabase, homeAt } from '../incidents/helpers.ts';
import { SMALL_KADER } from '../incidents/small-kader.ts';

const KADER = {
  ...SMALL_KADER,
  instruments: [{ id: 'sluiting', name: 'Sluiting woning', article: 'art. 174a Gemeentewet' }],
  considerations: [{ id: 'evenredigheid', title: 'Evenredigheid' }],
} as unknown as typeof SMALL_KADER;

describe('the dossier', () => {
  it('gives decisions with their legal basis and weighed considerations, steps per phase and a chronological timeline', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    await commands.setStepStatus(incidentId, 'direct-na.uur-a', 'gedaan');
    await commands.recordDecision(incidentId, {
      instrumentId: 'sluiting',
      outcome: 'genomen',
      considerations: [{ considerationId: 'evenredigheid', checked: true, note: 'zwaar' }],
      motivation: 'herhaling',
      decidedAt: '2026-03-01T23:00:00.000Z',
    });
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      KADER,
      await readIncidentEvents(incidentId, db),
    );
    expect(dossier.incident.title).toBe('Dorpsstraat 1, Utrecht');
    expect(dossier.decisions[0]).toMatchObject({
      instrument: { name: 'Sluiting woning', article: 'art. 174a Gemeentewet' },
      outcome: 'genomen',
      motivation: 'herhaling',
      considerations: [{ id: 'evenredigheid', title: 'Evenredigheid', checked: true, note: 'zwaar' }],
    });
    const direct = dossier.phases.find((phase) => phase.id === 'direct-na')!;
    expect(direct.steps.find((step) => step.id === 'direct-na.uur-a')).toMatchObject({ status: 'gedaan' });
    expect(dossier.timeline.map((item) => item.type)).toEqual([
      'incident.created',
      'step.status-set',
      'decision.recorded',
    ]);
    expect(dossier.timeline[2]!.description).toBe('Besluit (genomen): Sluiting woning: herhaling');
  });
});
