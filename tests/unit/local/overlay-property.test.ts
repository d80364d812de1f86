import { describe, expect, it } from 'vitest';
import type { Kader, KaderStep, PhaseId } from '../../../src/content/schema.ts';
import { nationalTextHashes } from '../../../src/local/domain/national-text.ts';
import { overlayLocalLayer } from '../../../src/local/domain/overlay.ts';
import type { LocalLayer, LocalStep } from '../../../src/model/local-layer.ts';
import { prng } from '../support/prng.ts';
import {
  annotation,
  contact,
  emptyLayer,
  kaderOf,
  localStep,
  nationalInstrument,
  nationalPartner,
  nationalStep,
} from './local-fixtures.ts';

/**
 * Random national frameworks, random local layers written against them, then a random national
 * update (steps renamed, retired, changed, moved to another phase; instruments retired or
 * changed). After the update, overlaying the same layer must lose nothing local, flag every
 * change, and leave every national step as it is.
 */

const PHASES: PhaseId[] = ['preventie', 'dreiging', 'direct-na', 'nazorg'];
type Random = ReturnType<typeof prng>;

function randomNational(random: Random): Kader {
  const steps: Partial<Record<PhaseId, KaderStep[]>> = {};
  let n = 0;
  for (const phase of PHASES) {
    steps[phase] = Array.from({ length: 1 + random.int(6) }, () => nationalStep(phase, `s${n++}`));
  }
  const instruments = Array.from({ length: random.int(4) }, (_, i) => nationalInstrument(`i${i}`));
  return kaderOf(steps, instruments, [nationalPartner('p0'), nationalPartner('p1')]);
}

function randomLayer(random: Random, national: Kader): LocalLayer {
  const layer = emptyLayer();
  const hashes = nationalTextHashes(national);
  const nationalIds = national.phases.flatMap((p) => p.steps.map((s) => s.id));
  const targets = [...nationalIds, ...national.instruments.map((i) => i.id)];
  for (let i = 0; i < random.int(5); i++) layer.contacts.push(contact(`gm0363-c${i}`, random.pick(['p0', 'p1', 'p9'])));
  for (let i = 0; i < random.int(12); i++) {
    const phase = random.pick(PHASES);
    const candidates = [
      ...national.phases.find((p) => p.id === phase)!.steps.map((s) => s.id),
      ...layer.steps.filter((s) => s.phase === phase).map((s) => s.id),
    ];
    const after = random.next() < 0.2 ? undefined : random.pick(candidates);
    layer.steps.push(localStep(phase, `l${i}`, after));
  }
  for (const target of random.shuffle(targets).slice(0, random.int(targets.length + 1))) {
    layer.annotations.push(annotation(target, hashes(target)!));
  }
  for (const stepId of random.shuffle(nationalIds).slice(0, random.int(3))) {
    layer.notApplicable.push({ stepId, reason: `Niet hier: ${stepId}` });
  }
  return layer;
}

type Change = 'renamed' | 'retired' | 'changed' | 'moved' | 'same';

function randomUpdate(random: Random, national: Kader) {
  const changes = new Map<string, Change>();
  const moved: KaderStep[] = [];
  const phases = national.phases.map((phase) => ({
    ...phase,
    steps: phase.steps.flatMap((step): KaderStep[] => {
      const change = random.pick<Change>(['renamed', 'retired', 'changed', 'moved', 'same', 'same', 'same']);
      changes.set(step.id, change);
      if (change === 'retired') return [];
      if (change === 'renamed') return [{ ...step, id: `${step.id}-nieuw` }];
      if (change === 'changed') return [{ ...step, [random.pick(['title', 'what', 'why'] as const)]: 'Nieuwe tekst' }];
      if (change === 'moved') {
        const to = random.pick(PHASES.filter((p) => p !== phase.id));
        moved.push({ ...step, id: `${to}.${step.id.split('.')[1]}-verplaatst`, phase: to });
        return [];
      }
      return [step];
    }),
  }));
  for (const step of moved) phases.find((p) => p.id === step.phase)!.steps.push(step);
  const instruments = national.instruments.flatMap((instrument) => {
    const change = random.pick<Change>(['retired', 'changed', 'same']);
    changes.set(instrument.id, change);
    if (change === 'retired') return [];
    return change === 'changed' ? [{ ...instrument, allows: 'Nieuw' }] : [instrument];
  });
  return { kader: { ...national, phases, instruments }, changes };
}

function checkOverlay(updated: Kader, layer: LocalLayer, changes: Map<string, Change>, seed: number) {
  const frozen = structuredClone(updated);
  const { kader, view } = overlayLocalLayer(updated, layer);
  const label = `seed ${seed}`;
  expect(updated, label).toEqual(frozen);

  // Every local step is in its phase exactly once; every national step is there, unchanged, in its order.
  const nationalIds = new Set(updated.phases.flatMap((p) => p.steps.map((s) => s.id)));
  for (const [i, phase] of kader.phases.entries()) {
    const national = updated.phases[i]!.steps;
    expect(
      phase.steps.filter((s) => nationalIds.has(s.id)),
      label,
    ).toEqual(national);
    const local = phase.steps.filter((s) => !nationalIds.has(s.id)).map((s) => s.id);
    expect(local.sort(), label).toEqual(
      layer.steps
        .filter((s) => s.phase === phase.id)
        .map((s) => s.id)
        .sort(),
    );
  }
  // A step whose "after" is still in its phase follows it; one whose "after" is gone is flagged.
  const position = new Map(kader.phases.flatMap((p) => p.steps.map((s, i) => [s.id, i] as const)));
  const phaseOf = new Map(kader.phases.flatMap((p) => p.steps.map((s) => [s.id, p.id] as const)));
  const anchorGone = (step: LocalStep) => step.after !== undefined && phaseOf.get(step.after) !== step.phase;
  for (const step of layer.steps) {
    if (anchorGone(step)) {
      expect(view.displaced.get(step.id), label).toBe(step.after);
    } else {
      expect(view.displaced.has(step.id), label).toBe(false);
      if (step.after) expect(position.get(step.id)!, label).toBeGreaterThan(position.get(step.after)!);
    }
  }
  // Every annotation is kept with its text; its state says exactly what happened nationally.
  expect(view.annotations.size, label).toBe(layer.annotations.length);
  for (const note of layer.annotations) {
    const shown = view.annotations.get(note.targetId)!;
    expect(shown.annotation, label).toBe(note);
    const change = changes.get(note.targetId);
    const expected = change === 'same' ? 'actueel' : change === 'changed' ? 'gewijzigd' : 'verweesd';
    expect(shown.state, `${label} ${note.targetId} ${change}`).toBe(expected);
    expect(view.orphans.includes(shown), label).toBe(expected === 'verweesd');
  }
  // Not-applicable marks and contacts are all kept; those that lost their target are listed apart.
  for (const mark of layer.notApplicable) {
    expect(view.notApplicable.get(mark.stepId), label).toBe(mark.reason);
    expect(view.orphanMarks.includes(mark), label).toBe(
      changes.get(mark.stepId) !== 'same' && changes.get(mark.stepId) !== 'changed',
    );
  }
  for (const c of layer.contacts) {
    expect(view.contacts.get(c.id), label).toBe(c);
    expect(view.contactsByPartner.get(c.partnerId!)?.includes(c), label).toBe(true);
    expect(view.orphanContacts.includes(c), label).toBe(c.partnerId === 'p9');
  }
}

describe('the overlay over random national updates', () => {
  it('loses nothing local and flags every change', () => {
    let annotations = 0;
    let displaced = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const random = prng(seed);
      const before = randomNational(random);
      const layer = randomLayer(random, before);
      // Before the update everything is current and in place.
      const { view } = overlayLocalLayer(before, layer);
      expect(
        [...view.annotations.values()].every((a) => a.state === 'actueel'),
        `seed ${seed}`,
      ).toBe(true);
      expect(view.displaced.size, `seed ${seed}`).toBe(0);
      const { kader: updated, changes } = randomUpdate(random, before);
      checkOverlay(updated, layer, changes, seed);
      annotations += layer.annotations.length;
      displaced += overlayLocalLayer(updated, layer).view.displaced.size;
    }
    // The generator really exercised what it claims to.
    expect(annotations).toBeGreaterThan(500);
    expect(displaced).toBeGreaterThan(100);
  });
});
