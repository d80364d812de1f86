import { ulid } from 'ulid';
import { type AppDatabase, getAppDatabase } from './database.ts';
import type { SettingKey, SettingValues } from './rows.ts';
import { toStorageError } from './storage-error.ts';

/** Per-installation settings, stored as key/value rows. */

export const DEFAULT_RETENTION_MONTHS = 12;

export async function readSetting<K extends SettingKey>(
  key: K,
  db: AppDatabase = getAppDatabase(),
): Promise<SettingValues[K] | undefined> {
  try {
    const row = await db.settings.get(key);
    return row?.value as SettingValues[K] | undefined;
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function writeSetting<K extends SettingKey>(
  key: K,
  value: SettingValues[K],
  db: AppDatabase = getAppDatabase(),
): Promise<void> {
  try {
    await db.settings.put({ key, value });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * The id of this installation, written into every event so merges can order and tell
 * apart two phones' work. Created once; a read-then-add in one transaction keeps two
 * tabs starting together from making two.
 */
export async function getDeviceId(db: AppDatabase = getAppDatabase()): Promise<string> {
  try {
    return await db.transaction('rw', db.settings, () => ensureDeviceId(db));
  } catch (error) {
    throw toStorageError(error);
  }
}

/** For use inside a transaction that includes db.settings. */
export async function ensureDeviceId(db: AppDatabase): Promise<string> {
  const existing = await db.settings.get('deviceId');
  if (typeof existing?.value === 'string') return existing.value;
  const deviceId = ulid();
  await db.settings.put({ key: 'deviceId', value: deviceId });
  return deviceId;
}

/**
 * The secret behind the ids of anonymised exports: the same incident gets the same
 * pseudonym in every export from this device (so the network can merge a re-export),
 * while nobody without the secret can link it to the original ids.
 */
export async function getPseudonymSecret(db: AppDatabase = getAppDatabase()): Promise<string> {
  try {
    return await db.transaction('rw', db.settings, async () => {
      const existing = await db.settings.get('pseudonymSecret');
      if (typeof existing?.value === 'string') return existing.value;
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      const secret = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      await db.settings.put({ key: 'pseudonymSecret', value: secret });
      return secret;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function getActorName(db: AppDatabase = getAppDatabase()): Promise<string> {
  return (await readSetting('actorName', db)) ?? '';
}

export function setActorName(name: string, db: AppDatabase = getAppDatabase()): Promise<void> {
  return writeSetting('actorName', name.trim(), db);
}

export async function getRetentionMonths(db: AppDatabase = getAppDatabase()): Promise<number> {
  const months = await readSetting('retentionMonths', db);
  return typeof months === 'number' && Number.isFinite(months) && months > 0 ? months : DEFAULT_RETENTION_MONTHS;
}

export function setRetentionMonths(months: number, db: AppDatabase = getAppDatabase()): Promise<void> {
  return writeSetting('retentionMonths', months, db);
}

/** When the adviser last saved a backup file; the UI reminds them when it is long ago. */
export function getLastBackupAt(db: AppDatabase = getAppDatabase()): Promise<string | undefined> {
  return readSetting('lastBackupAt', db);
}

export function setLastBackupAt(at: Date, db: AppDatabase = getAppDatabase()): Promise<void> {
  return writeSetting('lastBackupAt', at.toISOString(), db);
}
