import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { ErrorBoundary } from './error-boundary.tsx';
import { UpdatePrompt } from './update-prompt.tsx';

const NAV = [
  { to: '/', label: 'Kader', end: true },
  { to: '/incidenten', label: 'Incidenten', end: false },
  { to: '/zoeken', label: 'Zoeken', end: false },
  { to: '/over', label: 'Over', end: false },
] as const;

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__title">
          Handelingskader Explosies
        </Link>
      </header>
      <UpdatePrompt />
      <main id="inhoud" className="app-main">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
      <nav className="tab-bar" aria-label="Hoofdmenu">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="tab-bar__link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <ScrollRestoration />
    </div>
  );
}
