import { indexKader, type KaderIndex } from './kader-index.ts';
import type { Kader } from './schema.ts';

export class KaderLoadError extends Error {
  readonly userMessage =
    'De inhoud van het handelingskader kon niet worden geladen. Open de app één keer met internetverbinding, zodat hij offline beschikbaar wordt.';
}

let pending: Promise<KaderIndex> | undefined;

/** Fetches /kader.json once per page; the service worker answers from its cache when offline. */
export function loadKader(): Promise<KaderIndex> {
  pending ??= fetch('/kader.json')
    .then(async (response) => {
      if (!response.ok) throw new KaderLoadError(`kader.json: HTTP ${response.status}`);
      const kader = (await response.json()) as Kader;
      if (kader.format !== 'handelingskader-kader') throw new KaderLoadError('kader.json: unknown format');
      return indexKader(kader);
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error instanceof KaderLoadError ? error : new KaderLoadError(String(error), { cause: error });
    });
  return pending;
}
