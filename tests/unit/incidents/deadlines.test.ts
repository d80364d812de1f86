import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../src/content/schema.ts';
import { decisionDeadlines, dueAt } from '../../../src/incidents/domain/deadlines.ts';
import { isDecisionInstrument, measureLabel } from '../../../src/incidents/domain/decision-instruments.ts';
import { homeStepOf } from '../../../src/incidents/domain/decision-steps.ts';
import type { Decision } from '../../../src/incidents/domain/incident-state.ts';
import { dueText } from '../../../src/incidents/screens/due-text.ts';
import { readIncidentState } from '../../../src/incidents/store/queries.ts';
import { commandsFor, freshDatabase, homeAt } from './helpers.ts';

const decision = (fields: Partial<Decision>): Decision => ({
  id: 'd1',
  kind: 'decision',
  writtenAt: '2026-03-01T22:00:00.000Z',
  actor: 'AB',
  device: 'x',
  edited: false,
  revisions: [],
  instrumentId: 'gemw-174a-b',
  outcome: 'genomen',
  considerations: [],
  motivation: 'm',
  decidedAt: '2026-03-01T21:00:00.000Z',
  ...fields,
});

/** Noon local time, so the calendar date is the same in every time zone the tests run in. */
const on = (date: string) => new Date(`${date}T12:00:00`);

describe('what a decision makes due', () => {
  it('a closure with a term gives its start, end, the extension review a week before, and a hearing', () => {
    const deadlines = decisionDeadlines({
      decisions: [
        decision({ term: { start: '2026-03-02', end: '2026-03-16' }, hearingAt: '2026-03-10T09:00:00.000Z' }),
      ],
    });
    expect(deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['term-starts', '2026-03-02'],
      ['review-extension', '2026-03-09'],
      ['hearing', '2026-03-10T09:00:00.000Z'],
      ['term-ends', '2026-03-16'],
    ]);
  });

  it('counts nothing for a decision not taken, withdrawn, or without dates', () => {
    const withdrawn = { at: '', actor: '', device: '', eventId: '', reason: 'fout' };
    expect(
      decisionDeadlines({
        decisions: [
          decision({ outcome: 'niet-genomen', term: { end: '2026-03-16' } }),
          decision({ withdrawn, term: { end: '2026-03-16' } }),
          decision({}),
        ],
      }),
    ).toEqual([]);
  });

  it('counts days on the device calendar; an ended term stays in view for a week', () => {
    const deadlines = decisionDeadlines({
      decisions: [decision({ term: { start: '2026-03-02', end: '2026-03-16' } })],
    });
    expect(dueAt(deadlines, on('2026-03-13')).map((d) => [d.kind, d.days])).toEqual([['term-ends', 3]]);
    expect(dueAt(deadlines, on('2026-03-01')).map((d) => [d.kind, d.days])).toEqual([
      ['term-starts', 1],
      ['review-extension', 8],
      ['term-ends', 15],
    ]);
    expect(dueAt(deadlines, on('2026-03-23')).map((d) => d.days)).toEqual([-7]);
    expect(dueAt(deadlines, on('2026-03-24'))).toEqual([]);
  });

  it('says it in Dutch: days left, the review date, the hearing', () => {
    const deadlines = decisionDeadlines({
      // Local 09:00, whatever zone the tests run in.
      decisions: [decision({ term: { end: '2026-03-16' }, hearingAt: new Date('2026-03-14T09:00:00').toISOString() })],
    });
    const texts = dueAt(deadlines, on('2026-03-13')).map((item) => dueText(item, 'Sluiting'));
    expect(texts).toEqual(['Hoorzitting gepland op 14 mrt 2026, 09:00', 'Sluiting loopt af over 3 dagen']);
    const review = dueAt(deadlines, on('2026-03-08')).find((item) => item.kind === 'review-extension')!;
    expect(dueText(review, 'Sluiting')).toBe('Beoordeel verlenging vóór 9 mrt 2026');
    const ending = dueAt(deadlines, on('2026-03-15')).find((item) => item.kind === 'term-ends')!;
    expect(dueText(ending, 'Sluiting')).toBe('Sluiting loopt morgen af');
  });

  it('offers only instruments that are decisions, and names closures as such', () => {
    const instrument = (id: string, name: string, duration?: string) =>
      ({ id, name, duration }) as Pick<Instrument, 'id' | 'name' | 'duration'>;
    expect(isDecisionInstrument(instrument('gemw-174a-b', 'Sluiting', 'Altijd een vaste termijn.'))).toBe(true);
    expect(isDecisionInstrument(instrument('gemw-174a-termijn', 'Sluiting - duur', 'Bezwaar schorst niet.'))).toBe(
      false,
    );
    expect(isDecisionInstrument(instrument('nadeelcompensatie', 'Nadeelcompensatie'))).toBe(false);
    expect(measureLabel(instrument('gemw-174a-b', 'Sluiting woning of lokaal bij ernstig geweld (b-grond)'))).toBe(
      'Sluiting',
    );
    expect(measureLabel(instrument('gemw-175', 'Noodbevel'))).toBe('Noodbevel');
  });
});

describe('a decision with a term, through the commands', () => {
  it('is stored with its term and announcement, and the list row carries what is due', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    await commands.recordDecision(incidentId, {
      instrumentId: 'gemw-174a-b',
      outcome: 'genomen',
      considerations: [],
      motivation: 'ernstig geweld',
      decidedAt: '2026-03-01T21:45:00.000Z',
      term: { start: '2026-03-02', end: '2026-03-16' },
      announcedAt: '2026-03-01',
    });
    const state = await readIncidentState(incidentId, db);
    expect(state!.decisions[0]).toMatchObject({
      term: { start: '2026-03-02', end: '2026-03-16' },
      announcedAt: '2026-03-01',
    });
    const row = await db.incidents.get(incidentId);
    expect(row!.deadlines?.map((d) => d.kind)).toEqual(['term-starts', 'review-extension', 'term-ends']);
  });

  it('refuses an end before the start and an announcement in the future, storing nothing', async () => {
    const db = freshDatabase();
    const commands = commandsFor(db);
    const { incidentId } = await commands.createIncident(homeAt('3512AB', '1'), 'direct-na', 'v');
    const base = {
      instrumentId: 'gemw-174a-b',
      outcome: 'genomen' as const,
      considerations: [],
      motivation: 'm',
      decidedAt: '2026-03-01T21:45:00.000Z',
    };
    await expect(
      commands.recordDecision(incidentId, { ...base, term: { start: '2026-03-16', end: '2026-03-02' } }),
    ).rejects.toMatchObject({ failure: 'invalid' });
    await expect(commands.recordDecision(incidentId, { ...base, announcedAt: '2026-04-01' })).rejects.toMatchObject({
      userMessage: expect.stringContaining('toekomst'),
    });
    expect((await readIncidentState(incidentId, db))!.decisions).toEqual([]);
  });
});

describe('a decision counted once', () => {
  const kader = {
    phases: [
      { steps: [{ id: 'a', instruments: ['x'] }] },
      {
        steps: [
          { id: 'b', instruments: ['y', 'x'] },
          { id: 'c', instruments: ['x'] },
        ],
      },
    ],
  } as unknown as Parameters<typeof homeStepOf>[1];

  it('belongs to the step where it was recorded, else to the first step offering its instrument', () => {
    expect(homeStepOf({ stepId: 'c', instrumentId: 'x' }, kader)).toBe('c');
    expect(homeStepOf({ instrumentId: 'x' }, kader)).toBe('a');
    expect(homeStepOf({ instrumentId: 'y' }, kader)).toBe('b');
    expect(homeStepOf({ instrumentId: 'z' }, kader)).toBeUndefined();
  });
});
