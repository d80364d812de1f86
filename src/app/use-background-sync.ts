import { useEffect } from 'react';
import { useKader } from '../content/kader-context.tsx';

/**
 * Starts team sync once the first screen is drawn and the browser is idle: an offline
 * start shows the framework first, and the database and sync code load after it.
 */
export function useBackgroundSync(): void {
  const { kader } = useKader();
  useEffect(() => {
    let cancelled = false;
    const start = () => {
      import('./background-sync.ts')
        .then(({ startBackgroundSync }) => (cancelled ? undefined : startBackgroundSync(kader)))
        .catch(() => {
          // Storage or a chunk unavailable: the incidents section starts the client when opened.
        });
    };
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(start, { timeout: 2_000 });
      return () => {
        cancelled = true;
        window.cancelIdleCallback(id);
      };
    }
    const timer = setTimeout(start, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [kader]);
}
