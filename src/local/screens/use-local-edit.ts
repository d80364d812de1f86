import { useCallback } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import type { LocalEdit } from '../domain/edits.ts';
import { editLocalLayer } from '../store/local-store.ts';

/**
 * One edit of the layer, by the adviser whose name the settings hold. Rejects with the store's
 * Dutch refusal (nothing written); the overlaid framework follows by itself (live query).
 */
export function useLocalEdit(): (edit: LocalEdit) => Promise<void> {
  const { kader } = useKader();
  return useCallback(
    async (edit: LocalEdit) => {
      await editLocalLayer(edit, { national: kader });
    },
    [kader],
  );
}
