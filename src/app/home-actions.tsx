import { Link } from 'react-router';

/** Quick at the scene: starting an incident is the first thing on the home screen, one tap away. */
export function HomeActions() {
  return (
    <p className="actions home-actions">
      <Link className="button button--large" to="/incidenten/nieuw">
        Incident starten
      </Link>
    </p>
  );
}
