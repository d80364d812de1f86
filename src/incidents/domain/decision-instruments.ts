import type { Instrument } from '../../content/schema.ts';

/**
 * Which instruments a decision can be recorded on. The content has no field for it, so
 * it is derived: an instrument with a `duration` is a measure the mayor imposes for a
 * term (closures, orders, designations); one without (a law on damages, the triangle
 * consultation, fundamental rights) informs a decision but is not one. The 174a entry on
 * term and procedure ("-termijn") describes how the closures run, not a measure itself.
 * Decided in issue 15; a `decision` field in the content would replace this rule.
 */
export function isDecisionInstrument(instrument: Pick<Instrument, 'id' | 'duration'>): boolean {
  return Boolean(instrument.duration?.trim()) && !instrument.id.endsWith('-termijn');
}

/** Closures are named as such in what is due ("Sluiting loopt af …"); other measures by their own name. */
export function measureLabel(instrument: Pick<Instrument, 'id' | 'name'> | undefined): string {
  if (!instrument) return 'Maatregel';
  return /^sluiting\b/i.test(instrument.name) ? 'Sluiting' : instrument.name;
}
