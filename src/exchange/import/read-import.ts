import { describeRefusal, mergeEvents } from '../../incidents/domain/merge-events.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import { decryptEnvelope, isEnvelopeLike } from '../format/encryption.ts';
import { validate as validateExchange } from '../format/generated/exchange-validator.js';
import { gunzipText, isGzip } from '../format/gzip.ts';
import { parseJsonSafely } from '../format/safe-json.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeFile, type ExchangeIncident } from '../format/types.ts';
import { failure, type ImportFailure, MAX_IMPORT_BYTES } from './import-result.ts';

/**
 * Reads a file the adviser picked, in two steps (as Excalidraw does): a cheap guard on
 * size, JSON, format and version, then full validation of every event per type and
 * payload (by the validator generated from the published JSON Schema, see
 * scripts/exchange-validator.ts), then the checks a schema cannot express. Never throws
 * for bad input and never writes: previewImport and applyImport take the validated file.
 */

export interface ImportableFile {
  readonly size: number;
  text(): Promise<string>;
  /** A File has it; with it a gzip-compressed export is recognised by its first bytes. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export type ReadImportResult = { ok: true; file: ExchangeFile; encrypted: boolean } | ImportFailure;

export async function readImportFile(
  file: ImportableFile,
  options: { passphrase?: string } = {},
): Promise<ReadImportResult> {
  if (typeof file.size !== 'number' || !(file.size >= 0)) return failure('unreadable', 'size is not a number');
  if (file.size > MAX_IMPORT_BYTES) return failure('too-large', `${file.size} bytes`);
  let text: string;
  try {
    const bytes = file.arrayBuffer ? new Uint8Array(await file.arrayBuffer()) : undefined;
    if (bytes && isGzip(bytes)) {
      const unpacked = await gunzipText(bytes, MAX_IMPORT_BYTES);
      if (!unpacked.ok) return failure(unpacked.reason, unpacked.detail);
      text = unpacked.text;
    } else {
      text = bytes ? new TextDecoder().decode(bytes) : await file.text();
    }
  } catch (error) {
    return failure('unreadable', String(error));
  }
  if (typeof text !== 'string') return failure('unreadable', 'text() did not give a string');
  // A file may claim a small size and deliver more.
  if (text.length > MAX_IMPORT_BYTES) return failure('too-large', `${text.length} characters`);

  const parsed = parseJsonSafely(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return failure(parsed.hostile ? 'invalid-content' : 'unreadable', parsed.detail);
  if (!isEnvelopeLike(parsed.value)) return validateExchangeFile(parsed.value, false);

  if (!options.passphrase) return failure('needs-passphrase');
  const decrypted = await decryptEnvelope(parsed.value, options.passphrase);
  if (!decrypted.ok) {
    const reason = decrypted.reason === 'invalid-envelope' ? 'invalid-content' : decrypted.reason;
    return failure(reason, decrypted.detail);
  }
  const inner = parseJsonSafely(decrypted.plaintext);
  if (!inner.ok) return failure(inner.hostile ? 'invalid-content' : 'unreadable', inner.detail);
  if (isEnvelopeLike(inner.value)) return failure('invalid-content', 'an envelope inside an envelope');
  return validateExchangeFile(inner.value, true);
}

/** For a value already parsed (e.g. a fixture). Unknown keys are stripped from `value` itself. */
export function validateExchangeFile(value: unknown, encrypted: boolean): ReadImportResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return failure('foreign-format', 'not an object');
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== EXCHANGE_FORMAT) return failure('foreign-format', `format ${JSON.stringify(format)?.slice(0, 80)}`);
  if (typeof version === 'number' && Number.isInteger(version) && version > EXCHANGE_VERSION) {
    return failure('newer-version', `version ${version}`);
  }
  if (version !== EXCHANGE_VERSION)
    return failure('invalid-content', `version ${JSON.stringify(version)?.slice(0, 80)}`);

  // Strips unknown keys in place: the value is the importer's own parse of the file.
  const valid = validateExchange(value);
  if (!valid) {
    const issue = validateExchange.errors?.[0];
    return failure('invalid-content', `${issue?.instancePath ?? ''}: ${issue?.keyword ?? 'invalid'}`);
  }
  const file = value as ExchangeFile;
  if (file.anonymised && file.network?.length)
    return failure('invalid-content', 'an anonymised file with a network section');
  const incidents = checkedSection('incidents', file.incidents);
  if (typeof incidents === 'string') return failure('invalid-content', incidents);
  const network = file.network && checkedSection('network', file.network);
  if (typeof network === 'string') return failure('invalid-content', network);
  return { ok: true, file: { ...file, incidents, ...(network ? { network } : {}) }, encrypted };
}

/**
 * What the schema cannot say: each incident appears once, and the one merge's rules
 * hold within each incident (events belong to it, an id repeated carries the same
 * content, exactly one start) and across the section (an id used in two incidents has
 * two contents). Gives each
 * incident's events once each, in the one total order, or the problem. Per section: a
 * backup may hold an own incident and its anonymised copy from the network.
 */
function checkedSection(section: string, incidents: readonly ExchangeIncident[]): ExchangeIncident[] | string {
  const incidentIds = new Set<string>();
  // One index for the whole section: an event id used in two incidents is refused by the merge.
  const index = new Map<string, IncidentEvent>();
  const checked: ExchangeIncident[] = [];
  for (const [i, { incident, events }] of incidents.entries()) {
    const where = `${section}.${i}`;
    if (incidentIds.has(incident.id)) return `${where}: incident ${incident.id} appears twice`;
    incidentIds.add(incident.id);
    const merged = mergeEvents(incident.id, [], events, { index });
    if (!merged.ok) return `${where}: ${describeRefusal(merged.refusal)}`;
    checked.push({ incident, events: merged.fresh.sort(compareEvents) });
  }
  return checked;
}
