import { describe, expect, it } from 'vitest';
import { deriveChecklist, phaseProgress } from '../../../src/incidents/domain/checklist.ts';
import type { IncidentState } from '../../../src/incidents/domain/incident-state.ts';
import { projectIncident } from '../../../src/incidents/domain/projection.ts';
import { overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import type { IncidentDetails, StepStatus } from '../../../src/model/events.ts';
import { notApplicableHere } from '../../../src/model/local-layer.ts';
import { SMALL_KADER } from '../incidents/small-kader.ts';
import { emptyLayer } from './local-fixtures.ts';

const occurredAt = '2026-03-01T20:00:00.000Z';
function incident(statuses: Record<string, StepStatus> = {}) {
  const steps: IncidentState['steps'] = {};
  for (const [stepId, status] of Object.entries(statuses)) {
    const change = { status, at: occurredAt, actor: 'AB', device: 'd', eventId: `e-${stepId}` };
    steps[stepId] = { ...change, history: [change] };
  }
  const details = { kind: 'explosie', target: 'woning', municipality: 'Utrecht', occurredAt } as IncidentDetails;
  return { details, steps };
}
const directNa = <T extends { phase: string }>(phases: T[]) => phases.find((p) => p.phase === 'direct-na')!;

describe('a step marked "not applicable here" in an incident checklist', () => {
  const stepId = 'direct-na.uur-a';
  const layer = { ...emptyLayer(), notApplicable: [{ stepId, reason: 'Regelen wij regionaal.' }] };
  const { kader } = overlayLocalLayer(SMALL_KADER, layer);

  it('is not counted as open work, in the checklist and in the list row', () => {
    const without = directNa(phaseProgress(SMALL_KADER, incident()));
    const withMark = directNa(phaseProgress(kader, incident()));
    expect(withMark.applicable).toBe(without.applicable - 1);
    const checklist = directNa(deriveChecklist(kader, incident(), new Date(occurredAt)));
    expect(checklist.applicable).toBe(withMark.applicable);
    // Still listed: the national text stays visible, the screen says it does not apply here.
    expect(checklist.items.map((item) => item.step.id)).toContain(stepId);
    const state = {
      ...incident(),
      id: 'i',
      contentVersion: 'v',
      status: 'open',
      links: [],
      decisions: [],
    } as unknown as IncidentState;
    expect(projectIncident(state, kader).progress['direct-na']?.applicable).toBe(withMark.applicable);
  });

  it('counts as done when the adviser did it anyway', () => {
    const progress = directNa(phaseProgress(kader, incident({ [stepId]: 'gedaan' })));
    const national = directNa(phaseProgress(SMALL_KADER, incident({ [stepId]: 'gedaan' })));
    expect(progress).toMatchObject({ done: 1, applicable: national.applicable });
  });

  it('never marks the national framework itself', () => {
    expect(notApplicableHere(SMALL_KADER).size).toBe(0);
    expect(notApplicableHere(overlayLocalLayer(SMALL_KADER, emptyLayer()).kader).size).toBe(0);
  });
});
