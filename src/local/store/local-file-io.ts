import type { AppDatabase } from '../../db/database.ts';
import { getAppDatabase } from '../../db/database.ts';
import { gunzipText, isGzip } from '../../exchange/format/gzip.ts';
import { parseJsonSafely } from '../../exchange/format/safe-json.ts';
import { checkLocalFile } from '../domain/check-local-file.ts';
import { validate } from '../format/generated/local-validator.js';
import { LOCAL_FORMAT, LOCAL_VERSION, type LocalFile, MAX_LOCAL_FILE_BYTES } from '../format/types.ts';

/**
 * Reads a local layer file the adviser picked, with the discipline of the incident import: size
 * first, gzip recognised by its first bytes (and unpacked no further than the limit), JSON without
 * dangerous keys, format and version, then the validator generated from the published JSON Schema,
 * then the checks a schema cannot say. Never throws for bad input and never writes.
 */

export type LocalReadFailureReason =
  | 'too-large'
  | 'unreadable'
  | 'foreign-format'
  | 'newer-version'
  | 'invalid-content';

export interface LocalReadFailure {
  ok: false;
  reason: LocalReadFailureReason;
  /** Dutch, for the adviser. */
  message: string;
  /** English or Dutch detail for developers and the "details" line. */
  detail?: string;
}

const NOTHING_CHANGED = 'Er is niets veranderd.';
export const LOCAL_READ_MESSAGE: Record<LocalReadFailureReason, string> = {
  'too-large': `Dit bestand is groter dan 5 MB en wordt niet ingelezen. Kies een bestand met een lokale laag uit deze app. ${NOTHING_CHANGED}`,
  unreadable: `Dit bestand kan niet worden gelezen: het is geen geldig bestand of het is onvolledig (bijvoorbeeld afgebroken tijdens het downloaden). ${NOTHING_CHANGED}`,
  'foreign-format': `Dit is geen bestand met een lokale laag van het Handelingskader. Een export of back-up van incidenten leest u in bij Delen. ${NOTHING_CHANGED}`,
  'newer-version': `Dit bestand is gemaakt met een nieuwere versie van de app. Werk de app bij en lees het bestand daarna opnieuw in. ${NOTHING_CHANGED}`,
  'invalid-content': `Dit bestand bevat gegevens die niet kloppen en wordt daarom niet ingelezen. Vraag de afzender om een nieuw bestand. ${NOTHING_CHANGED}`,
};

const refused = (
  reason: LocalReadFailureReason,
  detail?: string,
  message = LOCAL_READ_MESSAGE[reason],
): LocalReadFailure => (detail === undefined ? { ok: false, reason, message } : { ok: false, reason, message, detail });

export interface LocalImportableFile {
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export type ReadLocalFileResult = { ok: true; file: LocalFile } | LocalReadFailure;

export async function readLocalFile(input: LocalImportableFile): Promise<ReadLocalFileResult> {
  if (typeof input.size !== 'number' || !(input.size >= 0)) return refused('unreadable', 'size is not a number');
  if (input.size > MAX_LOCAL_FILE_BYTES) return refused('too-large', `${input.size} bytes`);
  let text: string;
  try {
    const bytes = input.arrayBuffer ? new Uint8Array(await input.arrayBuffer()) : undefined;
    if (bytes && isGzip(bytes)) {
      const unpacked = await gunzipText(bytes, MAX_LOCAL_FILE_BYTES);
      if (!unpacked.ok) return refused(unpacked.reason === 'too-large' ? 'too-large' : 'unreadable', unpacked.detail);
      text = unpacked.text;
    } else {
      text = bytes ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : await input.text();
    }
  } catch (error) {
    return refused('unreadable', String(error).slice(0, 300));
  }
  if (text.length > MAX_LOCAL_FILE_BYTES) return refused('too-large', `${text.length} characters`);
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return refused(parsed.hostile ? 'invalid-content' : 'unreadable', parsed.detail);
  const value = parsed.value as { format?: unknown; version?: unknown } | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value.format !== LOCAL_FORMAT)
    return refused('foreign-format');
  if (typeof value.version === 'number' && value.version > LOCAL_VERSION)
    return refused('newer-version', `version ${value.version}`);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    return refused('invalid-content', first ? `${first.instancePath || '/'} ${first.keyword}` : 'invalid');
  }
  const file = value as LocalFile;
  const problem = checkLocalFile(file);
  if (problem) return refused('invalid-content', problem, `${problem} ${NOTHING_CHANGED}`);
  return { ok: true, file };
}

/** The source's layer as we last imported it (for `bijwerken`), or undefined. */
export async function readSourceSnapshot(municipalityCode: string, db: AppDatabase = getAppDatabase()) {
  const row = await db.localLayer.get(`bron-${municipalityCode}`);
  if (!row) return undefined;
  const { id: _id, ...layer } = row;
  return layer;
}
