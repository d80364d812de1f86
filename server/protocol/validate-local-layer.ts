// The one place on the server that knows where the local format's generated validator lives:
// an upload of the team's layer is held to exactly the rules of a file import in the app.
import { checkLocalFile } from '../../src/local/domain/check-local-file.ts';
import { validate } from '../../src/local/format/generated/local-validator.js';
import { LOCAL_FORMAT, LOCAL_VERSION, type LocalFile } from '../../src/local/format/types.ts';
import { Refusal } from './refusal.ts';

export interface LocalLayerUpload {
  baseRevision: number;
  /** When the server stored the base revision, as it said: a restored server may hold that number with other content. */
  baseUpdatedAt?: string;
  file: LocalFile;
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `{ baseRevision, file }`: the revision the upload was built on and a `handelingskader-lokaal`
 * file (docs/local-format.md). Unknown keys are stripped in place, as in an import, so the
 * stored file is what a device reads. A file "voor andere gemeenten" is refused: the team
 * shares the whole layer, and storing a stripped one would drop the internal contacts.
 */
export function parseLocalLayerUpload(body: unknown): LocalLayerUpload {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Refusal('invalid-request', 'body must be a JSON object');
  const { baseRevision, baseUpdatedAt, file } = body as Record<string, unknown>;
  if (typeof baseRevision !== 'number' || !Number.isSafeInteger(baseRevision) || baseRevision < 0)
    throw new Refusal('invalid-request', 'baseRevision must be a revision from an earlier response, or 0');
  if (baseUpdatedAt !== undefined && (typeof baseUpdatedAt !== 'string' || !STAMP.test(baseUpdatedAt)))
    throw new Refusal('invalid-request', 'baseUpdatedAt must be the updatedAt of an earlier response');
  const value = file as { format?: unknown; version?: unknown; shared?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.format !== LOCAL_FORMAT || value.version !== LOCAL_VERSION)
    throw new Refusal('invalid-local-layer', `file must be ${LOCAL_FORMAT} version ${LOCAL_VERSION}`);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new Refusal('invalid-local-layer', first ? `${first.instancePath || '/'} ${first.keyword}` : 'invalid');
  }
  if (value.shared !== false)
    throw new Refusal('invalid-local-layer', 'a shared (stripped) file is not the team layer');
  // The Dutch sentence names ids of the layer only, no contact data.
  const problem = checkLocalFile(value as LocalFile);
  if (problem) throw new Refusal('invalid-local-layer', problem);
  return { baseRevision, ...(baseUpdatedAt === undefined ? {} : { baseUpdatedAt }), file: value as LocalFile };
}
