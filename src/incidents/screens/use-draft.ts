import { useCallback, useEffect, useRef, useState } from 'react';
import { readDraft, removeDraft, writeDraft } from '../store/drafts.ts';

/** Form state kept as a draft under `key` (store/drafts.ts) until `clear()` after a successful save. */
export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? initial);
  useEffect(() => writeDraft(key, value), [key, value]);
  // `initial` is often a fresh literal on every render; the first one is the reset value.
  const initialRef = useRef(initial);
  const clear = useCallback(() => {
    removeDraft(key);
    setValue(initialRef.current);
  }, [key]);
  return [value, setValue, clear];
}
