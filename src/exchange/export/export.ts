import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { type IncidentLogRow, readLogsAhead, readLogsInParallel } from '../../db/event-log.ts';
import { getPseudonymSecret } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { foldIncident } from '../../incidents/domain/fold.ts';
import type { IncidentState } from '../../incidents/domain/incident-state.ts';
import { projectIncident } from '../../incidents/domain/projection.ts';
import { compareEvents, type IncidentEvent } from '../../model/events.ts';
import { withNewerContentIds } from '../format/content-ids.ts';
import { SUMMARY_POLICY } from '../format/field-policy.ts';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeFile,
  type ExchangeIncident,
  type IncidentSummary,
} from '../format/types.ts';
import { readNetworkIncidents } from '../import/network.ts';
import { type AnonymiseChoices, anonymiseIncidents, type ExportInput } from './anonymise.ts';
import { copyByPolicy, copyEventByPolicy } from './apply-policy.ts';

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

export async function* readStoredAhead(db: AppDatabase, incidentIds: readonly string[] | 'all') {
  try {
    yield* readLogsAhead(db, incidentIds);
  } catch (error) {
    throw toStorageError(error);
  }
}

async function readStored(db: AppDatabase, incidentIds: readonly string[] | 'all'): Promise<IncidentLogRow[]> {
  try {
    return await readLogsInParallel(db, incidentIds);
  } catch (error) {
    throw toStorageError(error);
  }
}

type FileOptions = Omit<ExportOptions, 'incidentIds'>;

export function fileHeader(options: FileOptions, fallbackContentVersion: string | undefined) {
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
  const incidents = input.incidents.map(({ state, events }) => plainIncident(state, events, kader));
  return { ...header, anonymised: false, incidents };
}

export function plainIncident(
  state: IncidentState,
  events: readonly IncidentEvent[],
  kader: Kader | undefined,
): ExchangeIncident {
  const summary = copyByPolicy(projectIncident(state, kader), SUMMARY_POLICY, undefined, {
    eventId: state.id,
    path: '',
  }) as unknown as IncidentSummary;
  return {
    incident: withNewerContentIds(summary, events, kader),
    events: [...events].sort(compareEvents).map((event) => copyEventByPolicy(event)),
  };
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
