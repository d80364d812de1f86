import type { LocalContact, LocalLayer, LocalStep } from '../../model/local-layer.ts';
import { isLocalStepId, localStepId, municipalityCodeOfStepId } from '../../model/local-layer.ts';

/**
 * Moves another municipality's entries into our namespace: `direct-na.gm0599-buurtapp` becomes
 * `direct-na.gm0363-buurtapp`, `gm0599-contact-01j…` becomes `gm0363-contact-01j…`. The mapping is
 * stable: an entry copied before keeps the id of its copy (found by `copiedFrom`), so a newer file
 * of the same source updates the copy instead of adding a second one.
 */
export interface IdMapping {
  step(id: string): string;
  contact(id: string): string;
}

export function mapIntoNamespace(
  ours: LocalLayer,
  sourceIds: { steps: readonly LocalStep[]; contacts: readonly LocalContact[] },
): IdMapping {
  const own = ours.municipalityCode;
  const steps = new Map<string, string>();
  const contacts = new Map<string, string>();
  const taken = new Set([...ours.steps.map((s) => s.id), ...ours.contacts.map((c) => c.id)]);
  for (const s of ours.steps) if (s.copiedFrom) steps.set(s.copiedFrom, s.id);
  for (const c of ours.contacts) if (c.copiedFrom) contacts.set(c.copiedFrom, c.id);
  const fresh = (wanted: string, alternative: (n: number) => string) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = alternative(n);
    taken.add(id);
    return id;
  };
  for (const s of sourceIds.steps) {
    if (steps.has(s.id)) continue;
    const code = municipalityCodeOfStepId(s.id);
    const name = code ? s.id.slice(s.id.indexOf(`${code}-`) + code.length + 1) : s.id.split('.')[1]!;
    steps.set(
      s.id,
      fresh(localStepId(s.phase, own, name), (n) => localStepId(s.phase, own, `${name}-${n}`)),
    );
  }
  for (const c of sourceIds.contacts) {
    if (contacts.has(c.id)) continue;
    const rest = c.id.replace(/^gm\d{4}-/, '');
    contacts.set(
      c.id,
      fresh(`${own}-${rest}`, (n) => `${own}-${rest}-${n}`),
    );
  }
  return {
    // A national id (or a local one of a third municipality we never saw) stays as it is.
    step: (id) => steps.get(id) ?? id,
    contact: (id) => contacts.get(id) ?? id,
  };
}

/** The source's layer with every id and reference moved into our namespace (what the copy looks like). */
export function copyIntoNamespace(
  source: LocalLayer,
  mapping: IdMapping,
): Pick<LocalLayer, 'contacts' | 'steps' | 'annotations' | 'notApplicable'> {
  const contacts = (ids: readonly string[]) => ids.map(mapping.contact);
  return {
    contacts: source.contacts.map((c) => ({ ...c, id: mapping.contact(c.id), copiedFrom: c.id })),
    steps: source.steps.map((s) => {
      const copy: LocalStep = {
        ...s,
        id: mapping.step(s.id),
        contacts: contacts(s.contacts),
        copiedFrom: s.id,
      };
      if (s.after !== undefined) copy.after = isLocalStepId(s.after) ? mapping.step(s.after) : s.after;
      return copy;
    }),
    annotations: source.annotations.map((a) => ({ ...a, contacts: contacts(a.contacts) })),
    notApplicable: source.notApplicable.map((m) => ({ ...m })),
  };
}
