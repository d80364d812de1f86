import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { getAppDatabase } from '../db/database.ts';
import { useLockStatus } from './lock-gate.tsx';

/** Offered where the first incident is started, while no lock is set up and nothing is stored yet. */
export function LockOffer({ settingsPath }: { settingsPath: string }) {
  const status = useLockStatus();
  const count = useLiveQuery(() => getAppDatabase().incidents.count());
  if (status !== 'off' || count !== 0) return null;
  return (
    <aside className="alert alert--warning" aria-labelledby="lock-offer">
      <h2 id="lock-offer">Beveilig de gegevens op dit toestel</h2>
      <p>
        Een incident bevat adressen en namen. Met een wachtzin worden ze versleuteld opgeslagen en vergrendelt de app
        zich; een verloren telefoon geeft dan niets prijs.
      </p>
      <p>
        <Link to={settingsPath}>Stel een wachtzin in</Link>
      </p>
    </aside>
  );
}
