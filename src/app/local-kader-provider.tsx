import { createContext, type ReactNode, use, useEffect, useState } from 'react';
import { KaderProvider } from '../content/kader-context.tsx';
import type { KaderIndex } from '../content/kader-index.ts';

/**
 * The framework every screen reads: national first, so the first render never waits for the
 * database, then with the municipality's local layer laid over it once that is read (and again
 * after every change, from any tab). Search follows: KaderProvider builds it per index.
 */
const LayerReadContext = createContext(false);

/**
 * True once the stored local layer (or its absence) has been read. Work that depends on the
 * overlaid framework (projecting list rows) waits for it, so it is not done once with the
 * national framework and again a moment later with the layer.
 */
export function useLocalLayerRead(): boolean {
  return use(LayerReadContext);
}

export function LocalKaderProvider({ national, children }: { national: KaderIndex; children: ReactNode }) {
  const [index, setIndex] = useState(national);
  const [layerRead, setLayerRead] = useState(false);
  useEffect(() => {
    setIndex(national);
    setLayerRead(false);
    let cancelled = false;
    let stop: (() => void) | undefined;
    const start = () => {
      import('./local-layer-watch.ts')
        .then(({ watchLocalLayer }) => {
          if (!cancelled)
            stop = watchLocalLayer(national, (next, read) => {
              setIndex(next);
              setLayerRead(read);
            });
        })
        .catch(() => {
          // A chunk or storage unavailable: the national framework stays, which is always correct.
        });
    };
    const idle = 'requestIdleCallback' in window;
    const handle = idle ? window.requestIdleCallback(start, { timeout: 1_000 }) : window.setTimeout(start, 300);
    return () => {
      cancelled = true;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      stop?.();
    };
  }, [national]);
  return (
    <LayerReadContext value={layerRead}>
      <KaderProvider index={index}>{children}</KaderProvider>
    </LayerReadContext>
  );
}
