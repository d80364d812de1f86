/**
 * What a tab holds decrypted in memory must go when the app locks, not only the key:
 * a phone picked up from a car seat while the lock screen shows must not have the
 * adviser's logs, list rows or search in the page's heap. The lock ranks lowest and
 * knows no feature, so each module that keeps decrypted data registers here how to
 * drop it; db/data-key.ts runs them all whenever the status becomes 'locked'.
 */
const forgetters = new Set<() => void>();

/** Registers `forget` to run on every lock; returns the function that unregisters it. */
export function forgetOnLock(forget: () => void): () => void {
  forgetters.add(forget);
  return () => forgetters.delete(forget);
}

/**
 * For db/data-key.ts. One failing forgetter must not keep the others (or the lock
 * itself) from running: its error is reported as uncaught, after the rest ran.
 */
export function forgetAll(): void {
  for (const forget of [...forgetters]) {
    try {
      forget();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
