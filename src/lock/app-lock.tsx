import { type RefObject, useEffect, useSyncExternalStore } from 'react';
import { dataKey } from '../db/data-key.ts';
import { useAutoLock } from './auto-lock.ts';
import { listenToOtherTabs } from './lock-channel.ts';
import { lockNow } from './lock-service.ts';
import { usePrivacyCover } from './privacy-cover.ts';

/**
 * Lock gates mounted now. A gate offers "Vergrendel" itself, after a migration has finished;
 * elsewhere the layout offers it. Counted, not routed: the layout need not know which
 * sections are gated.
 */
let gates = 0;
const gateListeners = new Set<() => void>();
const gateCount = () => gates;
const subscribeGates = (listener: () => void) => {
  gateListeners.add(listener);
  return () => gateListeners.delete(listener);
};

/** Called by the lock gate while mounted. */
export function useRegisterGate(): void {
  useEffect(() => {
    gates += 1;
    for (const listener of gateListeners) listener();
    return () => {
      gates -= 1;
      for (const listener of gateListeners) listener();
    };
  }, []);
}

/**
 * Mounted once by the layout, over every route: while the key is open the app locks
 * itself after the time in the background and covers its screens (`cover`) when hidden,
 * on the content pages too, which show the municipality's internal contacts once the key
 * is open. Listens to the other tabs from the start, so "Vergrendel" in one locks all.
 */
export function AppLock({ cover }: { cover: RefObject<HTMLElement | null> }) {
  const status = useSyncExternalStore(dataKey.subscribe, dataKey.status);
  const gated = useSyncExternalStore(subscribeGates, gateCount) > 0;
  useEffect(listenToOtherTabs, []);
  useAutoLock(status === 'open');
  usePrivacyCover(cover, status === 'open');
  if (status !== 'open' || gated) return null;
  return (
    <button type="button" className="button button--secondary button--small app-header__lock" onClick={lockNow}>
      Vergrendel
    </button>
  );
}
