import { writeFileSync } from 'node:fs';
import { exchangeJsonSchema } from '../src/exchange/format/schema.ts';
import { EXCHANGE_VALIDATOR_PATH, exchangeValidatorSource } from './exchange-validator.ts';

/**
 * Writes docs/schemas/exchange.schema.json and the import validator generated from it;
 * tests/unit/exchange/json-schema.test.ts fails when either is stale.
 */
export const EXCHANGE_SCHEMA_PATH = 'docs/schemas/exchange.schema.json';

export function exchangeSchemaText(): string {
  return `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
}

export function exchangeValidatorText(): string {
  return exchangeValidatorSource(exchangeJsonSchema());
}

if (process.argv[1]?.endsWith('write-exchange-schema.ts')) {
  writeFileSync(EXCHANGE_SCHEMA_PATH, exchangeSchemaText());
  writeFileSync(EXCHANGE_VALIDATOR_PATH, exchangeValidatorText());
  console.log(`Wrote ${EXCHANGE_SCHEMA_PATH} and ${EXCHANGE_VALIDATOR_PATH}`);
}
