import { z } from 'zod';
import { CONTACT_VISIBILITIES, LOCAL_STEP_ID_PATTERN, MUNICIPALITY_CODE_PATTERN } from '../../model/local-layer.ts';
import { PHASE_IDS, STEP_KINDS, TARGETS, TIME_WINDOW_IDS } from '../../model/vocabulary.ts';
import { CONTACT_ID_PATTERN, EMAIL_PATTERN, HTTP_URL_PATTERN, LOCAL_LIMITS, PHONE_PATTERN } from './rules.ts';
import { LOCAL_FORMAT, LOCAL_VERSION } from './types.ts';

/**
 * The file format `handelingskader-lokaal`, version 1: one municipality's local layer. The one
 * description of the format: the TypeScript types come from it, the published JSON Schema
 * (docs/schemas/local.schema.json) and the import's validator are generated from it
 * (scripts/write-local-schema.ts). Unknown fields are dropped on import, so a later version may
 * add fields; a new meaning for a field needs a new version.
 */

const name = z.string().min(1).max(LOCAL_LIMITS.name);
const optionalName = z.string().max(LOCAL_LIMITS.name);
const shortText = z.string().max(LOCAL_LIMITS.shortText);
const text = z.string().min(1).max(LOCAL_LIMITS.text);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/, 'tijd als ISO 8601 in UTC');
const municipalityCode = z.string().regex(MUNICIPALITY_CODE_PATTERN);
const contactId = z.string().max(LOCAL_LIMITS.name).regex(CONTACT_ID_PATTERN);
const localStepId = z.string().max(LOCAL_LIMITS.name).regex(LOCAL_STEP_ID_PATTERN);
/** A national step or instrument id (kept as text: the reader's content may be older or newer). */
const nationalId = z
  .string()
  .min(1)
  .max(LOCAL_LIMITS.name)
  .regex(/^[a-z0-9][a-z0-9.-]*$/);
const idList = (id: z.ZodString) => z.array(id).max(LOCAL_LIMITS.references);

export const localContactSchema = z
  .object({
    id: contactId,
    name,
    role: optionalName,
    partnerId: nationalId.optional(),
    phones: z
      .array(
        z.object({ label: z.string().max(60), number: z.string().max(LOCAL_LIMITS.phoneNumber).regex(PHONE_PATTERN) }),
      )
      .max(LOCAL_LIMITS.phones),
    email: z.string().max(LOCAL_LIMITS.name).regex(EMAIL_PATTERN).optional(),
    availability: optionalName.optional(),
    visibility: z.enum(CONTACT_VISIBILITIES),
    person: z.boolean().optional(),
    copiedFrom: contactId.optional(),
  })
  .meta({ id: 'LocalContact' });

export const localStepSchema = z
  .object({
    id: localStepId,
    phase: z.enum(PHASE_IDS),
    after: z.union([nationalId, localStepId]).optional(),
    title: name,
    what: text,
    why: text,
    kind: z.enum(STEP_KINDS),
    actor: name,
    targets: z.array(z.enum(TARGETS)).min(1).max(TARGETS.length),
    timeWindow: z.enum(TIME_WINDOW_IDS).optional(),
    timing: shortText.optional(),
    partners: idList(nationalId),
    contacts: idList(contactId),
    sources: z
      .array(z.object({ title: name, url: z.string().max(LOCAL_LIMITS.shortText).regex(HTTP_URL_PATTERN).optional() }))
      .max(LOCAL_LIMITS.sources),
    changedAt: instant.optional(),
    copiedFrom: localStepId.optional(),
  })
  .meta({ id: 'LocalStep' });

export const localAnnotationSchema = z
  .object({
    targetId: nationalId,
    note: text,
    contacts: idList(contactId),
    nationalTextHash: z.string().min(1).max(100),
  })
  .meta({ id: 'LocalAnnotation' });

const notApplicableSchema = z.object({ stepId: nationalId, reason: z.string().min(1).max(LOCAL_LIMITS.shortText) });

const originSchema = z.object({
  municipality: name,
  municipalityCode,
  revision: z.number().int().min(0).max(1_000_000_000),
  importedAt: instant,
});

export const localLayerSchema = z
  .object({
    municipalityCode,
    municipality: name,
    revision: z.number().int().min(0).max(1_000_000_000),
    contacts: z.array(localContactSchema).max(LOCAL_LIMITS.contacts),
    steps: z.array(localStepSchema).max(LOCAL_LIMITS.steps),
    annotations: z.array(localAnnotationSchema).max(LOCAL_LIMITS.annotations),
    notApplicable: z.array(notApplicableSchema).max(LOCAL_LIMITS.notApplicable),
    origins: z.array(originSchema).max(LOCAL_LIMITS.origins),
  })
  .meta({ id: 'LocalLayer' });

export const localFileSchema = z.object({
  format: z.literal(LOCAL_FORMAT),
  version: z.literal(LOCAL_VERSION),
  exportedAt: instant,
  /** The national framework version the layer was written against (its notes' hashes are of that text). */
  contentVersion: z.string().max(40),
  /** True for the export "voor andere gemeenten": internal contacts and personal data left out. */
  shared: z.boolean(),
  layer: localLayerSchema,
});

export type LocalFile = z.infer<typeof localFileSchema>;

/** The published JSON Schema (zod closes every object: a tool checking a file sees stray fields). */
export function localJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(localFileSchema, { target: 'draft-2020-12', io: 'output' }),
    title: 'Handelingskader Explosies: lokale laag van een gemeente (handelingskader-lokaal, versie 1)',
  };
}
