import type { Kader } from '../content/schema.ts';
import type { AppDatabase } from '../db/database.ts';
import { type IncidentLogRow, readLogsInParallel } from '../db/event-log.ts';
import { getPseudonymSecret } from '../db/settings.ts';
import { toStorageError } from '../db/storage-error.ts';
import { compareEvents } from '../incidents/events.ts';
import { foldIncident } from '../incidents/fold.ts';
import { projectIncident } from '../incidents/projection.ts';
import { type AnonymiseChoices, anonymiseIncidents, type ExportInput } from './anonymise.ts';
import { copyByPolicy, copyEventByPolicy } from './apply-policy.ts';
import { encryptText } from './encryption.ts';
import { SUMMARY_POLICY } from './field-policy.ts';
import { COMPRESS_ABOVE_CHARS, gzipText } from './gzip.ts';
import { readNetworkIncidents } from './network.ts';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeFile,
  type ExchangeIncident,
  type IncidentSummary,
} from './types.ts';

export interface ExportOptions {
  incidentIds: readonly string[] | 'all';
  /** Present: the anonymised variant for the network, with the adviser's choices per free text. */
  anonymise?: AnonymiseChoices;
  /** The framework content, for progress in the summaries and the file's contentVersion. */
  kader?: Kader;
  now?: Date;
  app?: { name: string; version: string };
  /** Backups: also the network's reference incidents, in their own section. */
  includeNetwork?: boolean;
}

export const APP_NAME = 'handelingskader-explosies';
const appVersion = () => (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0');

/** The incidents' events (sorted) and folded states. Unknown ids, and logs without a start, are skipped. */
export async function readExportInput(db: AppDatabase, incidentIds: readonly string[] | 'all'): Promise<ExportInput> {
  const stored = await readStored(db, incidentIds);
  const incidents: ExportInput['incidents'] = [];
  for (const { events } of stored) {
    const sorted = [...events].sort(compareEvents);
    const state = foldIncident(sorted);
    if (state) incidents.push({ state, events: sorted });
  }
  return { incidents };
}

async function readStored(db: AppDatabase, incidentIds: readonly string[] | 'all'): Promise<IncidentLogRow[]> {
  try {
    return await readLogsInParallel(db, incidentIds);
  } catch (error) {
    throw toStorageError(error);
  }
}

type FileOptions = Omit<ExportOptions, 'incidentIds'>;

function fileHeader(options: FileOptions, fallbackContentVersion: string | undefined) {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    contentVersion: options.kader?.version ?? fallbackContentVersion ?? '',
    app: options.app ?? { name: APP_NAME, version: appVersion() },
  } as const;
}

/**
 * Pure: the file for the given incidents. Only fields the field policy lists are copied.
 * The summary is projected from the fold with this export's framework content, not
 * taken from the stored list row: a row is rewritten only when its incident changes,
 * so after an update of the content or the app it may be out of date.
 */
export function buildExportFile(input: ExportInput, options: FileOptions = {}): ExchangeFile {
  const { anonymise, kader } = options;
  const header = fileHeader(options, input.incidents[0]?.state.contentVersion);
  if (anonymise) {
    const { incidents, removed } = anonymiseIncidents(input, anonymise, kader);
    return { ...header, anonymised: true, removed, incidents };
  }
  const incidents = input.incidents.map(
    ({ state, events }): ExchangeIncident => ({
      incident: copyByPolicy(projectIncident(state, kader), SUMMARY_POLICY, undefined, {
        eventId: state.id,
        path: '',
      }) as unknown as IncidentSummary,
      events: [...events].sort(compareEvents).map((event) => copyEventByPolicy(event)),
    }),
  );
  return { ...header, anonymised: false, incidents };
}

export async function exportIncidents(db: AppDatabase, options: ExportOptions): Promise<ExchangeFile> {
  const anonymise = options.anonymise && {
    ...options.anonymise,
    pseudonymSecret: options.anonymise.pseudonymSecret ?? (await getPseudonymSecret(db)),
  };
  const file = buildExportFile(await readExportInput(db, options.incidentIds), {
    ...options,
    ...(anonymise ? { anonymise } : {}),
  });
  if (options.includeNetwork && !options.anonymise) {
    const network = await readNetworkIncidents(db);
    if (network.length) file.network = network;
  }
  return file;
}

/** Compact: an export of a thousand incidents is a third smaller than indented JSON, and faster to write and read. */
export function serialiseExport(file: ExchangeFile): string {
  return `${JSON.stringify(file)}\n`;
}

export interface ExportArtifact {
  fileName: string;
  mimeType: 'application/json' | 'application/gzip';
  /** The JSON (or the encrypted envelope), uncompressed. */
  text: string;
  /** What goes into the file: the text, or its gzip compression for a large plain export. */
  body: string | Uint8Array<ArrayBuffer>;
}

/**
 * The file to save or share. With a passphrase the JSON is encrypted (after the
 * database reads, outside any transaction); without one, JSON over 1 MB is
 * gzip-compressed. `iterations` is for tests; the reader refuses fewer than 600,000.
 */
export async function toArtifact(
  file: ExchangeFile,
  options: { passphrase?: string; backup?: boolean; iterations?: number } = {},
): Promise<ExportArtifact> {
  const plain = serialiseExport(file);
  const encrypted = Boolean(options.passphrase);
  const text = options.passphrase
    ? `${JSON.stringify(await encryptText(plain, options.passphrase, withIterations(options.iterations)), null, 2)}\n`
    : plain;
  const fileName = exportFileName(file, { encrypted, backup: options.backup ?? false });
  // An encrypted envelope is not compressed: its ciphertext would not shrink.
  if (!encrypted && text.length > COMPRESS_ABOVE_CHARS) {
    return { fileName: `${fileName}.gz`, mimeType: 'application/gzip', text, body: await gzipText(text) };
  }
  return { fileName, mimeType: 'application/json', text, body: text };
}

const withIterations = (iterations: number | undefined) => (iterations === undefined ? {} : { iterations });

/**
 * Says what is inside and when, never who or where exactly: `handelingskader-incident-utrecht-2026-03-01.json`,
 * `handelingskader-anoniem-…`, `handelingskader-backup-2026-03-01.versleuteld.json`. An encrypted file stays
 * `.json` (it is a JSON envelope), so file pickers filtering on JSON still offer it.
 */
export function exportFileName(
  file: Pick<ExchangeFile, 'exportedAt' | 'anonymised' | 'incidents'>,
  options: { encrypted?: boolean; backup?: boolean } = {},
): string {
  const date = amsterdamDate(file.exportedAt);
  const municipalities = [...new Set(file.incidents.map(({ incident }) => slug(incident.municipality)))].filter(
    Boolean,
  );
  const count = file.incidents.length;
  const where = municipalities.length === 1 ? municipalities[0]! : '';
  let what: string;
  if (options.backup) what = 'backup';
  else if (file.anonymised)
    what = ['anoniem', count === 1 ? '' : `${count}-incidenten`, where].filter(Boolean).join('-');
  else
    what =
      count === 1
        ? ['incident', where].filter(Boolean).join('-')
        : [`${count}-incidenten`, where].filter(Boolean).join('-');
  return `handelingskader-${what}-${date}${options.encrypted ? '.versleuteld' : ''}.json`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The calendar date in the Netherlands: a backup made at 00:30 is of that day, not the day before in UTC. */
function amsterdamDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'onbekende-datum';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
