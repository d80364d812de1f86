import { sha256Hex } from './hashing.ts';
import type { PhaseId, StepKind, Target, TimeWindowId } from './vocabulary.ts';

/**
 * The municipality's local layer (issue 14): its own contacts, steps, notes and "not applicable here"
 * marks on top of the national framework. This is shared vocabulary: `local/` edits, stores and
 * exchanges it, `content/` shows it over the national text, `incidents/` lists local steps in a
 * checklist. Everything is keyed by stable national ids, never by position, so a national content
 * update can move, rename or retire what a local entry points at without losing the entry.
 */

/** CBS municipality code as used in ids: "gm" and four digits (gm0363 = Amsterdam). */
export const MUNICIPALITY_CODE_PATTERN = /^gm\d{4}$/;

/**
 * A local step id is a national-looking step id whose name starts with the municipality code:
 * `direct-na.gm0363-buurtapp-beheerders`. It passes every check a national step id passes (the
 * event log and exchange files need no new rule), and national ids never start with `gm` + 4 digits
 * (the content build refuses that), so the two can never collide.
 */
export const LOCAL_STEP_ID_PATTERN = /^(preventie|dreiging|direct-na|nazorg)\.(gm\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCAL_STEP_ID = LOCAL_STEP_ID_PATTERN;

export function isLocalStepId(id: string): boolean {
  return LOCAL_STEP_ID.test(id);
}

/** The municipality code inside a local step id, or undefined for a national id. */
export function municipalityCodeOfStepId(id: string): string | undefined {
  return LOCAL_STEP_ID.exec(id)?.[2];
}

export function localStepId(phase: PhaseId, municipalityCode: string, name: string): string {
  return `${phase}.${municipalityCode}-${name}`;
}

/**
 * National steps the municipality marked "not applicable here", attached to the framework the
 * overlay builds (a side table, so the content's shape stays the published one). An incident's
 * checklist does not count them as open: progress is computed from the framework alone, in one
 * place (incidents/domain/checklist.ts), which reads this.
 */
const NOT_APPLICABLE_HERE = new WeakMap<object, ReadonlySet<string>>();

export function markNotApplicableHere<K extends object>(kader: K, stepIds: Iterable<string>): K {
  NOT_APPLICABLE_HERE.set(kader, new Set(stepIds));
  return kader;
}

export function notApplicableHere(kader: object): ReadonlySet<string> {
  return NOT_APPLICABLE_HERE.get(kader) ?? EMPTY_SET;
}
const EMPTY_SET: ReadonlySet<string> = new Set();

const OPAQUE_NAME = /^stap-[0-9a-z]{20,26}$/;

/**
 * An opaque stand-in for a local step id made from its title (layers made before ids were opaque):
 * the same id always gives the same stand-in, so a municipality that copied a shared layer
 * recognises the step in a newer file. Used by the export "voor andere gemeenten" and the
 * anonymised incident export, where ids are kept and titles are not. National ids and opaque ids are returned as they are.
 */
export function opaqueStepId(id: string): string {
  const match = LOCAL_STEP_ID_PATTERN.exec(id);
  if (!match) return id;
  const [, phase, code] = match as unknown as [string, PhaseId, string];
  if (OPAQUE_NAME.test(id.slice(phase.length + code.length + 2))) return id;
  return localStepId(phase, code, `stap-${sha256Hex(`lokale-stap:${id}`).slice(0, 20)}`);
}

/** Public contacts may go to other municipalities; internal ones never leave the municipality. */
export const CONTACT_VISIBILITIES = ['openbaar', 'intern'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

export interface PhoneNumber {
  /** "Piketlijn", "Mobiel", … */
  label: string;
  number: string;
}

export interface LocalContact {
  /** Stable within the layer (e.g. `gm0363-contact-<ulid>`); referenced by steps and annotations. */
  id: string;
  /** Organisation or person: "Woonstad Rotterdam, calamiteitenlijn". */
  name: string;
  role: string;
  /** The national partner this contact stands in for locally, if any. */
  partnerId?: string;
  phones: PhoneNumber[];
  email?: string;
  /** "24/7 piket", "werkdagen 8–17 uur". */
  availability?: string;
  visibility: ContactVisibility;
  /**
   * A named person rather than an organisation or a function's line ("piket woningcorporatie"):
   * shared "voor andere gemeenten", a person keeps only role and availability, never a number or address.
   */
  person?: boolean;
  /** For a copy of another municipality's contact: its id there, so a newer file of that source updates it. */
  copiedFrom?: string;
}

export interface LocalSource {
  title: string;
  url?: string;
}

/** A step the municipality adds, with the same fields as a national step. */
export interface LocalStep {
  id: string;
  phase: PhaseId;
  /** The step (national or local) this one follows; absent = first in its phase. */
  after?: string;
  title: string;
  what: string;
  why: string;
  kind: StepKind;
  /** Who does it ("OOV-adviseur", "wijkagent"). */
  actor: string;
  targets: Target[];
  timeWindow?: TimeWindowId;
  timing?: string;
  /** National partner ids. */
  partners: string[];
  /** Local contact ids. */
  contacts: string[];
  sources: LocalSource[];
  /** When the step was last saved (ISO); shown where a national step shows when it was checked. */
  changedAt?: string;
  /** For a copy of another municipality's step: its id there, so a newer file of that source updates it. */
  copiedFrom?: string;
}

/** A local note on a national step or instrument. */
export interface LocalAnnotation {
  /** A national step id or instrument id. */
  targetId: string;
  note: string;
  /** Local contact ids. */
  contacts: string[];
  /** Hash of the national text the note was written against (see local/domain); a change flags the note. */
  nationalTextHash: string;
}

export interface NotApplicableMark {
  stepId: string;
  reason: string;
}

/** Where a copied layer came from (NEIG sharing: another municipality's layer imported into our namespace). */
export interface LocalLayerOrigin {
  municipality: string;
  municipalityCode: string;
  revision: number;
  importedAt: string;
}

/** Which layer, at which revision: what an incident records of the layer it started with. */
export interface LocalLayerRef {
  municipalityCode: string;
  revision: number;
}

export interface LocalLayer {
  municipalityCode: string;
  municipality: string;
  /** Grows by one with every saved change; an incident records the revision it started with. */
  revision: number;
  contacts: LocalContact[];
  steps: LocalStep[];
  annotations: LocalAnnotation[];
  notApplicable: NotApplicableMark[];
  origins: LocalLayerOrigin[];
}

/**
 * How an annotation relates to today's national text: `actueel`, `gewijzigd` (the national text it
 * was written against changed: "landelijke tekst gewijzigd, controleer uw aanvulling") or `verweesd`
 * (its target was retired; the note is kept and shown with its text intact).
 */
export const ANNOTATION_STATES = ['actueel', 'gewijzigd', 'verweesd'] as const;
export type AnnotationState = (typeof ANNOTATION_STATES)[number];

export interface AnnotationView {
  annotation: LocalAnnotation;
  contacts: LocalContact[];
  state: AnnotationState;
}

/**
 * What the content screens see of the layer, computed by one pure function in local/domain from the
 * national framework and the layer. Local steps themselves are inserted into the framework's phases
 * as ordinary steps; this view says which ones are local and adds what has no place in the national
 * shape.
 */
export interface LocalOverlayView {
  municipality: string;
  municipalityCode: string;
  revision: number;
  /** Local contacts per national partner id. */
  contactsByPartner: ReadonlyMap<string, readonly LocalContact[]>;
  /** Every local contact by id (steps and annotations refer to them). */
  contacts: ReadonlyMap<string, LocalContact>;
  /** Annotations by national step or instrument id (orphans included under their old id). */
  annotations: ReadonlyMap<string, AnnotationView>;
  /** Reasons by national step id. */
  notApplicable: ReadonlyMap<string, string>;
  /** Ids of the local steps inserted into the phases. */
  localStepIds: ReadonlySet<string>;
  /** The local steps by id, as the municipality wrote them (with their contacts and sources). */
  localSteps: ReadonlyMap<string, LocalStep>;
  /**
   * Local steps whose `after` step is no longer in their phase (retired or moved nationally):
   * placed at the end of their phase, by local step id → the missing `after` id.
   */
  displaced: ReadonlyMap<string, string>;
  /** Annotations whose target no longer exists nationally, for the editor's attention list. */
  orphans: readonly AnnotationView[];
  /** Not-applicable marks on national steps that no longer exist (kept, for the editor). */
  orphanMarks: readonly NotApplicableMark[];
  /** Contacts standing in for a national partner that no longer exists (kept in `contacts` too). */
  orphanContacts: readonly LocalContact[];
}

/** What a change touched, for the history ("every change kept with who and when"). */
export const LOCAL_CHANGE_KINDS = [
  'gemeente',
  'contact',
  'stap',
  'aanvulling',
  'niet-van-toepassing',
  'import',
] as const;
export type LocalChangeKind = (typeof LOCAL_CHANGE_KINDS)[number];

/**
 * One saved change of the layer, appended and never rewritten. `before`/`after` hold the entry
 * as it was and became (absent when added or removed), so the history can show what changed and
 * a later sync can replay it.
 */
export interface LocalChange {
  /** The layer's revision this change produced (1, 2, 3, …). */
  revision: number;
  /** ISO time on this device. */
  at: string;
  /** Who: the adviser's name as entered in the app. */
  actor: string;
  kind: LocalChangeKind;
  action: 'opgeslagen' | 'verwijderd' | 'geïmporteerd';
  /** The contact, step or target id; the municipality code for `gemeente`; the file's source for `import`. */
  targetId: string;
  /** One Dutch line for the history list: "Contact ‘Woonstad, calamiteitenlijn’ opgeslagen". */
  summary: string;
  before?: unknown;
  after?: unknown;
}
