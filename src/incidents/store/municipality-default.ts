import { type AppDatabase, getAppDatabase } from '../../db/database.ts';
import { readSetting, writeSetting } from '../../db/settings.ts';

/** An adviser works for one municipality (or a few): the last one entered is the next form's default. */
export async function getDefaultMunicipality(db: AppDatabase = getAppDatabase()): Promise<string> {
  return (await readSetting('defaultMunicipality', db)) ?? '';
}

export function setDefaultMunicipality(municipality: string, db: AppDatabase = getAppDatabase()): Promise<void> {
  return writeSetting('defaultMunicipality', municipality.trim(), db);
}
