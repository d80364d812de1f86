import type { Kader } from '../../content/schema.ts';
import { contentIdsUnknownTo } from '../format/content-ids.ts';
import type { ExchangeFile } from '../format/types.ts';
import { failure, type ImportFailure } from './import-result.ts';

/**
 * Step and instrument ids a file names that the app's content does not have and the
 * file does not declare. A file that claims the app's own content version must name
 * only known ids, or ids its exporter listed as coming from a newer version
 * (`newerContentIds` per incident): anything else is a broken or tampered file. A file
 * from another content version may name steps this app does not know yet; those are
 * kept, and the screens show them as an unknown step of a newer version of the framework.
 */
export function unknownContentIds(file: ExchangeFile, kader: Kader): string[] {
  if (file.contentVersion !== kader.version) return [];
  const unknown = new Set<string>();
  for (const { incident, events } of [...file.incidents, ...(file.network ?? [])]) {
    const declared = new Set(incident.newerContentIds);
    for (const id of contentIdsUnknownTo(events, kader)) if (!declared.has(id)) unknown.add(id);
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
