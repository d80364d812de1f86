import { z } from 'zod';
import { PHASE_IDS, STEP_KINDS, TARGETS, TIME_WINDOW_IDS } from '../model/vocabulary.ts';

/**
 * The content model of the framework. One schema serves three purposes: it validates
 * the editable files in content/ at build time, it types the app, and it is published
 * as JSON Schema (docs/schemas/kader.schema.json) for other tools.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en koppeltekens');

export type { PhaseId, StepKind, Target, TimeWindowId } from '../model/vocabulary.ts';
export { PHASE_IDS, STEP_KINDS, TARGETS, TIME_WINDOW_IDS } from '../model/vocabulary.ts';

export const phaseIdSchema = z.enum(PHASE_IDS);
export const timeWindowIdSchema = z.enum(TIME_WINDOW_IDS);
export const stepKindSchema = z.enum(STEP_KINDS);
export const targetSchema = z.enum(TARGETS);

const text = z.string().trim().min(1, 'mag niet leeg zijn');
const idList = z.array(z.string().min(1)).default([]);
/** Free text saying what is not verified; its presence is the flag. */
const unverified = text.optional();

/**
 * How far a claim has been reviewed. A jurist relies on `juridisch getoetst` only; the app shows
 * the status so nobody mistakes a draft for checked law.
 */
export const REVIEW_STATUSES = ['concept', 'inhoudelijk getoetst', 'juridisch getoetst'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const reviewSchema = z.enum(REVIEW_STATUSES, {
  error: 'review: concept, inhoudelijk getoetst of juridisch getoetst',
});
/** The day the item was last checked against its sources (JJJJ-MM-DD). Required so age can be shown. */
export const checkedOnSchema = z.iso.date({ error: 'checkedOn: datum als JJJJ-MM-DD' });
/** Required on every claim a reader may rely on: steps, instruments, rulings and partners. */
const trust = { checkedOn: checkedOnSchema, review: reviewSchema };

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'ongeldige bron-id'),
  kind: z.enum(['wet', 'rechtspraak', 'web']),
  title: text,
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const considerationSchema = z.strictObject({
  id: slug,
  title: text,
  for: text,
  against: text,
  sources: z.array(z.string()).min(1, 'minstens één bron'),
  unverified,
});
export type Consideration = z.infer<typeof considerationSchema>;

export const ECLI_PATTERN = /^ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Za-z0-9.]+$/;

export const caseLawSchema = z.strictObject({
  court: text,
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'datum als JJJJ, JJJJ-MM of JJJJ-MM-DD'),
  /** Required: the link to the ruling on rechtspraak.nl is derived from it (see content-links.ts). */
  ecli: z
    .string({ error: 'een uitspraak heeft een ECLI-nummer nodig (daarmee linkt de app naar rechtspraak.nl)' })
    .regex(ECLI_PATTERN, 'ongeldig ECLI-nummer'),
  lesson: text,
  sources: z.array(z.string()).min(1, 'minstens één bron'),
  unverified,
  ...trust,
});
export type CaseLaw = z.infer<typeof caseLawSchema>;

/**
 * A link to the official text of one article on wetten.overheid.nl. The URL is derived from the
 * BWB id, the article and the date on which the text was checked to be in force ("geldend op"),
 * so the link opens exactly the version the content was checked against.
 */
export const lawLinkSchema = z.strictObject({
  label: text,
  bwb: z.string().regex(/^BWB[RV]\d{7}$/, 'BWB-id als BWBR0005416 (wet) of BWBV0001000 (verdrag)'),
  article: z
    .string()
    .regex(/^[0-9]+[a-z]*(:[0-9]+[a-z]*)?$/, 'artikel als 174a of 7:231')
    .optional(),
  validOn: z.iso.date({ error: 'validOn: datum als JJJJ-MM-DD (geldend op)' }),
});
export type LawLink = z.infer<typeof lawLinkSchema>;

export const instrumentSchema = z.strictObject({
  id: slug,
  name: text,
  article: text,
  allows: text,
  conditions: z.array(text).min(1, 'minstens één voorwaarde'),
  duration: text.optional(),
  considerations: idList,
  notes: z.array(text).default([]),
  caseLaw: z.array(caseLawSchema).default([]),
  /** What municipalities do in practice; shown apart from the law and the rulings. */
  practice: z.array(text).default([]),
  lawLinks: z
    .array(lawLinkSchema, { error: 'minstens één link naar de wettekst (lawLinks, wetten.overheid.nl)' })
    .min(1, 'minstens één link naar de wettekst (lawLinks, wetten.overheid.nl)'),
  sources: z.array(z.string()).min(1, 'minstens één bron'),
  unverified,
  ...trust,
});
export type Instrument = z.infer<typeof instrumentSchema>;

export const partnerSchema = z.strictObject({
  id: slug,
  name: text,
  role: text,
  /** Left empty nationally; a municipality fills in its local number. */
  phone: z.string().default(''),
  sources: z.array(z.string()).default([]),
  unverified,
  ...trust,
});
export type Partner = z.infer<typeof partnerSchema>;

export const stepSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^(preventie|dreiging|direct-na|nazorg)\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'id als <fase>.<naam-met-koppeltekens>',
    ),
  title: text,
  what: text,
  why: text,
  kind: stepKindSchema,
  actor: text,
  targets: z.array(targetSchema).min(1, 'minstens één doelwit'),
  timeWindow: timeWindowIdSchema.optional(),
  timing: text.optional(),
  instruments: idList,
  considerations: idList,
  partners: idList,
  sources: z.array(z.string()).min(1, 'minstens één bron'),
  /** Rows of the domain brief this step covers (P1, D4, H2, F4, K1, N3 …). */
  briefRows: z.array(z.string()).default([]),
  mergeNote: text.optional(),
  unverified,
  ...trust,
});
export type Step = z.infer<typeof stepSchema>;

export const timeWindowSchema = z.strictObject({ id: timeWindowIdSchema, title: text });

export const phaseSchema = z.strictObject({
  id: phaseIdSchema,
  title: text,
  shortTitle: text,
  purpose: text,
  timeWindows: z.array(timeWindowSchema).default([]),
});

/** One term of the glossary (begrippenlijst), linked where it appears in step and instrument text. */
export const glossaryTermSchema = z.strictObject({
  id: slug,
  term: text,
  /** Other spellings or inflections that link to the same term ("noodbevelen"). */
  aliases: z.array(text).default([]),
  definition: text,
  sources: z.array(z.string()).default([]),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

const contentVersion = z.string().regex(/^\d{4}\.\d+(\.\d+)?$/, 'versie als JJJJ.N of JJJJ.N.N');

/** One change in a content version: what changed, why, and which steps and instruments it touched. */
export const changeSchema = z.strictObject({
  what: text,
  why: text,
  steps: idList,
  instruments: idList,
});
export const changelogEntrySchema = z.strictObject({
  version: contentVersion,
  date: z.iso.date({ error: 'datum als JJJJ-MM-DD' }),
  summary: text,
  changes: z.array(changeSchema).min(1, 'minstens één wijziging'),
});
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;

/** The files as editors write them. */
export const metaFileSchema = z.strictObject({
  title: text,
  version: contentVersion,
  publisher: text,
  disclaimer: text,
  phases: z.array(phaseSchema).length(4, 'precies vier fasen'),
});
export const stepsFileSchema = z.strictObject({
  phase: phaseIdSchema,
  steps: z.array(stepSchema).min(1, 'een fase zonder stappen'),
});
export const instrumentsFileSchema = z.strictObject({ instruments: z.array(instrumentSchema).min(1) });
export const partnersFileSchema = z.strictObject({ partners: z.array(partnerSchema).min(1) });
export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export const considerationsFileSchema = z.strictObject({
  considerations: z.array(considerationSchema).min(1),
});
export const glossaryFileSchema = z.strictObject({ terms: z.array(glossaryTermSchema).min(1) });
/** Newest version first; the first entry describes the current version in kader.yaml. */
export const changelogFileSchema = z.strictObject({ versions: z.array(changelogEntrySchema).min(1) });

/** The compiled framework, published as /kader.json. */
export const kaderSchema = z.strictObject({
  format: z.literal('handelingskader-kader'),
  version: z.string(),
  contentHash: z.string(),
  title: z.string(),
  publisher: z.string(),
  disclaimer: z.string(),
  phases: z.array(
    z.strictObject({
      id: phaseIdSchema,
      title: z.string(),
      shortTitle: z.string(),
      purpose: z.string(),
      timeWindows: z.array(timeWindowSchema),
      steps: z.array(stepSchema.extend({ phase: phaseIdSchema })),
    }),
  ),
  instruments: z.array(instrumentSchema),
  partners: z.array(partnerSchema),
  considerations: z.array(considerationSchema),
  sources: z.array(sourceSchema),
  glossary: z.array(glossaryTermSchema),
  changelog: z.array(changelogEntrySchema),
});
export type Kader = z.infer<typeof kaderSchema>;
export type KaderPhase = Kader['phases'][number];
export type KaderStep = KaderPhase['steps'][number];
