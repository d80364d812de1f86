import type { LocalOverlayView } from '../model/local-layer.ts';
import { createTermMatcher, type TermMatcher } from './glossary.ts';
import type {
  Consideration,
  Instrument,
  Kader,
  KaderPhase,
  KaderStep,
  Partner,
  PhaseId,
  Source,
  Target,
} from './schema.ts';

/** Lookup tables over the framework, built once when it loads. */
export interface KaderIndex {
  kader: Kader;
  phase: Map<PhaseId, KaderPhase>;
  step: Map<string, KaderStep>;
  instrument: Map<string, Instrument>;
  partner: Map<string, Partner>;
  consideration: Map<string, Consideration>;
  source: Map<string, Source>;
  /** Finds glossary terms in running text. */
  terms: TermMatcher;
  /** Steps that use an instrument, for the instrument page. */
  stepsByInstrument: Map<string, KaderStep[]>;
  /**
   * The municipality's local layer, when one is loaded: `kader` then holds the local steps in
   * its phases (see local/domain/overlay.ts), and this says which are local and adds contacts,
   * notes and not-applicable marks. Absent: the national framework alone.
   */
  local?: LocalOverlayView;
}

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((item) => [item.id, item]));

export function indexKader(kader: Kader, local?: LocalOverlayView): KaderIndex {
  const steps = kader.phases.flatMap((p) => p.steps);
  const stepsByInstrument = new Map<string, KaderStep[]>();
  for (const step of steps) {
    for (const id of step.instruments) stepsByInstrument.set(id, [...(stepsByInstrument.get(id) ?? []), step]);
  }
  return {
    kader,
    phase: new Map(kader.phases.map((p) => [p.id, p])),
    step: byId(steps),
    instrument: byId(kader.instruments),
    partner: byId(kader.partners),
    consideration: byId(kader.considerations),
    source: byId(kader.sources),
    terms: createTermMatcher(kader.glossary),
    stepsByInstrument,
    ...(local ? { local } : {}),
  };
}

export function stepsForTarget(steps: readonly KaderStep[], target: Target | undefined): KaderStep[] {
  return target ? steps.filter((s) => s.targets.includes(target)) : [...steps];
}

/** Groups preserve the order in which groups first appear in `keys`. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K, keys: readonly K[]): { key: K; items: T[] }[] {
  return keys.map((k) => ({ key: k, items: items.filter((i) => key(i) === k) })).filter((g) => g.items.length > 0);
}
