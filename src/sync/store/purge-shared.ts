import type { Kader } from '../../content/schema.ts';
import type { AppDatabase } from '../../db/database.ts';
import { isRetryable } from '../domain/protocol.ts';
import { SyncHttpError, syncApi } from './api.ts';
import { removeIncident } from './apply-changes.ts';
import { readMembership } from './membership.ts';

/** A Dutch reason why a shared incident was not deleted; nothing was deleted anywhere. */
export class PurgeRefusedError extends Error {
  override readonly name = 'PurgeRefusedError';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

export const PURGE_MESSAGES = {
  notCoordinator:
    'Dit incident is gedeeld met het team. Alleen de coördinator van het team kan het verwijderen, voor iedereen tegelijk. Vraag de coördinator erom.',
  offline:
    'Er is nu geen verbinding met de server van het team. Een gedeeld incident verdwijnt voor het hele team en van de server, en dat kan alleen met verbinding. Er is niets verwijderd; probeer het opnieuw als u verbinding heeft.',
  revoked: 'Dit apparaat hoort niet (meer) bij het team. Er is niets verwijderd.',
} as const;

/**
 * Deletes a shared incident on purpose (retention): first on the server, which purges it
 * for the whole team and logs who did it; only after its answer on this device, through
 * the same removal as a purge notice from the feed. Offline nothing is deleted at all
 * (docs/sync-protocol.md, "Purge": a queued purge could still be refused later).
 */
export async function purgeSharedIncident(db: AppDatabase, incidentId: string, kader?: Kader): Promise<void> {
  const membership = await readMembership(db);
  if (!membership?.token) throw new PurgeRefusedError(PURGE_MESSAGES.revoked);
  if (membership.role !== 'coordinator') throw new PurgeRefusedError(PURGE_MESSAGES.notCoordinator);
  try {
    await syncApi.purge(membership.token, incidentId);
  } catch (error) {
    if (!(error instanceof SyncHttpError)) throw error;
    if (error.status === 0 || isRetryable(error.status)) throw new PurgeRefusedError(PURGE_MESSAGES.offline);
    // Shared here but never reached the server (shared offline, not pushed yet): nobody else has it.
    if (error.code !== 'not-found') throw new PurgeRefusedError(`${error.userMessage} Er is niets verwijderd.`);
  }
  await removeIncident(db, incidentId, kader);
}
