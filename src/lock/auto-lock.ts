import { useEffect } from 'react';
import { getAppDatabase } from '../db/database.ts';
import { DEFAULT_AUTO_LOCK_MINUTES, lockNow, readKeyring } from './lock-service.ts';

/**
 * Locks after the chosen minutes in the background (default 5). A timer alone is not
 * enough: browsers freeze hidden tabs, so the time away is also checked on return,
 * before anything is shown again.
 */
export function useAutoLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let minutes = DEFAULT_AUTO_LOCK_MINUTES;
    let hiddenAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Read again each time the app goes to the background: the adviser may have changed it in settings.
    const readMinutes = () =>
      readKeyring(getAppDatabase()).then(
        (row) => {
          if (row) minutes = row.autoLockMinutes;
        },
        () => {},
      );
    void readMinutes();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        clearTimeout(timer);
        timer = setTimeout(lockNow, minutes * 60_000);
        void readMinutes().then(() => {
          if (hiddenAt === undefined) return;
          clearTimeout(timer);
          timer = setTimeout(lockNow, Math.max(0, hiddenAt + minutes * 60_000 - Date.now()));
        });
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
