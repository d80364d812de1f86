import { describe, expect, it } from 'vitest';
import { buildDossier, untouched } from '../../../src/exchange/export/dossier.ts';
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

  it('keeps for a backdated entry both when it happened and when it was recorded', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    await commands.addLogEntry(incidentId, 'Politie ter plaatse', '2026-03-01T21:45:00.000Z');
    await commands.addLogEntry(incidentId, 'Nu vastgelegd');
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      KADER,
      await readIncidentEvents(incidentId, db),
    );
    const backdated = dossier.timeline.find((item) => item.description === 'Logregel: Politie ter plaatse')!;
    expect(backdated.at).toBe('2026-03-01T21:45:00.000Z');
    expect(backdated.writtenAt > backdated.at).toBe(true);
    const now = dossier.timeline.find((item) => item.description === 'Logregel: Nu vastgelegd')!;
    expect(now.writtenAt).toBe(now.at);
  });

  it('marks the steps nobody touched, so a phase of only those is one line', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    await commands.addStepNote(incidentId, 'direct-na.uur-b', 'gebeld');
    await commands.setStepStatus(incidentId, 'direct-na.uur-a', 'gedaan');
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      KADER,
      await readIncidentEvents(incidentId, db),
    );
    const touched = (id: string) =>
      dossier.phases
        .find((phase) => phase.id === id)!
        .steps.filter((step) => !untouched(step))
        .map((step) => step.id);
    expect(touched('direct-na')).toEqual(['direct-na.uur-a', 'direct-na.uur-b']);
    expect(touched('preventie')).toEqual([]);
  });

  it('gives the term, announcement and hearing of a decision where they were recorded', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'test');
    await commands.recordDecision(incidentId, {
      instrumentId: 'sluiting',
      outcome: 'genomen',
      considerations: [],
      motivation: 'herhaling',
      decidedAt: '2026-03-01T21:50:00.000Z',
      term: { start: '2026-03-02', end: '2026-03-16' },
      announcedAt: '2026-03-01',
    });
    const dossier = buildDossier(
      (await readIncidentState(incidentId, db))!,
      KADER,
      await readIncidentEvents(incidentId, db),
    );
    expect(dossier.decisions[0]).toMatchObject({
      term: { start: '2026-03-02', end: '2026-03-16' },
      announcedAt: '2026-03-01',
    });
    expect(dossier.decisions[0]).not.toHaveProperty('hearingAt');
  });
});
