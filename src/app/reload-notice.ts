import { useSyncExternalStore } from 'react';

/**
 * Whether another tab's update closed this tab's database. Kept here, in one place, so
 * the app shows ONE notice: the update prompt says "herlaad om verder te werken" instead
 * of a second banner beside its own "herlaad wanneer het u uitkomt".
 */
let closed = false;
const listeners = new Set<() => void>();

export function markDatabaseClosed(): void {
  if (closed) return;
  closed = true;
  for (const listener of listeners) listener();
}

export function useDatabaseClosed(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => closed,
  );
}
