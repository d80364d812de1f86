import type { AppDatabase } from '../../db/database.ts';
import { foldIncident } from '../../incidents/domain/fold.ts';
import { encryptText } from '../format/encryption.ts';
import { COMPRESS_ABOVE_CHARS, type GzipSink, gzipText } from '../format/gzip.ts';
import { GzipWorkerError, openGzipSink } from '../format/gzip-sink.ts';
import type { ExchangeFile, IncidentSummary, RemovedCount } from '../format/types.ts';
import { readNetworkIncidents } from '../import/network.ts';
import { amsterdamDate } from './amsterdam-time.ts';
import {
  type ExportOptions,
  exportIncidents,
  fileHeader,
  plainIncident,
  readStoredAhead,
  serialiseExport,
} from './export.ts';
import { slug } from './file-name.ts';

/** The file an export or backup screen saves or shares: named, typed, plain, compressed or encrypted. */

export interface ExportArtifact {
  fileName: string;
  mimeType: 'application/json' | 'application/gzip';
  /** What goes into the file: the JSON (or the encrypted envelope), or its gzip compression for a large plain export. */
  body: string | Uint8Array<ArrayBuffer>;
}

export interface ArtifactOptions {
  passphrase?: string;
  backup?: boolean;
  /** For tests; the reader refuses fewer than 600,000. */
  iterations?: number;
}

/**
 * What the export and backup screens save or share, with the number of incidents in it.
 * A plain file is written while it is read (writePlainArtifact); an anonymised one needs
 * every incident first (pseudonyms and known names span the file), and an encrypted one
 * the whole text.
 */
export async function createExportArtifact(
  db: AppDatabase,
  options: ExportOptions & ArtifactOptions,
): Promise<{ artifact: ExportArtifact; incidents: number; removed?: RemovedCount[] }> {
  if (options.anonymise || options.passphrase) {
    const file = await exportIncidents(db, options);
    return {
      artifact: await toArtifact(file, options),
      incidents: file.incidents.length,
      ...(file.removed ? { removed: file.removed } : {}),
    };
  }
  // One moment for the header and the file name, also when the fallback below runs.
  const fixed = { ...options, now: options.now ?? new Date() };
  try {
    return await writePlainArtifact(db, fixed);
  } catch (error) {
    if (!(error instanceof GzipWorkerError)) throw error;
    // The worker could not start or failed (an old browser, a script the cache lost):
    // the file is made again in one piece, compressed in this thread. Slower, never lost.
    const file = await exportIncidents(db, fixed);
    return { artifact: await toArtifact(file, fixed), incidents: file.incidents.length };
  }
}

/**
 * The same bytes as `toArtifact(await exportIncidents(...))` for a plain file, made in
 * one pass: while the main thread folds and writes one chunk of incidents, the next
 * chunks are being read (readLogsAhead) and, past 1 MB, a worker compresses what is written. Done one
 * after another, reading, folding, writing and compressing a thousand incidents took
 * 1.1–1.4 s in Chromium here.
 */
async function writePlainArtifact(
  db: AppDatabase,
  options: ExportOptions & ArtifactOptions,
): Promise<{ artifact: ExportArtifact; incidents: number }> {
  const { kader } = options;
  const text = new ExportText();
  const municipalities: { incident: Pick<IncidentSummary, 'municipality'> }[] = [];
  const head = fileHeader(options, undefined);
  const header = (contentVersion: string | undefined) => {
    const json = JSON.stringify({ ...fileHeader(options, contentVersion), anonymised: false });
    return `${json.slice(0, -1)},"incidents":[`;
  };
  try {
    for await (const logs of readStoredAhead(db, options.incidentIds)) {
      for (const { events } of logs) {
        // Both sort: the fold for its order, plainIncident for the file's.
        const state = foldIncident(events);
        if (!state) continue;
        const incident = plainIncident(state, events, kader);
        text.write(municipalities.length === 0 ? header(state.contentVersion) : ',');
        text.write(JSON.stringify(incident));
        municipalities.push({ incident: { municipality: incident.incident.municipality } });
      }
    }
    if (municipalities.length === 0) text.write(header(undefined));
    text.write(']');
    if (options.includeNetwork) {
      const network = await readNetworkIncidents(db);
      if (network.length) text.write(`,"network":${JSON.stringify(network)}`);
    }
    text.write('}\n');
    const body = await text.finish();
    const fileName = exportFileName(
      { exportedAt: head.exportedAt, anonymised: false, incidents: municipalities },
      { backup: options.backup ?? false },
    );
    const artifact: ExportArtifact =
      typeof body === 'string'
        ? { fileName, mimeType: 'application/json', body }
        : { fileName: `${fileName}.gz`, mimeType: 'application/gzip', body };
    return { artifact, incidents: municipalities.length };
  } catch (error) {
    text.abort();
    throw error;
  }
}

/** Holds the text until it passes COMPRESS_ABOVE_CHARS, then streams it into a gzip sink. */
class ExportText {
  private pieces: string[] = [];
  private length = 0;
  private sink: GzipSink | undefined;

  write(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (!this.sink && this.length > COMPRESS_ABOVE_CHARS) this.sink = openGzipSink();
    // Pieces go to the worker in batches: one message per incident would be a thousand.
    if (this.sink && this.length > FLUSH_CHARS) this.flush(this.sink);
  }

  async finish(): Promise<string | Uint8Array<ArrayBuffer>> {
    if (!this.sink) return this.pieces.join('');
    this.flush(this.sink);
    return this.sink.close();
  }

  abort(): void {
    this.sink?.abort();
  }

  private flush(sink: GzipSink) {
    if (this.pieces.length) sink.write(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
  }
}

const FLUSH_CHARS = 256 * 1024;

/**
 * The file to save or share. With a passphrase the JSON is encrypted (after the
 * database reads, outside any transaction); without one, JSON over 1 MB is
 * gzip-compressed. `iterations` is for tests; the reader refuses fewer than 600,000.
 */
export async function toArtifact(file: ExchangeFile, options: ArtifactOptions = {}): Promise<ExportArtifact> {
  const plain = serialiseExport(file);
  const encrypted = Boolean(options.passphrase);
  const text = options.passphrase
    ? `${JSON.stringify(await encryptText(plain, options.passphrase, withIterations(options.iterations)), null, 2)}\n`
    : plain;
  const fileName = exportFileName(file, { encrypted, backup: options.backup ?? false });
  // An encrypted envelope is not compressed: its ciphertext would not shrink.
  if (!encrypted && text.length > COMPRESS_ABOVE_CHARS) {
    return { fileName: `${fileName}.gz`, mimeType: 'application/gzip', body: await gzipText(text) };
  }
  return { fileName, mimeType: 'application/json', body: text };
}

const withIterations = (iterations: number | undefined) => (iterations === undefined ? {} : { iterations });

/**
 * Says what is inside and when, never who or where exactly: `handelingskader-incident-utrecht-2026-03-01.json`,
 * `handelingskader-anoniem-…`, `handelingskader-backup-2026-03-01.versleuteld.json`. An encrypted file stays
 * `.json` (it is a JSON envelope), so file pickers filtering on JSON still offer it.
 */
export function exportFileName(
  file: Pick<ExchangeFile, 'exportedAt' | 'anonymised'> & {
    incidents: readonly { incident: Pick<IncidentSummary, 'municipality'> }[];
  },
  options: { encrypted?: boolean; backup?: boolean } = {},
): string {
  const date = fileDate(file.exportedAt);
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

/** The calendar date in the Netherlands: a backup made at 00:30 is of that day, not the day before in UTC. */
function fileDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'onbekende-datum' : amsterdamDate(date);
}
