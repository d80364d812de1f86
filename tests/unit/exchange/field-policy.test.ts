import { describe, expect, it } from 'vitest';
import {
  type AnonymisedHandling,
  PAYLOAD_POLICY,
  type PolicyTable,
} from '../../../src/exchange/format/field-policy.ts';
import { eventSchema } from '../../../src/exchange/format/schema.ts';
import { EVENT_TYPES } from '../../../src/model/events.ts';

/** The keys of the zod object for one event type's payload (the schema import validates against). */
function payloadKeys(type: string): string[] {
  const option = eventSchema.options.find((candidate) => candidate.shape.type.value === type);
  return Object.keys(option?.shape.payload.shape ?? {}).sort();
}

describe('the field policy', () => {
  // TypeScript already refuses a PAYLOAD_POLICY without a key of EventPayloads; this also
  // ties the table to the import schema and to every event type at run time.
  it('has a policy for every event type and every payload field the exchange schema knows', () => {
    expect(Object.keys(PAYLOAD_POLICY).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      expect(Object.keys(PAYLOAD_POLICY[type]).sort(), type).toEqual(payloadKeys(type));
    }
  });

  it('gives every nested policy a table and only known handlings', () => {
    const handlings: AnonymisedHandling[] = [
      'keep',
      'drop',
      'blank',
      'postcode-area',
      'generalise-title',
      'coarsen-time',
      'pseudonymise',
      'pseudonymise-id',
      'opaque-step-id',
      'free-text',
      'nested',
    ];
    const check = (table: PolicyTable, path: string) => {
      for (const [field, policy] of Object.entries(table)) {
        expect(handlings, `${path}.${field}`).toContain(policy.anonymised);
        if (policy.anonymised === 'nested') {
          expect(policy.nested, `${path}.${field}`).toBeDefined();
          check(policy.nested!, `${path}.${field}`);
        }
      }
    };
    for (const type of EVENT_TYPES) check(PAYLOAD_POLICY[type], type);
  });
});
