import { performance } from 'node:perf_hooks';
import type { Kader } from '../../src/content/schema.ts';
import { createKaderSearch } from '../../src/content/search-index.ts';
import { median } from './measure-pwa.ts';

/** 100 queries the way people type them: words from the content, prefixes, a swapped letter. */
function queries(kader: Kader): string[] {
  const words = [
    ...new Set(
      kader.phases
        .flatMap((p) => p.steps.map((s) => s.title))
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}\d]+/u)
        .filter((w) => w.length >= 5),
    ),
  ];
  const out: string[] = [];
  for (let i = 0; out.length < 100; i++) {
    const w = words[i % words.length]!;
    const kind = i % 4;
    if (kind === 0) out.push(w);
    else if (kind === 1) out.push(w.slice(0, 4));
    else if (kind === 2) out.push(`${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`);
    else out.push(`${w} ${words[(i * 7) % words.length]}`);
  }
  return out;
}

/** `queriesFrom`: the framework whose titles make the queries (the national one, to compare with a local layer). */
export function searchMs(kader: Kader, queriesFrom: Kader = kader): number {
  const search = createKaderSearch(kader);
  const qs = queries(queriesFrom);
  for (const q of qs.slice(0, 10)) search.search(q);
  const times = qs.map((q) => {
    const t0 = performance.now();
    search.search(q);
    return performance.now() - t0;
  });
  return median(times);
}
