import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { dataKey } from '../../db/data-key.ts';

/**
 * The incident list's search text (an address, often). Without a lock it sits in the
 * address bar (?q=), so Back returns to the same search. With the lock on it stays in
 * the page's memory only: Chromium writes every address the tab shows to its history
 * and session files, in plain text, outside the encrypted database. The list unmounts
 * on a lock, so the text goes with it.
 */
export function useListSearch(): [string, (query: string) => void] {
  const locking = useSyncExternalStore(dataKey.subscribe, () => dataKey.status() === 'open');
  const [params, setParams] = useSearchParams();
  const inAddress = params.get('q') ?? '';
  const [held, setHeld] = useState(() => (locking ? inAddress : ''));
  // A search opened from a link (or typed before the lock was set up) moves out of the address.
  useEffect(() => {
    if (!locking || !params.has('q')) return;
    const next = new URLSearchParams(params);
    next.delete('q');
    setParams(next, { replace: true });
  }, [locking, params, setParams]);
  if (locking) return [held, setHeld];
  const setInAddress = (query: string) => {
    const next = new URLSearchParams(params);
    if (query) next.set('q', query);
    else next.delete('q');
    setParams(next, { replace: true });
  };
  return [inAddress, setInAddress];
}
