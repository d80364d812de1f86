import { describe, expect, it } from 'vitest';
import { currentTimeWindow, deriveChecklist } from '../../../src/incidents/domain/checklist.ts';
import type { IncidentState } from '../../../src/incidents/domain/incident-state.ts';
import type { IncidentDetails, StepStatus } from '../../../src/model/events.ts';
import { realKader } from './helpers.ts';
import { SMALL_KADER } from './small-kader.ts';

const occurredAt = '2026-03-01T20:00:00.000Z';
const hoursLater = (hours: number) => new Date(Date.parse(occurredAt) + hours * 3_600_000);

function incident(target: IncidentDetails['target'], statuses: Record<string, StepStatus> = {}) {
  const steps: IncidentState['steps'] = {};
  for (const [stepId, status] of Object.entries(statuses)) {
    const change = { status, at: occurredAt, actor: 'AB', device: 'd', eventId: `e-${stepId}` };
    steps[stepId] = { ...change, history: [change] };
  }
  return { details: { kind: 'explosie', target, municipality: 'Utrecht', occurredAt } as IncidentDetails, steps };
}

const directNa = (checklist: ReturnType<typeof deriveChecklist>) =>
  checklist.find((phase) => phase.phase === 'direct-na')!;
const names = (phase: ReturnType<typeof directNa>) => phase.items.map((item) => item.step.id.replace('direct-na.', ''));

describe('deriveChecklist', () => {
  it('picks the time window by hours since the incident', () => {
    expect(currentTimeWindow(occurredAt, hoursLater(0.5))).toBe('eerste-uur');
    expect(currentTimeWindow(occurredAt, hoursLater(1))).toBe('eerste-dag');
    expect(currentTimeWindow(occurredAt, hoursLater(23.9))).toBe('eerste-dag');
    expect(currentTimeWindow(occurredAt, hoursLater(24))).toBe('eerste-week');
    expect(currentTimeWindow(occurredAt, hoursLater(-2))).toBe('eerste-uur');
  });

  it('in the first hour, the first-hour steps come first and nothing is overdue', () => {
    const phase = directNa(deriveChecklist(SMALL_KADER, incident('woning'), hoursLater(0.2)));
    expect(phase.currentWindow).toBe('eerste-uur');
    expect(names(phase)).toEqual(['uur-a', 'uur-b', 'dag-a', 'dag-b', 'week-a', 'zonder-venster']);
    expect(phase.items.some((item) => item.overdue)).toBe(false);
  });

  it('on the first day, open first-hour steps come first as overdue, then the day steps, then the done ones', () => {
    const phase = directNa(
      deriveChecklist(SMALL_KADER, incident('woning', { 'direct-na.uur-a': 'gedaan' }), hoursLater(3)),
    );
    expect(phase.currentWindow).toBe('eerste-dag');
    expect(names(phase)).toEqual(['uur-b', 'dag-a', 'dag-b', 'uur-a', 'week-a', 'zonder-venster']);
    const overdue = phase.items.filter((item) => item.overdue).map((item) => item.step.id);
    expect(overdue).toEqual(['direct-na.uur-b']);
  });

  it('in the first week, postponed and open steps of earlier windows come first as overdue; not-applicable ones do not', () => {
    const statuses = { 'direct-na.uur-a': 'later', 'direct-na.dag-a': 'nvt', 'direct-na.dag-b': 'gedaan' } as const;
    const phase = directNa(deriveChecklist(SMALL_KADER, incident('woning', statuses), hoursLater(30)));
    expect(names(phase)).toEqual(['uur-a', 'uur-b', 'week-a', 'dag-a', 'dag-b', 'zonder-venster']);
    expect(phase.items.filter((item) => item.overdue).map((item) => item.step.id)).toEqual([
      'direct-na.uur-a',
      'direct-na.uur-b',
    ]);
    expect(phase).toMatchObject({ done: 1, applicable: 5 });
  });

  it('only shows steps for the incident target, in every phase', () => {
    const checklist = deriveChecklist(SMALL_KADER, incident('voertuig'), hoursLater(3));
    expect(checklist.map((phase) => phase.items.map((item) => item.step.id))).toEqual([
      ['preventie.beleid'],
      ['dreiging.auto'],
      ['direct-na.dag-voertuig'],
      ['nazorg.evaluatie'],
    ]);
  });

  it('works on the real content: every step shown fits the target and each phase counts its own', () => {
    const kader = realKader();
    for (const target of ['woning', 'bedrijf', 'voertuig'] as const) {
      for (const phase of deriveChecklist(kader, incident(target), hoursLater(5))) {
        expect(phase.items.every((item) => item.step.targets.includes(target))).toBe(true);
        expect(phase.applicable).toBe(phase.items.length);
        expect(phase.done).toBe(0);
      }
    }
  });
});
