import Dexie from 'dexie';
import type { AppDatabase } from '../../../src/db/database.ts';

/** Few iterations: the tests check the wrapping, not PBKDF2's cost (the default is tested on its own). */
export const FAST = { iterations: 1_000 };
export const PASSPHRASE = 'vier losse woorden hier';

/** The rows as IndexedDB holds them, without the sealing middleware. */
export async function rawRows(db: AppDatabase, table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

export async function rawPut(db: AppDatabase, table: string, row: unknown): Promise<void> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    await raw.table(table).put(row);
  } finally {
    raw.close();
  }
}

/** Every byte of every row of the sealed tables as text (UTF-8 and Latin-1 views of binary, JSON of the rest). */
export async function everythingStored(db: AppDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of [
    'logs',
    'appendedEvents',
    'incidents',
    'settings',
    'networkIncidents',
    'keyring',
    'localLayer',
    'localChanges',
  ]) {
    for (const row of await rawRows(db, table)) {
      parts.push(
        JSON.stringify(row, (_key, value) =>
          value instanceof Uint8Array ? `${new TextDecoder().decode(value)}|${String.fromCharCode(...value)}` : value,
        ),
      );
    }
  }
  return parts.join('\n');
}
