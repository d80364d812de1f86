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
 * - `eigen`: our own layer (same municipality code, or no layer here yet), e.g. a backup or the
 *   layer of a colleague of the same municipality. The file is compared with our layer alone
 *   (base = ours), so it cannot tell our newer entries from ones the file deleted: by default it
 *   only adds and updates (`aanvullen`); removing what the file lacks needs the explicit choice
 *   `vervangen`. A file made "voor andere gemeenten" lacks internal contacts and persons' numbers
 *   by design, so in this mode it only adds;
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

/** How an import of our own municipality's file treats what differs (see above). */
export type OwnImportChoice = 'aanvullen' | 'vervangen';

export interface EntryChanges<T> {
  added: T[];
  changed: { before: T; after: T }[];
  removed: T[];
  /** Ours, kept instead of the file's version; `theirs` undefined: the file does not have it. */
  kept: { ours: T; theirs: T | undefined }[];
  /** Copies we deleted ourselves that the source changed since: they stay deleted (`bijwerken`). */
  deletedByUs: T[];
}

export interface LocalImportPlan {
  mode: LocalImportMode;
  /** For `eigen` with a layer here: what the plan does with entries the file lacks or has differently. */
  choice?: OwnImportChoice;
  /** For `eigen`: a file "voor andere gemeenten" only adds (it lacks internal contacts and numbers by design). */
  additionsOnly: boolean;
  /** For `kopie`/`bijwerken`: the source's internal contacts, not taken in (they stay in that municipality). */
  internalLeftOut: number;
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
/** What the file may do to an entry we have: remove it when the file lacks it, replace it when it differs. */
type Policy = { remove: boolean; change: boolean };

function threeWay<T>(
  base: readonly T[],
  theirs: readonly T[],
  ours: readonly T[],
  { key }: Keyed<T>,
  policy: Policy = { remove: true, change: true },
) {
  const same = (a: T | undefined, b: T | undefined) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const byKey = (list: readonly T[]) => new Map(list.map((entry) => [key(entry), entry] as const));
  const [b, t, o] = [byKey(base), byKey(theirs), byKey(ours)];
  const changes: EntryChanges<T> = { added: [], changed: [], removed: [], kept: [], deletedByUs: [] };
  const result = new Map(o);
  for (const k of new Set([...b.keys(), ...t.keys()])) {
    const [was, now, mine] = [b.get(k), t.get(k), o.get(k)];
    if (same(was, now) || same(mine, now)) continue;
    if (mine === undefined) {
      // Deleted here after the last import, changed there since: our deletion stands.
      if (was !== undefined) changes.deletedByUs.push(now as T);
      else {
        result.set(k, now as T);
        changes.added.push(now as T);
      }
      continue;
    }
    if (!same(mine, was) || (now === undefined ? !policy.remove : !policy.change)) {
      changes.kept.push({ ours: mine, theirs: now });
      continue;
    }
    if (now === undefined) {
      result.delete(k);
      changes.removed.push(mine);
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

/** Another municipality's internal contacts, and every reference to them, never enter our layer. */
function withoutInternal(layer: LocalLayer): LocalLayer {
  const internal = new Set(layer.contacts.filter((c) => c.visibility === 'intern').map((c) => c.id));
  if (internal.size === 0) return layer;
  const keep = (ids: readonly string[]) => ids.filter((id) => !internal.has(id));
  return {
    ...layer,
    contacts: layer.contacts.filter((c) => !internal.has(c.id)),
    steps: layer.steps.map((s) => ({ ...s, contacts: keep(s.contacts) })),
    annotations: layer.annotations.map((an) => ({ ...an, contacts: keep(an.contacts) })),
  };
}

/** Our record of copied sources after an own import: the file's when replacing, else ours plus the file's new ones. */
function mergedOrigins(ours: LocalLayer, file: LocalLayer, replace: boolean) {
  if (replace) return file.origins;
  const known = new Set(ours.origins.map((o) => o.municipalityCode));
  return [...ours.origins, ...file.origins.filter((o) => !known.has(o.municipalityCode))];
}

export function planLocalImport(
  current: LocalLayer | undefined,
  file: LocalFile,
  options: { now: string; previousSource?: LocalLayer; choice?: OwnImportChoice },
): LocalImportPlan {
  const fileLayer = file.layer as LocalLayer;
  const own = !current || current.municipalityCode === fileLayer.municipalityCode;
  const source = own ? fileLayer : withoutInternal(fileLayer);
  const origin = current?.origins.find((o) => o.municipalityCode === source.municipalityCode);
  const previous =
    !own && origin && options.previousSource?.municipalityCode === source.municipalityCode
      ? withoutInternal(options.previousSource)
      : undefined;
  const mode: LocalImportMode = own ? 'eigen' : previous ? 'bijwerken' : 'kopie';
  const ours = current ?? { ...source, ...EMPTY, origins: [] };
  const additionsOnly = own && current !== undefined && file.shared;
  const choice: OwnImportChoice | undefined =
    own && current ? (additionsOnly ? 'aanvullen' : (options.choice ?? 'aanvullen')) : undefined;
  const policy: Policy =
    choice === undefined ? { remove: true, change: true } : { remove: choice === 'vervangen', change: !additionsOnly };

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
  const contacts = threeWay(base.contacts, theirs.contacts, ours.contacts, KEYS.contacts, policy);
  const steps = threeWay(base.steps, theirs.steps, ours.steps, KEYS.steps, policy);
  const annotations = threeWay(base.annotations, theirs.annotations, ours.annotations, KEYS.annotations, policy);
  const notApplicable = threeWay(
    base.notApplicable,
    theirs.notApplicable,
    ours.notApplicable,
    KEYS.notApplicable,
    policy,
  );

  const sourceRef = {
    municipality: source.municipality,
    municipalityCode: source.municipalityCode,
    revision: source.revision,
  };
  const origins = own
    ? mergedOrigins(ours, source, choice !== 'aanvullen')
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
    ...(choice ? { choice } : {}),
    additionsOnly,
    internalLeftOut: fileLayer.contacts.length - source.contacts.length,
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
