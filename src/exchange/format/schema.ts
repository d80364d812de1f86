import { z } from 'zod';
import { isCalendarDate } from '../../model/calendar-date.ts';
import { DECISION_OUTCOMES, INCIDENT_KINDS, type IncidentEvent, STEP_STATUSES } from '../../model/events.ts';
import { PHASE_IDS, TARGETS } from '../../model/vocabulary.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, LIMITS } from './types.ts';

/**
 * The exchange file: versioned JSON, described once here. The strict schema is what
 * this version writes and what docs/schemas/exchange.schema.json publishes; import
 * reads with unknown keys stripped, so a file from a later app that only added
 * optional fields still opens. The import itself runs code generated from the
 * published schema (scripts/exchange-validator.ts); the permissive schema here is the
 * reference it must match (tests/unit/exchange/exchange-validator.test.ts).
 * See docs/exchange-format.md.
 */

const id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[0-9A-Za-z][0-9A-Za-z._:-]*$/, 'ongeldige id');
/** The moment an event was written: exactly `YYYY-MM-DDTHH:mm:ss.sssZ`, so text order is time order. */
const instant = z.iso.datetime({ precision: 3 }).refine(isCalendarDate, 'geen bestaande datum').meta({ id: 'Instant' });
/** A date or date-time as the adviser entered it (ISO 8601). */
const dateText = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'geen datum')
  .refine(isCalendarDate, 'geen bestaande datum')
  .meta({ id: 'DateText' });
const name = z.string().max(LIMITS.name);
const shortText = z.string().max(LIMITS.shortText);
const freeText = z.string().max(LIMITS.freeText);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.list);

function schemas(strict: boolean) {
  // One factory builds both variants with the same shape; they differ only in unknown keys.
  const object = <S extends Record<string, z.ZodType>>(shape: S) =>
    (strict ? z.strictObject(shape) : z.object(shape)) as unknown as z.ZodObject<S>;
  // Named parts become $defs in the published JSON Schema (only the strict variant is published).
  const named = <T extends z.ZodType>(schema: T, id: string): T => (strict ? schema.meta({ id }) : schema);

  const address = named(object({ street: shortText, houseNumber: name, postcode: name, city: shortText }), 'Address');
  const details = {
    kind: z.enum(INCIDENT_KINDS),
    target: z.enum(TARGETS),
    address: address.optional(),
    locationDescription: freeText.optional(),
    municipality: name,
    occurredAt: dateText,
  };
  const consideration = named(
    object({ considerationId: name, checked: z.boolean(), note: freeText }),
    'ConsiderationWeighed',
  );
  const decisionFields = {
    instrumentId: name,
    stepId: name.optional(),
    outcome: z.enum(DECISION_OUTCOMES),
    considerations: list(consideration),
    motivation: freeText,
    decidedAt: dateText,
    term: named(object({ start: dateText.optional(), end: dateText.optional() }), 'DecisionTerm').optional(),
    announcedAt: dateText.optional(),
    hearingAt: dateText.optional(),
  };
  const partialDecision = object({
    instrumentId: decisionFields.instrumentId.optional(),
    stepId: decisionFields.stepId,
    outcome: decisionFields.outcome.optional(),
    considerations: decisionFields.considerations.optional(),
    motivation: decisionFields.motivation.optional(),
    decidedAt: decisionFields.decidedAt.optional(),
    term: decisionFields.term,
    announcedAt: decisionFields.announcedAt,
    hearingAt: decisionFields.hearingAt,
  });

  const payloads = {
    'incident.created': object({
      ...details,
      phase: z.enum(['dreiging', 'direct-na']),
      contentVersion: name,
      // Optional: files from before issue 14 stay valid.
      localLayer: named(
        object({
          municipalityCode: z.string().regex(/^gm\d{4}$/),
          revision: z.number().int().min(0).max(1_000_000_000),
        }),
        'LocalLayerRef',
      ).optional(),
    }),
    'incident.details-changed': object({
      kind: details.kind.optional(),
      target: details.target.optional(),
      address: details.address,
      locationDescription: details.locationDescription,
      municipality: details.municipality.optional(),
      occurredAt: details.occurredAt.optional(),
      clear: z
        .array(z.enum(['address', 'locationDescription']))
        .max(2)
        .optional(),
    }),
    'incident.phase-changed': object({ phase: z.enum(PHASE_IDS) }),
    'incident.linked': object({ otherIncidentId: id, reason: z.enum(['zelfde-adres', 'handmatig']) }),
    'incident.closed': object({}),
    'incident.reopened': object({}),
    'step.status-set': object({ stepId: name, status: z.enum(STEP_STATUSES), reason: freeText.optional() }),
    'step.note-added': object({ stepId: name, text: freeText }),
    'log.entry-added': object({ text: freeText, happenedAt: dateText.optional() }),
    'decision.recorded': object(decisionFields),
    'entry.edited': object({
      entryId: id,
      text: freeText.optional(),
      happenedAt: dateText.optional(),
      decision: partialDecision.optional(),
    }),
    'entry.withdrawn': object({ entryId: id, reason: freeText }),
  };

  const eventOf = <T extends keyof typeof payloads>(type: T) =>
    named(
      object({
        id,
        incidentId: id,
        at: instant,
        actor: name,
        device: name,
        type: z.literal(type),
        payload: payloads[type],
      }),
      `Event:${type}`,
    );
  const event = z.discriminatedUnion('type', [
    eventOf('incident.created'),
    eventOf('incident.details-changed'),
    eventOf('incident.phase-changed'),
    eventOf('incident.linked'),
    eventOf('incident.closed'),
    eventOf('incident.reopened'),
    eventOf('step.status-set'),
    eventOf('step.note-added'),
    eventOf('log.entry-added'),
    eventOf('decision.recorded'),
    eventOf('entry.edited'),
    eventOf('entry.withdrawn'),
  ]);

  const progress = object({ done: z.number().int().min(0), applicable: z.number().int().min(0) });
  const summary = named(
    object({
      id,
      status: z.enum(['open', 'gesloten']),
      kind: details.kind,
      target: details.target,
      municipality: name,
      title: shortText,
      addressKey: z.string().max(LIMITS.id).optional(),
      occurredAt: dateText,
      createdAt: instant,
      updatedAt: instant,
      closedAt: instant.optional(),
      phase: z.enum(PHASE_IDS),
      progress: z.partialRecord(z.enum(PHASE_IDS), progress),
      contentVersion: name,
      linkedIncidentIds: list(id),
      /** Step and instrument ids of a newer framework version than the file's, named by its events. */
      newerContentIds: list(name).optional(),
    }),
    'IncidentSummary',
  );
  const exchangeIncident = object({ incident: summary, events: z.array(event).max(100_000) });

  const file = object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    exportedAt: instant,
    contentVersion: name,
    app: object({ name, version: name }),
    anonymised: z.boolean(),
    removed: list(object({ what: name, count: z.number().int().min(0) })).optional(),
    incidents: z.array(exchangeIncident).max(100_000),
    /** Backups only: anonymised reference incidents from the network, kept apart from own ones. */
    network: z.array(exchangeIncident).max(100_000).optional(),
  });
  return { file, event, summary, payloads };
}

const strictSchemas = schemas(true);
const permissiveSchemas = schemas(false);

/** What this version writes; published as JSON Schema. */
export const exchangeFileSchema = strictSchemas.file;
/** What import accepts: the same, with unknown keys stripped. The reference for the generated validator. */
export const permissiveExchangeFileSchema = permissiveSchemas.file;
export const eventSchema = permissiveSchemas.event;

// The file's events are the app's events, both ways: TypeScript fails here if the
// schema and src/model/events.ts drift apart. The file's other types come from the
// schema itself (types.ts).
type FileEvent = z.infer<typeof strictSchemas.event>;
export const fileEventIsIncidentEvent = (event: FileEvent): IncidentEvent => event;
export const incidentEventIsFileEvent = (event: IncidentEvent): FileEvent => event;
export const permissiveEventIsIncidentEvent = (event: z.infer<typeof eventSchema>): IncidentEvent => event;

export function exchangeJsonSchema(): unknown {
  return z.toJSONSchema(exchangeFileSchema, { target: 'draft-2020-12', io: 'output' });
}
