import { useCallback } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import type { Kader } from '../../content/schema.ts';
import type { LocalOverlayView } from '../../model/local-layer.ts';
import type { LocalEdit } from '../domain/edits.ts';
import { editLocalLayer } from '../store/local-store.ts';

/**
 * One edit of the layer, by the adviser whose name the settings hold. Rejects with the store's
 * Dutch refusal (nothing written); the overlaid framework follows by itself (live query).
 */
export function useLocalEdit(): (edit: LocalEdit) => Promise<void> {
  const { kader, local } = useKader();
  return useCallback(
    async (edit: LocalEdit) => {
      await editLocalLayer(edit, { national: nationalOf(kader, local) });
    },
    [kader, local],
  );
}

/**
 * The screens hold the overlaid framework; an edit is checked against the national one (a note or
 * a not-applicable mark belongs on a national step only). The overlay only inserts steps, so
 * leaving the local ones out gives the national phases back.
 */
function nationalOf(kader: Kader, local: LocalOverlayView | undefined): Kader {
  if (!local || local.localStepIds.size === 0) return kader;
  return {
    ...kader,
    phases: kader.phases.map((phase) => ({
      ...phase,
      steps: phase.steps.filter((step) => !local.localStepIds.has(step.id)),
    })),
  };
}
