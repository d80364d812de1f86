import { useMemo } from 'react';
import type { IncidentExtensions } from '../../incidents/screens/incident-extensions.tsx';
import { ShareAction } from './share-action.tsx';
import { useSync } from './sync-context.tsx';

/** What sync adds to the incident screens: the shared label, "Delen met team", read-only for a meelezer. */
export function useSyncIncidentExtensions(): IncidentExtensions {
  const { membership, shared } = useSync();
  const readOnly = membership?.token !== undefined && membership.role === 'meelezer';
  return useMemo(
    () => ({
      rowLabel: (id) => (shared.has(id) ? 'Gedeeld met team' : undefined),
      readOnlyReason: (id) =>
        readOnly && shared.has(id)
          ? 'U bent meelezer in het team: u kunt dit gedeelde incident lezen, niet wijzigen.'
          : undefined,
      HeaderExtra: ShareAction,
    }),
    [readOnly, shared],
  );
}
