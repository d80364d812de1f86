import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { getAppDatabase } from '../db/database.ts';
import { useLockStatus } from './lock-gate.tsx';

/** Offered where the first incident is started, while no lock is set up and nothing is stored yet. */
export function LockOffer({ settingsPath }: { settingsPath: string }) {
  const status = useLockStatus();
  const count = useLiveQuery(() => getAppDatabase().incidents.count());
  if (status !== 'off' || count !== 0) return null;
  // Compact and below the form: at the scene the incident comes first, the lock is one tap away.
  return (
    <aside className="alert alert--warning lock-offer" aria-label="Beveiliging">
      <p>
        Versleutel adressen en namen: <Link to={settingsPath}>stel een wachtzin in</Link>.
      </p>
    </aside>
  );
}
