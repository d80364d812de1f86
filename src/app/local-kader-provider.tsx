import { type ReactNode, useEffect, useState } from 'react';
import { KaderProvider } from '../content/kader-context.tsx';
import type { KaderIndex } from '../content/kader-index.ts';

/**
 * The framework every screen reads: national first, so the first render never waits for the
 * database, then with the municipality's local layer laid over it once that is read (and again
 * after every change, from any tab). Search follows: KaderProvider builds it per index.
 */
export function LocalKaderProvider({ national, children }: { national: KaderIndex; children: ReactNode }) {
  const [index, setIndex] = useState(national);
  useEffect(() => {
    setIndex(national);
    let cancelled = false;
    let stop: (() => void) | undefined;
    const start = () => {
      import('./local-layer-watch.ts')
        .then(({ watchLocalLayer }) => {
          if (!cancelled) stop = watchLocalLayer(national, setIndex);
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
  return <KaderProvider index={index}>{children}</KaderProvider>;
}
