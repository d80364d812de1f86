import { writeFileSync } from 'node:fs';
import { exchangeJsonSchema } from '../src/exchange/format.ts';

/** Writes docs/schemas/exchange.schema.json; tests/unit/exchange/json-schema.test.ts fails when it is stale. */
export const EXCHANGE_SCHEMA_PATH = 'docs/schemas/exchange.schema.json';

export function exchangeSchemaText(): string {
  return `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('write-exchange-schema.ts')) {
  writeFileSync(EXCHANGE_SCHEMA_PATH, exchangeSchemaText());
  console.log(`Wrote ${EXCHANGE_SCHEMA_PATH}`);
}
