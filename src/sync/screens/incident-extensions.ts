import { useMemo } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import type { IncidentExtensions } from '../../incidents/screens/incident-extensions.tsx';
import { foreignInShared, importStaysLocalText } from '../domain/stays-local.ts';
import { PURGE_MESSAGES, purgeSharedIncident } from '../store/purge-shared.ts';
import { ShareAction, SharedStatus } from './share-action.tsx';
import { useSync } from './sync-context.tsx';

/**
 * What sync adds to the incident screens: the shared label, "Delen met team", whether a
 * shared incident's changes reached the team (under its tabs), read-only
 * for a meelezer, deleting a shared incident for the whole team (coordinator only), and
 * what of an import into a shared incident stays on this device.
 */
export function useSyncIncidentExtensions(): IncidentExtensions {
  const { membership, shared, client, deviceId } = useSync();
  const { kader } = useKader();
  const readOnly = membership?.token !== undefined && membership.role === 'meelezer';
  return useMemo(
    () => ({
      rowLabel: (id) => (shared.has(id) ? 'Gedeeld met team' : undefined),
      readOnlyReason: (id) =>
        readOnly && shared.has(id)
          ? 'U bent meelezer in het team: u kunt dit gedeelde incident lezen, niet wijzigen.'
          : undefined,
      HeaderExtra: ShareAction,
      StatusExtra: SharedStatus,
      removal: (id) =>
        membership?.token && shared.has(id)
          ? {
              warning: `Dit incident is gedeeld met team ${membership.teamName}: het verdwijnt voor het hele team, van de server en van de apparaten van alle collega's. De server legt vast dat u het verwijderde. Dit kan niet ongedaan worden gemaakt.`,
              ...(membership.role === 'coordinator' ? {} : { refusal: PURGE_MESSAGES.notCoordinator }),
              remove: async () => {
                await purgeSharedIncident(getAppDatabase(), id, kader);
                client?.kick();
              },
            }
          : undefined,
      importNote: (incidents) =>
        deviceId && membership?.token ? importStaysLocalText(foreignInShared(incidents, shared, deviceId)) : undefined,
    }),
    [readOnly, shared, membership, kader, client, deviceId],
  );
}
