import { createContext, type ReactNode, use, useMemo } from 'react';
import type { KaderIndex } from './kader-index.ts';
import { createKaderSearch, type KaderSearch } from './search-index.ts';

interface KaderContextValue {
  index: KaderIndex;
  getSearch(): KaderSearch;
}

const KaderContext = createContext<KaderContextValue | null>(null);

/**
 * The framework is loaded before the first render (see main.tsx) rather than through
 * Suspense: React holds a revealed Suspense boundary back for up to 300 ms, which
 * would be most of an offline start.
 */
export function KaderProvider({ index, children }: { index: KaderIndex; children: ReactNode }) {
  const value = useMemo<KaderContextValue>(() => {
    let search: KaderSearch | undefined;
    // The search index is built on first use, off the start-up path.
    return { index, getSearch: () => (search ??= createKaderSearch(index.kader, index.local)) };
  }, [index]);
  return <KaderContext value={value}>{children}</KaderContext>;
}

export function useKader(): KaderIndex {
  const value = use(KaderContext);
  if (!value) throw new Error('useKader outside KaderProvider');
  return value.index;
}

export function useKaderSearch(): KaderSearch {
  const value = use(KaderContext);
  if (!value) throw new Error('useKaderSearch outside KaderProvider');
  return value.getSearch();
}
