import type { Kader } from './schema.ts';

/** Compares content versions (JJJJ.N or JJJJ.N.N) numerically: 2026.10 is newer than 2026.9. */
export function compareContentVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The ids of the steps that changed after content version `since`, in the order of the framework.
 * A step counts as changed when the changelog names it, or names an instrument the step uses:
 * a corrected legal basis changes what the step asks of the adviser. An incident started on
 * `since` can show these steps as "gewijzigd sinds u begon".
 */
export function stepsChangedSince(kader: Kader, since: string): string[] {
  const newer = kader.changelog.filter((v) => compareContentVersions(v.version, since) > 0);
  const stepIds = new Set(newer.flatMap((v) => v.changes.flatMap((c) => c.steps)));
  const instrumentIds = new Set(newer.flatMap((v) => v.changes.flatMap((c) => c.instruments)));
  return kader.phases
    .flatMap((p) => p.steps)
    .filter((s) => stepIds.has(s.id) || s.instruments.some((id) => instrumentIds.has(id)))
    .map((s) => s.id);
}
