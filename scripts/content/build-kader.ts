import { z } from 'zod';
import { kaderSchema } from '../../src/content/schema.ts';
import { compileContent } from './compile-content.ts';
import { ContentValidationError } from './content-error.ts';
import { readContentDir } from './read-content.ts';

/** Reads, validates and compiles content/; throws a ContentValidationError listing every problem. */
export function buildKader(contentDir: string) {
  const read = readContentDir(contentDir);
  const compiled = compileContent(read.files);
  const errors = [...read.errors, ...compiled.errors];
  if (errors.length > 0 || !compiled.kader) throw new ContentValidationError(errors);
  return compiled.kader;
}

export function kaderJsonSchema(): unknown {
  return z.toJSONSchema(kaderSchema, { target: 'draft-2020-12', io: 'output' });
}
