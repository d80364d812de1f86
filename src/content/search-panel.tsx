import { useDeferredValue, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useKader, useKaderSearch } from './kader-context.tsx';
import type { SearchHit } from './search-index.ts';

const TYPE_LABEL: Record<SearchHit['type'], string> = {
  stap: 'Stap',
  instrument: 'Instrument',
  partner: 'Partner',
  begrip: 'Begrip',
  contact: 'Lokaal contact',
  aanvulling: 'Lokale aanvulling',
};

function hrefOf(hit: SearchHit): string {
  if (hit.type === 'stap') return `/stap/${hit.refId}`;
  if (hit.type === 'instrument') return `/instrument/${hit.refId}`;
  if (hit.type === 'begrip') return `/begrippen#${hit.refId}`;
  if (hit.type === 'aanvulling') return hit.phase ? `/stap/${hit.refId}` : `/instrument/${hit.refId}`;
  return `/partners#${hit.refId}`;
}

/** Full-text search as you type; the query lives in the URL so back and reload keep it. */
export function SearchPanel({ autoFocus = false }: { autoFocus?: boolean }) {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const deferred = useDeferredValue(query);
  // Loaded when the field gets focus, so the index is usually built before the first letter.
  const [focused, setFocused] = useState(false);
  const search = useKaderSearch(focused || query.trim() !== '');
  const hits = search?.status === 'ready' ? search.search.search(deferred) : [];
  const { local } = useKader();
  const typeOf = (hit: SearchHit) =>
    hit.type === 'stap' && local?.localStepIds.has(hit.refId) ? 'Lokale stap' : TYPE_LABEL[hit.type];
  const inputId = useId();
  return (
    <search className="search-panel">
      <form
        role="presentation"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label htmlFor={inputId} className="label">
          Zoek in het kader
        </label>
        <input
          id={inputId}
          type="search"
          className="input"
          value={query}
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type a query
          autoFocus={autoFocus}
          autoComplete="off"
          enterKeyHint="search"
          onFocus={() => setFocused(true)}
          placeholder="Bijv. sluiting of camera"
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('q', e.target.value);
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        />
      </form>
      {deferred.trim() && search?.status === 'failed' && (
        <p className="alert alert--error" role="alert">
          Zoeken lukt nu niet. Herlaad de app en probeer het opnieuw.
        </p>
      )}
      {deferred.trim() && search?.status === 'ready' && (
        <>
          <p className="search-panel__count" aria-live="polite">
            {hits.length === 0 ? 'Niets gevonden.' : `${hits.length} ${hits.length === 1 ? 'resultaat' : 'resultaten'}`}
          </p>
          <ul className="card-list" aria-label="Zoekresultaten">
            {hits.map((hit) => (
              <li key={`${hit.type}:${hit.refId}`} className="card-list__item">
                <Link className="card-link" to={hrefOf(hit)}>
                  <span className="card-link__title">{hit.title}</span>
                  <span className="card-link__meta">{[typeOf(hit), hit.subtitle].filter(Boolean).join(' · ')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </search>
  );
}
