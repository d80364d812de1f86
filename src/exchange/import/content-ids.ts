import type { Kader } from '../../content/schema.ts';
import type { ExchangeFile } from '../format/types.ts';
import { failure, type ImportFailure } from './import-result.ts';

/**
 * Step and instrument ids a file names that the app's content does not have. A file
 * that claims the app's own content version must name only known ids: anything else
 * is a broken or tampered file. A file from another (newer) content version may name
 * steps this app does not know yet; those are kept, and the screens show them as an
 * unknown step of a newer version of the framework.
 */
export function unknownContentIds(file: ExchangeFile, kader: Kader): string[] {
  if (file.contentVersion !== kader.version) return [];
  const steps = new Set(kader.phases.flatMap((phase) => phase.steps.map((step) => step.id)));
  const instruments = new Set(kader.instruments.map((instrument) => instrument.id));
  const unknown = new Set<string>();
  const step = (id: string | undefined) => {
    if (id !== undefined && !steps.has(id)) unknown.add(id);
  };
  const instrument = (id: string | undefined) => {
    if (id !== undefined && !instruments.has(id)) unknown.add(id);
  };
  for (const { events } of [...file.incidents, ...(file.network ?? [])]) {
    for (const event of events) {
      if (event.type === 'step.status-set' || event.type === 'step.note-added') step(event.payload.stepId);
      else if (event.type === 'decision.recorded') {
        step(event.payload.stepId);
        instrument(event.payload.instrumentId);
      } else if (event.type === 'entry.edited' && event.payload.decision) {
        step(event.payload.decision.stepId);
        instrument(event.payload.decision.instrumentId);
      }
    }
  }
  return [...unknown];
}

const checked = new WeakMap<ExchangeFile, WeakMap<Kader, string[]>>();

/** The refusal for a file that claims the app's own content version and names ids it does not have. */
export function checkContentIds(file: ExchangeFile, kader: Kader): ImportFailure | undefined {
  // Preview and apply check the same file: once is enough.
  let unknown = checked.get(file)?.get(kader);
  if (!unknown) {
    unknown = unknownContentIds(file, kader);
    checked.set(file, new WeakMap([[kader, unknown]]));
  }
  return unknown.length ? failure('unknown-content', `unknown ids: ${unknown.slice(0, 5).join(', ')}`) : undefined;
}
