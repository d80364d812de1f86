import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { logTables } from '../../db/event-log.ts';
import { StorageError } from '../../db/storage-error.ts';
import { MergeRefusedError } from '../../incidents/domain/merge-events.ts';
import { importEvents } from '../../incidents/store/import-events.ts';
import type { ExchangeFile } from '../format/types.ts';
import { checkContentIds } from './content-ids.ts';
import { importTargets } from './import-preview.ts';
import { failure, type ImportFailure, mergeFailure } from './import-result.ts';
import { mergeNetworkIncident } from './network.ts';

export interface ApplyImportOptions {
  kader?: Kader;
  now?: () => Date;
}

export type ApplyImportResult =
  | {
      ok: true;
      /** Events added to own incidents. */
      added: number;
      /** Own incidents that gained events. */
      incidentIds: string[];
      /** Network incidents that were added or gained events. */
      networkIncidentIds: string[];
    }
  | ImportFailure;

/**
 * Writes a validated file (from readImportFile) in one transaction: own incidents by the
 * one merge, through the store (importEvents), so importing the same file twice changes
 * nothing and two people's changes to a step both stay, the later one deciding;
 * anonymised incidents only into the network table. Any failure leaves the database
 * as it was.
 */
export async function applyImport(
  db: AppDatabase,
  file: ExchangeFile,
  options: ApplyImportOptions = {},
): Promise<ApplyImportResult> {
  const { own, network } = importTargets(file);
  const refused = options.kader && checkContentIds(file, options.kader);
  if (refused) return refused;
  const now = options.now ?? (() => new Date());
  const events = own.flatMap((incident) => incident.events);
  try {
    return await db.transaction('rw', [...logTables(db), db.incidents, db.settings, db.networkIncidents], async () => {
      // importEvents opens a transaction over a subset of these tables: Dexie runs it inside this one.
      // It reads each log once and merges by the one merge's rules.
      const { added, incidentIds } = events.length
        ? await importEvents(db, events, options.kader, { incomingIsUnique: true })
        : { added: 0, incidentIds: [] };
      const networkIncidentIds: string[] = [];
      const importedAt = now().toISOString();
      for (const incoming of network) {
        const merged = mergeNetworkIncident(await db.networkIncidents.get(incoming.incident.id), incoming, importedAt);
        if (!merged) continue;
        await db.networkIncidents.put(merged);
        networkIncidentIds.push(merged.id);
      }
      return { ok: true as const, added, incidentIds, networkIncidentIds };
    });
  } catch (error) {
    if (error instanceof MergeRefusedError) return mergeFailure(error.refusal);
    if (error instanceof StorageError) return failure('storage', error.message, error.userMessage);
    return failure('storage', String(error));
  }
}

/** A backup restores by merging: what is on the device stays, what the backup adds comes back. */
export const restoreBackup = applyImport;
