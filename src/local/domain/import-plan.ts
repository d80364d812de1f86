import { canonicalJson } from '../../model/canonical-json.ts';
import type {
  LocalAnnotation,
  LocalContact,
  LocalLayer,
  LocalStep,
  NotApplicableMark,
} from '../../model/local-layer.ts';
import type { LocalFile } from '../format/types.ts';
import { copyIntoNamespace, mapIntoNamespace } from './namespace.ts';

/**
 * What importing a `handelingskader-lokaal` file would do, computed without writing (the preview),
 * and the layer it would leave. Three cases:
 * - `eigen`: our own layer (same municipality code, or no layer here yet): the file's entries
 *   replace ours, e.g. a backup or the layer of a colleague of the same municipality;
 * - `kopie`: another municipality's layer, first time: its entries are copied into our namespace
 *   (ids rewritten to our code) next to ours, and the source and its revision are recorded;
 * - `bijwerken`: a newer file of a source copied before: what the source changed since the
 *   recorded revision (against the source's file as we last imported it) is applied to our copies.
 * One three-way rule serves all three, per entry: base (what we last had of the source; for
 * `eigen` our own layer), theirs (the file) and ours. Where the source changed something and our
 * entry is still what the base had, theirs is taken; where we changed or added our own, ours is
 * kept and listed in `kept`.
 */

export type LocalImportMode = 'eigen' | 'kopie' | 'bijwerken';

export interface EntryChanges<T> {
  added: T[];
  changed: { before: T; after: T }[];
  removed: T[];
  /** Ours, kept instead of the source's version (only when copying). */
  kept: { ours: T; theirs: T | undefined }[];
}

export interface LocalImportPlan {
  mode: LocalImportMode;
  source: { municipality: string; municipalityCode: string; revision: number; shared: boolean };
  /** For `bijwerken`: the source's revision we copied last time. */
  sinceRevision?: number;
  /** The file is older than what we have of it (own layer or recorded source revision). */
  older: boolean;
  /** What changes in our layer. */
  contacts: EntryChanges<LocalContact>;
  steps: EntryChanges<LocalStep>;
  annotations: EntryChanges<LocalAnnotation>;
  notApplicable: EntryChanges<NotApplicableMark>;
  /** Nothing would change. */
  unchanged: boolean;
  /** Our revision the plan was made against: applying refuses if the layer changed since. */
  baseRevision: number | undefined;
  /** The layer after the import (the store sets the next revision when writing). */
  result: LocalLayer;
}

type Keyed<T> = { key: (entry: T) => string };

function threeWay<T>(base: readonly T[], theirs: readonly T[], ours: readonly T[], { key }: Keyed<T>) {
  const same = (a: T | undefined, b: T | undefined) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const byKey = (list: readonly T[]) => new Map(list.map((entry) => [key(entry), entry] as const));
  const [b, t, o] = [byKey(base), byKey(theirs), byKey(ours)];
  const changes: EntryChanges<T> = { added: [], changed: [], removed: [], kept: [] };
  const result = new Map(o);
  for (const k of new Set([...b.keys(), ...t.keys()])) {
    const [was, now, mine] = [b.get(k), t.get(k), o.get(k)];
    if (same(was, now) || same(mine, now)) continue;
    if (!same(mine, was)) {
      changes.kept.push({ ours: mine!, theirs: now });
      continue;
    }
    if (now === undefined) {
      result.delete(k);
      changes.removed.push(mine!);
    } else if (mine === undefined) {
      result.set(k, now);
      changes.added.push(now);
    } else {
      result.set(k, now);
      changes.changed.push({ before: mine, after: now });
    }
  }
  // Ours first in our order, then what was added, in the file's order.
  const kept = ours.flatMap((entry) => (result.has(key(entry)) ? [result.get(key(entry))!] : []));
  return { changes, list: [...kept, ...changes.added] };
}

const KEYS = {
  contacts: { key: (c: LocalContact) => c.id },
  steps: { key: (s: LocalStep) => s.id },
  annotations: { key: (a: LocalAnnotation) => a.targetId },
  notApplicable: { key: (m: NotApplicableMark) => m.stepId },
};

const EMPTY = { contacts: [], steps: [], annotations: [], notApplicable: [] };

export function planLocalImport(
  current: LocalLayer | undefined,
  file: LocalFile,
  options: { now: string; previousSource?: LocalLayer },
): LocalImportPlan {
  const source = file.layer as LocalLayer;
  const own = !current || current.municipalityCode === source.municipalityCode;
  const origin = current?.origins.find((o) => o.municipalityCode === source.municipalityCode);
  const previous =
    !own && origin && options.previousSource?.municipalityCode === source.municipalityCode
      ? options.previousSource
      : undefined;
  const mode: LocalImportMode = own ? 'eigen' : previous ? 'bijwerken' : 'kopie';
  const ours = current ?? { ...source, ...EMPTY, origins: [] };

  let base: Pick<LocalLayer, keyof typeof EMPTY>;
  let theirs: Pick<LocalLayer, keyof typeof EMPTY>;
  if (own) {
    base = ours;
    theirs = source;
  } else {
    const mapping = mapIntoNamespace(ours, {
      steps: [...(previous?.steps ?? []), ...source.steps],
      contacts: [...(previous?.contacts ?? []), ...source.contacts],
    });
    base = previous ? copyIntoNamespace(previous, mapping) : EMPTY;
    theirs = copyIntoNamespace(source, mapping);
  }
  const contacts = threeWay(base.contacts, theirs.contacts, ours.contacts, KEYS.contacts);
  const steps = threeWay(base.steps, theirs.steps, ours.steps, KEYS.steps);
  const annotations = threeWay(base.annotations, theirs.annotations, ours.annotations, KEYS.annotations);
  const notApplicable = threeWay(base.notApplicable, theirs.notApplicable, ours.notApplicable, KEYS.notApplicable);

  const sourceRef = {
    municipality: source.municipality,
    municipalityCode: source.municipalityCode,
    revision: source.revision,
  };
  const origins = own
    ? source.origins
    : [
        ...ours.origins.filter((o) => o.municipalityCode !== source.municipalityCode),
        { ...sourceRef, importedAt: options.now },
      ];
  const result: LocalLayer = {
    ...(own
      ? { municipalityCode: source.municipalityCode, municipality: source.municipality }
      : { municipalityCode: ours.municipalityCode, municipality: ours.municipality }),
    revision: Math.max(current?.revision ?? 0, own ? source.revision : 0),
    contacts: contacts.list,
    steps: steps.list,
    annotations: annotations.list,
    notApplicable: notApplicable.list,
    origins,
  };
  const all = [contacts.changes, steps.changes, annotations.changes, notApplicable.changes];
  return {
    mode,
    source: { ...sourceRef, shared: file.shared },
    ...(previous && origin ? { sinceRevision: origin.revision } : {}),
    older: own ? source.revision < (current?.revision ?? 0) : source.revision < (origin?.revision ?? 0),
    contacts: contacts.changes,
    steps: steps.changes,
    annotations: annotations.changes,
    notApplicable: notApplicable.changes,
    unchanged:
      all.every((c) => c.added.length + c.changed.length + c.removed.length === 0) &&
      (!own || result.municipality === current?.municipality),
    baseRevision: current?.revision,
    result,
  };
}
