import type { Kader, KaderStep, PhaseId, Target, TimeWindowId } from '../../../src/content/schema.ts';

/** A tiny framework with known steps, for tests that check exact order and counts. */
function step(phase: PhaseId, name: string, targets: Target[], timeWindow?: TimeWindowId): KaderStep {
  return {
    id: `${phase}.${name}`,
    phase,
    title: name,
    what: name,
    why: name,
    kind: 'praktisch',
    actor: 'gemeente',
    targets,
    ...(timeWindow ? { timeWindow } : {}),
    instruments: [],
    considerations: [],
    partners: [],
    sources: ['test'],
    briefRows: [],
    checkedOn: '2026-12-01',
    review: 'concept',
  };
}

const phase = (id: PhaseId, steps: KaderStep[]) => ({
  id,
  title: id,
  shortTitle: id,
  purpose: id,
  timeWindows: [],
  steps,
});

export const SMALL_KADER: Kader = {
  format: 'handelingskader-kader',
  version: 'test',
  contentHash: 'test',
  title: 'test',
  publisher: 'test',
  disclaimer: 'test',
  phases: [
    phase('preventie', [step('preventie', 'beleid', ['woning', 'bedrijf', 'voertuig'])]),
    phase('dreiging', [step('dreiging', 'weeg', ['woning', 'bedrijf']), step('dreiging', 'auto', ['voertuig'])]),
    phase('direct-na', [
      step('direct-na', 'week-a', ['woning'], 'eerste-week'),
      step('direct-na', 'zonder-venster', ['woning']),
      step('direct-na', 'uur-a', ['woning', 'bedrijf'], 'eerste-uur'),
      step('direct-na', 'dag-a', ['woning'], 'eerste-dag'),
      step('direct-na', 'uur-b', ['woning'], 'eerste-uur'),
      step('direct-na', 'dag-voertuig', ['voertuig'], 'eerste-dag'),
      step('direct-na', 'dag-b', ['woning'], 'eerste-dag'),
    ]),
    phase('nazorg', [step('nazorg', 'evaluatie', ['woning', 'bedrijf', 'voertuig'])]),
  ],
  instruments: [],
  partners: [],
  considerations: [],
  sources: [],
  glossary: [],
  changelog: [],
};
