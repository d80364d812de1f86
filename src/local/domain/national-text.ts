import type { Instrument, Kader, KaderStep } from '../../content/schema.ts';
import { sha256Hex } from '../../model/hashing.ts';
import type { AnnotationState, LocalAnnotation } from '../../model/local-layer.ts';

/**
 * The national text a local note is written against, and its hash (`nationalTextHash`).
 *
 * A step's text is its title, what and why: what the adviser reads and annotates. Its actor,
 * targets, partners and sources are left out, so adding a source or a partner nationally does
 * not ask every municipality to re-check its notes. An instrument's text is its name, article,
 * what it allows, its conditions and its duration: the legal substance a local procedure note
 * leans on (case law, practice and notes are context, not the rule).
 *
 * Whitespace is collapsed before hashing so re-wrapping a YAML paragraph is no change. The hash
 * is prefixed with its rule (`t1:`); a later rule gets another prefix and can tell old hashes apart.
 */

const HASH_RULE = 't1';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function stepText(step: Pick<KaderStep, 'title' | 'what' | 'why'>): string[] {
  return [step.title, step.what, step.why].map(squash);
}

export function instrumentText(
  instrument: Pick<Instrument, 'name' | 'article' | 'allows' | 'conditions' | 'duration'>,
): string[] {
  return [
    instrument.name,
    instrument.article,
    instrument.allows,
    ...instrument.conditions,
    instrument.duration ?? '',
  ].map(squash);
}

export function hashNationalText(parts: readonly string[]): string {
  return `${HASH_RULE}:${sha256Hex(JSON.stringify(parts)).slice(0, 32)}`;
}

/** A lookup of today's national text hash by step or instrument id; undefined = not in this framework. */
export type NationalTextHashes = (targetId: string) => string | undefined;

/** Hashes computed on demand and kept per framework (a framework object never changes once loaded). */
const cache = new WeakMap<Kader, Map<string, string | undefined>>();

export function nationalTextHashes(kader: Kader): NationalTextHashes {
  let known = cache.get(kader);
  if (!known) {
    known = new Map();
    cache.set(kader, known);
  }
  const memo = known;
  let steps: Map<string, KaderStep> | undefined;
  let instruments: Map<string, Instrument> | undefined;
  return (targetId) => {
    if (memo.has(targetId)) return memo.get(targetId);
    steps ??= new Map(kader.phases.flatMap((phase) => phase.steps.map((step) => [step.id, step] as const)));
    instruments ??= new Map(kader.instruments.map((instrument) => [instrument.id, instrument] as const));
    const step = steps.get(targetId);
    const instrument = instruments.get(targetId);
    const hash = step
      ? hashNationalText(stepText(step))
      : instrument
        ? hashNationalText(instrumentText(instrument))
        : undefined;
    memo.set(targetId, hash);
    return hash;
  };
}

/** `actueel`, `gewijzigd` (the text changed since the note was written) or `verweesd` (the target is gone). */
export function annotationState(annotation: LocalAnnotation, hashes: NationalTextHashes): AnnotationState {
  const current = hashes(annotation.targetId);
  if (current === undefined) return 'verweesd';
  return current === annotation.nationalTextHash ? 'actueel' : 'gewijzigd';
}
