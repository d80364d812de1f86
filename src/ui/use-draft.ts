import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'hke-draft:';

/**
 * Form text that survives a reload, a crashed tab or an app update in another tab:
 * kept in localStorage under `key` until `clear()` after a successful save.
 * Drafts stay on the device like the rest of the data.
 */
/** Deleting an incident deletes its drafts too: nothing of it may stay on the device. */
export function clearDraftsOf(incidentId: string): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX) && key.includes(incidentId)) localStorage.removeItem(key);
  }
}

export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(storageKey);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // A full localStorage must not block typing; the text is still in memory.
    }
  }, [storageKey, value]);
  // `initial` is often a fresh literal on every render; the first one is the reset value.
  const initialRef = useRef(initial);
  const clear = useCallback(() => {
    localStorage.removeItem(storageKey);
    setValue(initialRef.current);
  }, [storageKey]);
  return [value, setValue, clear];
}
