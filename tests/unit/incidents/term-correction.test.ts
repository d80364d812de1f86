import { describe, expect, it } from 'vitest';
import { indexKader } from '../../../src/content/kader-index.ts';
import { buildTimeline } from '../../../src/incidents/domain/timeline.ts';
import { readIncidentEvents, readIncidentState } from '../../../src/incidents/store/queries.ts';
import { describeDecisionDatesChange } from '../../../src/ui/format-term.ts';
import { commandsFor, freshDatabase, homeAt, realKader } from './helpers.ts';

const closure = {
  instrumentId: 'gemw-174a-b',
  outcome: 'genomen' as const,
  considerations: [],
  motivation: 'ernstig geweld',
  decidedAt: '2026-03-01T21:45:00.000Z',
  term: { start: '2026-03-02', end: '2026-03-16' },
};

describe("correcting a decision's term after saving", () => {
  it('is a new event: the decision and its deadlines take the new term, the logbook keeps the old one', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    const decisionId = await commands.recordDecision(incidentId, closure);
    await commands.editEntry(incidentId, decisionId, {
      decision: { term: { start: '2026-03-02', end: '2026-06-01' } },
    });

    const events = await readIncidentEvents(incidentId, db);
    expect(events.find((e) => e.id === decisionId)!.payload).toMatchObject({ term: closure.term });
    const state = (await readIncidentState(incidentId, db))!;
    const decision = state.decisions[0]!;
    expect(decision.term).toEqual({ start: '2026-03-02', end: '2026-06-01' });
    expect(decision.motivation).toBe('ernstig geweld');
    expect(decision.revisions.map((r) => r.term?.end)).toEqual(['2026-03-16', '2026-06-01']);
    const row = await db.incidents.get(incidentId);
    expect(row!.deadlines?.find((d) => d.kind === 'term-ends')?.date).toBe('2026-06-01');

    const correction = buildTimeline(events, state, indexKader(realKader())).find((i) => i.decisionChange);
    expect(correction?.title).toBe('Besluit gecorrigeerd');
    expect(correction?.decisionChange).toEqual({
      from: { term: { start: '2026-03-02', end: '2026-03-16' } },
      to: { term: { start: '2026-03-02', end: '2026-06-01' } },
    });
    const [line] = describeDecisionDatesChange(correction!.decisionChange!);
    expect(line).toMatch(/^Termijn gewijzigd: was van .+ tot en met 16 mrt 2026, nu van .+ tot en met 1 jun 2026\.$/);
  });

  it('can remove a term entered by mistake, and refuses an end before the start without writing', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    const decisionId = await commands.recordDecision(incidentId, closure);
    await expect(
      commands.editEntry(incidentId, decisionId, { decision: { term: { start: '2026-03-20', end: '2026-03-16' } } }),
    ).rejects.toMatchObject({ failure: 'invalid' });
    expect((await readIncidentEvents(incidentId, db)).length).toBe(2);

    await commands.editEntry(incidentId, decisionId, { decision: { term: {} } });
    const state = (await readIncidentState(incidentId, db))!;
    expect(state.decisions[0]!.term).toBeUndefined();
    expect((await db.incidents.get(incidentId))!.deadlines ?? []).toEqual([]);
  });
});
