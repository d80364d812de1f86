import { type ReactNode, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';
import { useKader } from './kader-context.tsx';
import { SearchPanel } from './search-panel.tsx';

/** `actions`: what the app puts first on the home screen (e.g. starting an incident), composed in app/. */
export function HomePage({ actions }: { actions?: ReactNode }) {
  const { kader, local } = useKader();
  const [params] = useSearchParams();
  const searching = Boolean(params.get('q'));
  useEffect(() => {
    // Read by `npm run bench` (offline_start_ms); harmless for users.
    if (performance.getEntriesByName('phase-list-visible').length === 0) performance.mark('phase-list-visible');
  }, []);
  return (
    <>
      <PageTitle title="Handelingskader">Handelingskader bij aanslagen met explosieven</PageTitle>
      {actions}
      <SearchPanel />
      {!searching && (
        <nav aria-labelledby="fasen-kop">
          <h2 id="fasen-kop">Fasen</h2>
          <ol className="card-list phase-list">
            {kader.phases.map((phase, i) => (
              <li key={phase.id} className="card-list__item">
                <Link className="card-link card-link--phase" to={`/fase/${phase.id}`}>
                  <span className="card-link__title">
                    {i + 1}. {phase.title}
                  </span>
                  <span className="card-link__text">{phase.purpose}</span>
                  <span className="card-link__meta">{phase.steps.length} stappen</span>
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <p className="quiet">
        <Link to="/instrumenten">Juridische instrumenten</Link> · <Link to="/partners">Partners</Link> ·{' '}
        <Link to="/begrippen">Begrippenlijst</Link> · <Link to="/wijzigingen">Wat is er veranderd in het kader</Link> ·{' '}
        <Link to="/lokaal">Lokaal: {local?.municipality ?? 'uw gemeente'}</Link>
      </p>
    </>
  );
}
