import { lazy, Suspense, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { DataLossNotice } from './data-loss-notice.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useBackgroundSync } from './use-background-sync.ts';

// From its own chunk after the first render: it reads the database, which stays out of the first script.
const AppLock = lazy(() => import('../lock/app-lock.tsx').then(({ AppLock }) => ({ default: AppLock })));

/** Each tab and the paths it covers: a phase, step or instrument page is part of "Kader". */
const NAV = [
  {
    to: '/',
    label: 'Kader',
    covers: ['/fase/', '/stap/', '/instrument', '/partners', '/begrippen', '/wijzigingen', '/lokaal'],
  },
  { to: '/incidenten', label: 'Incidenten', covers: ['/incidenten'] },
  { to: '/zoeken', label: 'Zoeken', covers: ['/zoeken'] },
  { to: '/over', label: 'Over', covers: ['/over'] },
] as const;

/** The tab the adviser is in, so the bottom navigation always says where they are. */
export function currentTab(pathname: string): string | undefined {
  if (pathname === '/') return '/';
  return NAV.find((item) => item.covers.some((prefix) => pathname.startsWith(prefix)))?.to;
}

export function Layout() {
  const { pathname } = useLocation();
  const tab = currentTab(pathname);
  useBackgroundSync();
  const app = useRef<HTMLDivElement>(null);
  return (
    <div ref={app} className="app">
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__title">
          Handelingskader Explosies
        </Link>
        {/* Auto-lock and the privacy cover on every route, and "Vergrendel" outside the gated sections. */}
        <Suspense fallback={null}>
          <AppLock cover={app} />
        </Suspense>
      </header>
      <UpdatePrompt />
      <main id="inhoud" className="app-main">
        {/* Inside main, first: "Naar de inhoud" lands on it, and it is read before the page. */}
        <DataLossNotice />
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
      <nav className="tab-bar" aria-label="Hoofdmenu">
        <ul>
          {NAV.map((item) => {
            const here = item.to === tab;
            return (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={`tab-bar__link${here ? ' active' : ''}`}
                  aria-current={here ? (pathname === item.to ? 'page' : 'location') : undefined}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <ScrollRestoration />
    </div>
  );
}
