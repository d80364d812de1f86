import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import type { KaderIndex } from './kader-index.ts';
import type { KaderSearch } from './search-index.ts';

interface KaderContextValue {
  index: KaderIndex;
  /** The search once built, else undefined. */
  readySearch(): KaderSearch | undefined;
  /** Loads the search code and builds the index over this framework, once. */
  loadSearch(): Promise<KaderSearch>;
}

const KaderContext = createContext<KaderContextValue | null>(null);

/**
 * The framework is loaded before the first render (see main.tsx) rather than through
 * Suspense: React holds a revealed Suspense boundary back for up to 300 ms, which
 * would be most of an offline start.
 */
export function KaderProvider({ index, children }: { index: KaderIndex; children: ReactNode }) {
  const value = useMemo<KaderContextValue>(() => {
    let ready: KaderSearch | undefined;
    let pending: Promise<KaderSearch> | undefined;
    return {
      index,
      readySearch: () => ready,
      // Off the start-up path: building the index took ~15-50 ms of the first render on the
      // home page, and minisearch is a chunk of its own. A failed load may be tried again.
      loadSearch: () =>
        (pending ??= import('./search-index.ts').then(
          ({ createKaderSearch }) => {
            ready = createKaderSearch(index.kader, index.local);
            return ready;
          },
          (error: unknown) => {
            pending = undefined;
            throw error;
          },
        )),
    };
  }, [index]);
  return <KaderContext value={value}>{children}</KaderContext>;
}

export function useKader(): KaderIndex {
  const value = use(KaderContext);
  if (!value) throw new Error('useKader outside KaderProvider');
  return value.index;
}

export type SearchState = { status: 'ready'; search: KaderSearch } | { status: 'loading' } | { status: 'failed' };

/** The search over the framework, loaded and built once `wanted` (a query is typed); undefined until wanted. */
export function useKaderSearch(wanted: boolean): SearchState | undefined {
  const value = use(KaderContext);
  if (!value) throw new Error('useKaderSearch outside KaderProvider');
  const ready = value.readySearch();
  const [failedFor, setFailedFor] = useState<KaderContextValue>();
  const [, setLoaded] = useState<KaderContextValue>();
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    value.loadSearch().then(
      () => live && setLoaded(value),
      () => live && setFailedFor(value),
    );
    return () => {
      live = false;
    };
  }, [wanted, ready, value]);
  if (ready) return { status: 'ready', search: ready };
  if (!wanted) return undefined;
  return failedFor === value ? { status: 'failed' } : { status: 'loading' };
}
