import { createBrowserRouter, Link, Navigate, useLocation } from 'react-router';
import { ChangelogPage } from '../content/changelog-page.tsx';
import { GlossaryPage } from '../content/glossary-page.tsx';
import { HomePage } from '../content/home-page.tsx';
import { InstrumentPage } from '../content/instrument-page.tsx';
import { InstrumentsPage } from '../content/instruments-page.tsx';
import type { KaderIndex } from '../content/kader-index.ts';
import { PartnersPage } from '../content/partners-page.tsx';
import { NotFoundContent, PhasePage } from '../content/phase-page.tsx';
import { SearchPage } from '../content/search-page.tsx';
import { StepPage } from '../content/step-page.tsx';
import { AboutPage } from './about-page.tsx';
import { HomeActions } from './home-actions.tsx';
import { Layout } from './layout.tsx';
import { LocalKaderProvider } from './local-kader-provider.tsx';
import { LocalLink } from './local-link.tsx';

export function createRouter(index: KaderIndex) {
  return createBrowserRouter([
    {
      element: (
        <LocalKaderProvider national={index}>
          <Layout />
        </LocalKaderProvider>
      ),
      children: [
        { index: true, element: <HomePage actions={<HomeActions />} /> },
        { path: 'fase/:phaseId', element: <PhasePage /> },
        { path: 'stap/:stepId', element: <StepPage localActions={(id) => <LocalLink targetId={id} />} /> },
        { path: 'instrumenten', element: <InstrumentsPage /> },
        {
          path: 'instrument/:instrumentId',
          element: <InstrumentPage localActions={(id) => <LocalLink targetId={id} />} />,
        },
        {
          path: 'partners',
          element: (
            <PartnersPage
              localActions={(partner) => (
                <p className="local-link">
                  <Link
                    className="button button--secondary button--small"
                    to={`/lokaal/contact/nieuw?partner=${partner.id}`}
                  >
                    Lokaal contact toevoegen<span className="visually-hidden"> voor {partner.name}</span>
                  </Link>
                </p>
              )}
            />
          ),
        },
        { path: 'zoeken', element: <SearchPage /> },
        { path: 'begrippen', element: <GlossaryPage /> },
        { path: 'wijzigingen', element: <ChangelogPage /> },
        { path: 'over', element: <AboutPage /> },
        {
          path: 'incidenten/*',
          hydrateFallbackElement: <p className="quiet">Laden…</p>,
          lazy: async () => ({ Component: (await import('./incidents-routes.tsx')).IncidentsSection }),
        },
        {
          path: 'lokaal/*',
          hydrateFallbackElement: <p className="quiet">Laden…</p>,
          lazy: async () => ({ Component: (await import('./local-routes.tsx')).LocalSection }),
        },
        // An invite link (<origin>/team/koppelen#code=…): the code stays in the fragment, never sent anywhere.
        { path: 'team/koppelen', element: <ToPairing /> },
        { path: '*', element: <NotFoundContent what="Deze pagina" /> },
      ],
    },
  ]);
}

function ToPairing() {
  const { hash } = useLocation();
  return <Navigate replace to={{ pathname: '/incidenten/team/koppelen', hash }} />;
}
