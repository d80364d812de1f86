import type { Kader } from '../content/schema.ts';
import { dataKey } from '../db/data-key.ts';
import { getAppDatabase, onAppDatabaseVersionChange } from '../db/database.ts';
import { loadLockStatus } from '../lock/lock-service.ts';
import { sharedSyncClient } from '../sync/store/shared-client.ts';
import { markDatabaseClosed } from './reload-notice.ts';

let watching = false;

/**
 * Team sync wherever the app is open, not only in the incidents (loaded after the first
 * render by use-background-sync.ts, so Dexie and the sync code stay out of the first
 * script). The keyring is read first: with a lock set up, the membership is sealed, and
 * the client waits until the adviser unlocks (it follows the data key's status).
 */
export async function startBackgroundSync(kader: Kader): Promise<void> {
  const db = getAppDatabase();
  if (!watching) {
    watching = true;
    // The database is now open outside the incidents too: another tab's upgrade must still show the one notice.
    onAppDatabaseVersionChange(markDatabaseClosed);
  }
  if (dataKey.status() === 'unknown') await loadLockStatus(db);
  sharedSyncClient(db, kader);
}
