import { createContext, type ReactNode, use, useMemo } from 'react';
import type { KaderIndex } from './kader-index.ts';
import { loadKader } from './load-kader.ts';
import { createKaderSearch, type KaderSearch } from './search-index.ts';

interface KaderContextValue {
  index: KaderIndex;
  getSearch(): KaderSearch;
}

const KaderContext = createContext<KaderContextValue | null>(null);

/** Suspends until the framework is loaded; wrap in <Suspense> and an error boundary. */
export function KaderProvider({ children }: { children: ReactNode }) {
  const index = use(loadKader());
  const value = useMemo<KaderContextValue>(() => {
    let search: KaderSearch | undefined;
    // The search index is built on first use, off the start-up path.
    return { index, getSearch: () => (search ??= createKaderSearch(index.kader)) };
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
