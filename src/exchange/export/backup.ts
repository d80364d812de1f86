import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { getLastBackupAt, setLastBackupAt } from '../../db/settings.ts';
import { toStorageError } from '../../db/storage-error.ts';
import { createExportArtifact, type ExportArtifact } from './export-artifact.ts';

/** A backup is an ordinary exchange file of every own incident, plus the network's reference incidents. */

export interface BackupOptions {
  passphrase?: string;
  kader?: Kader;
  now?: Date;
  /** For tests only: the reader refuses fewer than 600,000. */
  iterations?: number;
}

/** Builds the file and records the moment as lastBackupAt (the UI saves or shares it). */
export async function createBackup(db: AppDatabase, options: BackupOptions = {}): Promise<ExportArtifact> {
  const now = options.now ?? new Date();
  const { artifact } = await createExportArtifact(db, {
    incidentIds: 'all',
    includeNetwork: true,
    now,
    backup: true,
    ...(options.kader ? { kader: options.kader } : {}),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.iterations ? { iterations: options.iterations } : {}),
  });
  await setLastBackupAt(now, db);
  return artifact;
}

export const BACKUP_NUDGE_AFTER_DAYS = 7;

export interface BackupNudge {
  nudge: boolean;
  lastBackupAt?: string;
  /** The latest change to an own incident, or the latest network import. */
  lastChangeAt?: string;
}

/**
 * Pure: nudge when there are changes since the last backup and that backup (or, when
 * there was none, the first change) is more than a week old.
 */
export function shouldNudgeBackup(
  now: Date,
  facts: { lastBackupAt?: string; lastChangeAt?: string; firstChangeAt?: string },
): BackupNudge {
  const { lastBackupAt, lastChangeAt, firstChangeAt } = facts;
  const result = {
    ...(lastBackupAt ? { lastBackupAt } : {}),
    ...(lastChangeAt ? { lastChangeAt } : {}),
  };
  if (!lastChangeAt) return { nudge: false, ...result };
  if (lastBackupAt && lastChangeAt <= lastBackupAt) return { nudge: false, ...result };
  const since = Date.parse(lastBackupAt ?? firstChangeAt ?? lastChangeAt);
  const nudge = Number.isNaN(since) || now.getTime() - since > BACKUP_NUDGE_AFTER_DAYS * 86_400_000;
  return { nudge, ...result };
}

export async function backupNudge(db: AppDatabase, now: Date): Promise<BackupNudge> {
  try {
    const lastBackupAt = await getLastBackupAt(db);
    const rows = await db.incidents.toArray();
    const network = await db.networkIncidents.orderBy('importedAt').last();
    const changes = [...rows.map((row) => row.updatedAt), ...(network ? [network.importedAt] : [])].sort();
    const firstChangeAt = rows.map((row) => row.createdAt).sort()[0] ?? changes[0];
    const lastChangeAt = changes[changes.length - 1];
    return shouldNudgeBackup(now, {
      ...(lastBackupAt ? { lastBackupAt } : {}),
      ...(lastChangeAt ? { lastChangeAt } : {}),
      ...(firstChangeAt ? { firstChangeAt } : {}),
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
