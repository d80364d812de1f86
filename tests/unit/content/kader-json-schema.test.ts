import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildKader, kaderJsonSchema } from '../../../scripts/content/build-kader.ts';
import { CONTENT_DIR } from './content-dir.ts';

describe('the published JSON Schema of kader.json', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(kaderJsonSchema() as object);

  it('accepts the compiled framework', () => {
    const ok = validate(JSON.parse(JSON.stringify(buildKader(CONTENT_DIR))));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a framework with a step without sources', () => {
    const kader = JSON.parse(JSON.stringify(buildKader(CONTENT_DIR)));
    kader.phases[0].steps[0].sources = [];
    expect(validate(kader)).toBe(false);
  });
});
