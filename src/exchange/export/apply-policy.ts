import type { IncidentEvent } from '../../model/events.ts';
import { opaqueStepId } from '../../model/local-layer.ts';
import { EVENT_POLICY, type FieldPolicy, PAYLOAD_POLICY, type PolicyTable } from '../format/field-policy.ts';

/**
 * Copies a value field by field through a policy table: what the table does not list
 * is not copied. Without `anonymiser` every exported field is copied as is; with one,
 * each field is handled as its policy says.
 */

export interface Anonymiser {
  /** `path` names the field inside the payload, e.g. `motivation` or `considerations.0.note`. */
  freeText(eventId: string, path: string, text: string): string;
  pseudonym(field: string, value: string): string;
  pseudonymId(id: string): string;
  postcodeArea(postcode: string): string;
  generaliseTitle(row: Record<string, unknown>): string;
  coarsenTime(iso: string): string;
  dropped(field: string): void;
}

export function copyByPolicy(
  value: unknown,
  table: PolicyTable,
  anonymiser: Anonymiser | undefined,
  context: { eventId: string; path: string },
): Record<string, unknown> {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [field, policy] of exportedFields(table)) {
    if (!Object.hasOwn(source, field)) continue;
    const fieldValue = source[field];
    if (fieldValue === undefined) continue;
    if (policy.nested) {
      const inner = policy.nested;
      const path = pathOf(context, field);
      copy[field] =
        policy.list && Array.isArray(fieldValue)
          ? fieldValue.map((item, i) => copyByPolicy(item, inner, anonymiser, { ...context, path: `${path}.${i}` }))
          : copyByPolicy(fieldValue, inner, anonymiser, { ...context, path });
      continue;
    }
    if (!anonymiser) {
      copy[field] = clone(fieldValue);
      continue;
    }
    switch (policy.anonymised) {
      case 'keep':
        copy[field] = clone(fieldValue);
        break;
      case 'drop':
        anonymiser.dropped(field);
        break;
      case 'blank':
        if (fieldValue !== '') anonymiser.dropped(field);
        copy[field] = '';
        break;
      case 'postcode-area':
        copy[field] = anonymiser.postcodeArea(String(fieldValue));
        break;
      case 'generalise-title':
        copy[field] = anonymiser.generaliseTitle(source);
        break;
      case 'coarsen-time':
        copy[field] = anonymiser.coarsenTime(String(fieldValue));
        break;
      case 'pseudonymise':
        copy[field] = anonymiser.pseudonym(field, String(fieldValue));
        break;
      case 'pseudonymise-id':
        copy[field] = Array.isArray(fieldValue)
          ? fieldValue.map((item) => anonymiser.pseudonymId(String(item)))
          : anonymiser.pseudonymId(String(fieldValue));
        break;
      case 'opaque-step-id':
        copy[field] = opaqueStepId(String(fieldValue));
        break;
      case 'free-text':
        copy[field] = anonymiser.freeText(context.eventId, pathOf(context, field), String(fieldValue));
        break;
      case 'nested':
        // A nested policy without a table is a mistake in the table: leave the field out.
        break;
    }
  }
  return copy;
}

const pathOf = (context: { path: string }, field: string) => (context.path ? `${context.path}.${field}` : field);

/**
 * The exported fields of a table, listed once per table: an export of 100,000 events
 * copies two tables per event, and listing them again each time was a fifth of its cost.
 */
const exportedFieldsByTable = new WeakMap<PolicyTable, [string, FieldPolicy][]>();
function exportedFields(table: PolicyTable): [string, FieldPolicy][] {
  let fields = exportedFieldsByTable.get(table);
  if (!fields) {
    fields = Object.entries(table).filter(([, policy]) => policy.exported);
    exportedFieldsByTable.set(table, fields);
  }
  return fields;
}

export function copyEventByPolicy(event: IncidentEvent, anonymiser?: Anonymiser): IncidentEvent {
  const copy = copyByPolicy(event, EVENT_POLICY, anonymiser, { eventId: event.id, path: '' });
  const payloadPolicy = PAYLOAD_POLICY[event.type] as PolicyTable | undefined;
  copy.payload = payloadPolicy
    ? copyByPolicy(event.payload, payloadPolicy, anonymiser, { eventId: event.id, path: '' })
    : {};
  return copy as unknown as IncidentEvent;
}

function clone<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

/** Every free-text field of an event, with its path as copyByPolicy names it. */
export function freeTextFields(event: IncidentEvent): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const collector: Anonymiser = {
    freeText: (_eventId, path, text) => {
      found.push({ path, text });
      return text;
    },
    pseudonym: (_field, value) => value,
    pseudonymId: (id) => id,
    postcodeArea: (postcode) => postcode,
    generaliseTitle: () => '',
    coarsenTime: (iso) => iso,
    dropped: () => {},
  };
  copyEventByPolicy(event, collector);
  return found;
}
