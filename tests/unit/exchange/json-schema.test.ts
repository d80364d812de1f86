import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_VALIDATOR_PATH } from '../../../scripts/exchange-validator.ts';
import {
  EXCHANGE_SCHEMA_PATH,
  exchangeSchemaText,
  exchangeValidatorText,
} from '../../../scripts/write-exchange-schema.ts';

describe('the published JSON Schema of the exchange file', () => {
  it('is the one the code generates (run `npx tsx scripts/write-exchange-schema.ts` after changing format.ts)', () => {
    expect(readFileSync(EXCHANGE_SCHEMA_PATH, 'utf8')).toBe(exchangeSchemaText());
  });

  it('is the one the import validator was generated from (same command)', () => {
    expect(readFileSync(EXCHANGE_VALIDATOR_PATH, 'utf8')).toBe(exchangeValidatorText());
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(exchangeSchemaText()));
  const fixture = () => JSON.parse(readFileSync('tests/fixtures/exchange-v1.json', 'utf8'));

  it('accepts the version 1 fixture', () => {
    const ok = validate(fixture());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects an event with a payload of another type', () => {
    const file = fixture();
    file.incidents[0].events[0].type = 'step.note-added';
    expect(validate(file)).toBe(false);
  });
});

describe('the example in docs/exchange-format.md', () => {
  it('is a valid file that imports', async () => {
    const { readImportFile } = await import('../../../src/exchange/import/read-import.ts');
    const blocks = [...readFileSync('docs/exchange-format.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)];
    const example = blocks[blocks.length - 1]![1]!;
    const read = await readImportFile({ size: example.length, text: async () => example });
    expect(read.ok && read.file.incidents[0]!.events).toHaveLength(2);
  });
});
