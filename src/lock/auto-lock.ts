import { useEffect } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { lockNow, readKeyring } from './lock-service.ts';

/**
 * Locks after the chosen minutes in the background (default 5). A timer alone is not
 * enough: browsers freeze hidden tabs, so the time away is also checked on return,
 * before anything is shown again.
 */
export function useAutoLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let minutes = 5;
    let hiddenAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    readKeyring(getAppDatabase()).then(
      (row) => {
        if (row) minutes = row.autoLockMinutes;
      },
      () => {},
    );
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        clearTimeout(timer);
        timer = setTimeout(lockNow, minutes * 60_000);
      } else {
        clearTimeout(timer);
        if (hiddenAt !== undefined && Date.now() - hiddenAt >= minutes * 60_000) lockNow();
        hiddenAt = undefined;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer);
    };
  }, [active]);
}
