import { indexKader, type KaderIndex } from '../../content/kader-index.ts';
import type { Kader, KaderPhase, KaderStep, Source } from '../../content/schema.ts';
import type {
  AnnotationView,
  LocalContact,
  LocalLayer,
  LocalOverlayView,
  LocalStep,
  NotApplicableMark,
} from '../../model/local-layer.ts';
import { markNotApplicableHere } from '../../model/local-layer.ts';
import { annotationState, nationalTextHashes } from './national-text.ts';

/**
 * Lays the municipality's layer over the national framework. Pure: the same framework and
 * layer give the same result, and neither is changed.
 *
 * - Local steps are inserted into their phase right after their `after` step (national or
 *   local; a chain of local steps keeps its order). Without `after` a step comes first in its
 *   phase. If `after` is no longer in that phase (retired, renamed or moved nationally) the step
 *   goes to the end of its phase and is listed in `view.displaced`: it is never dropped.
 * - National steps, instruments and their texts are passed on as they are: local entries only
 *   add or annotate. Annotations, not-applicable marks and contacts are returned in the view,
 *   with what lost its national target listed apart (orphans), never dropped.
 */
export interface OverlaidKader {
  kader: Kader;
  view: LocalOverlayView;
}

export function overlayLocalLayer(national: Kader, layer: LocalLayer): OverlaidKader {
  const localSteps = new Map<string, LocalStep>();
  for (const step of layer.steps) if (!localSteps.has(step.id)) localSteps.set(step.id, step);
  const nationalStepIds = new Set(national.phases.flatMap((phase) => phase.steps.map((step) => step.id)));
  // A local id that equals a national one cannot be inserted without hiding national text; the
  // content build refuses national ids in the local namespace, so this only guards a forged layer.
  for (const id of localSteps.keys()) if (nationalStepIds.has(id)) localSteps.delete(id);

  const partnerIds = new Set(national.partners.map((partner) => partner.id));
  const displaced = new Map<string, string>();
  const localSources: Source[] = [];
  const asKaderStep = (step: LocalStep): KaderStep => {
    const sourceIds = step.sources.map((source, i) => {
      const id = `${step.id}.bron-${i + 1}`;
      localSources.push({ id, kind: 'web', title: source.title, ...(source.url ? { url: source.url } : {}) });
      return id;
    });
    return {
      id: step.id,
      phase: step.phase,
      title: step.title,
      what: step.what,
      why: step.why,
      kind: step.kind,
      actor: step.actor,
      targets: [...step.targets],
      ...(step.timeWindow ? { timeWindow: step.timeWindow } : {}),
      ...(step.timing ? { timing: step.timing } : {}),
      instruments: [],
      considerations: [],
      // Only partners this framework knows: the screens look each one up.
      partners: step.partners.filter((id) => partnerIds.has(id)),
      sources: sourceIds,
      briefRows: [],
      // Local steps are the municipality's own text; nobody reviewed them nationally.
      review: 'concept',
      checkedOn: (step.changedAt ?? national.changelog[0]?.date ?? '1970-01-01').slice(0, 10),
    };
  };

  const phases = national.phases.map((phase) =>
    placeLocalSteps(phase, [...localSteps.values()], displaced, asKaderStep),
  );
  // A new object whenever the layer marks steps: the marks are attached to it, never to the national one.
  const kader: Kader =
    localSteps.size || layer.notApplicable.length
      ? markNotApplicableHere(
          { ...national, phases, sources: [...national.sources, ...localSources] },
          layer.notApplicable.map((mark) => mark.stepId),
        )
      : national;
  return { kader, view: overlayView(national, layer, localSteps, displaced) };
}

function placeLocalSteps(
  phase: KaderPhase,
  all: readonly LocalStep[],
  displaced: Map<string, string>,
  asKaderStep: (step: LocalStep) => KaderStep,
): KaderPhase {
  const own = all.filter((step) => step.phase === phase.id);
  if (own.length === 0) return phase;
  const FIRST = '';
  const following = new Map<string, LocalStep[]>();
  for (const step of own) {
    const anchor = step.after ?? FIRST;
    following.set(anchor, [...(following.get(anchor) ?? []), step]);
  }
  const steps: KaderStep[] = [];
  const placed = new Set<string>();
  const emitChain = (anchor: string) => {
    for (const step of following.get(anchor) ?? []) {
      if (placed.has(step.id)) continue;
      placed.add(step.id);
      steps.push(asKaderStep(step));
      emitChain(step.id);
    }
  };
  emitChain(FIRST);
  for (const step of phase.steps) {
    steps.push(step);
    emitChain(step.id);
  }
  // What is left follows a step that is not in this phase: at the end, flagged, with its own chain
  // after it. Then whatever still is left is a loop of local steps following each other.
  const ownIds = new Set(own.map((step) => step.id));
  const placeAtEnd = (step: LocalStep) => {
    displaced.set(step.id, step.after ?? FIRST);
    placed.add(step.id);
    steps.push(asKaderStep(step));
    emitChain(step.id);
  };
  for (const step of own) if (!placed.has(step.id) && !ownIds.has(step.after ?? FIRST)) placeAtEnd(step);
  for (const step of own) if (!placed.has(step.id)) placeAtEnd(step);
  return { ...phase, steps };
}

function overlayView(
  national: Kader,
  layer: LocalLayer,
  localSteps: ReadonlyMap<string, LocalStep>,
  displaced: ReadonlyMap<string, string>,
): LocalOverlayView {
  const contacts = new Map(layer.contacts.map((contact) => [contact.id, contact] as const));
  const partnerIds = new Set(national.partners.map((partner) => partner.id));
  const contactsByPartner = new Map<string, LocalContact[]>();
  const orphanContacts: LocalContact[] = [];
  for (const contact of contacts.values()) {
    if (contact.partnerId === undefined) continue;
    contactsByPartner.set(contact.partnerId, [...(contactsByPartner.get(contact.partnerId) ?? []), contact]);
    if (!partnerIds.has(contact.partnerId)) orphanContacts.push(contact);
  }

  const hashes = nationalTextHashes(national);
  const annotations = new Map<string, AnnotationView>();
  const orphans: AnnotationView[] = [];
  for (const annotation of layer.annotations) {
    const view: AnnotationView = {
      annotation,
      contacts: annotation.contacts.flatMap((id) => contacts.get(id) ?? []),
      state: annotationState(annotation, hashes),
    };
    annotations.set(annotation.targetId, view);
    if (view.state === 'verweesd') orphans.push(view);
  }

  const nationalStepIds = new Set(national.phases.flatMap((phase) => phase.steps.map((step) => step.id)));
  const notApplicable = new Map<string, string>();
  const orphanMarks: NotApplicableMark[] = [];
  for (const mark of layer.notApplicable) {
    notApplicable.set(mark.stepId, mark.reason);
    if (!nationalStepIds.has(mark.stepId)) orphanMarks.push(mark);
  }

  return {
    municipality: layer.municipality,
    municipalityCode: layer.municipalityCode,
    revision: layer.revision,
    contactsByPartner,
    contacts,
    annotations,
    notApplicable,
    localStepIds: new Set(localSteps.keys()),
    localSteps,
    displaced,
    orphans,
    orphanMarks,
    orphanContacts,
  };
}

/** The framework's lookup tables with the layer laid over it: what the app's screens read. */
export function overlaidIndex(national: Kader, layer: LocalLayer): KaderIndex {
  const { kader, view } = overlayLocalLayer(national, layer);
  return indexKader(kader, view);
}
