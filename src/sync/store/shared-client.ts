import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { type SyncClient, startSyncClient } from './sync-client.ts';

let shared: { client: SyncClient; kader: Kader | undefined } | undefined;

/**
 * The one sync client of this tab, started by app/ after the first render wherever the
 * app is open, and found again by the team screens. New content (another kader version)
 * is a reason to try a refused merge again; a new app version starts a new client anyway.
 */
export function sharedSyncClient(db: AppDatabase, kader: Kader | undefined): SyncClient {
  if (!shared) {
    const holder: { client?: SyncClient; kader: Kader | undefined } = { kader };
    holder.client = startSyncClient({ db, kader: () => holder.kader });
    shared = holder as { client: SyncClient; kader: Kader | undefined };
    return shared.client;
  }
  const changed = shared.kader?.version !== kader?.version;
  shared.kader = kader;
  if (changed) shared.client.retry();
  return shared.client;
}
