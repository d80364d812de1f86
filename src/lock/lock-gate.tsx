import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { dataKey } from '../db/data-key.ts';
import { getAppDatabase } from '../db/database.ts';
import { userMessageOf } from '../ui/user-message.ts';
import { useRegisterGate } from './app-lock.tsx';
import { LockScreen } from './lock-screen.tsx';
import { loadLockStatus, lockNow } from './lock-service.ts';
import { continueMigration, migrationPending, onMigrationRequest } from './migrate.ts';
import { useNoAutofill } from './no-autofill.ts';

export const useLockStatus = () => useSyncExternalStore(dataKey.subscribe, dataKey.status);

/**
 * Around everything that shows or writes personal data. Reads first whether a lock is
 * set up (so nothing is written unsealed), shows the lock screen while the key is not
 * in memory, finishes a migration that a kill interrupted, and offers "Vergrendel" once it
 * has. Auto-lock and the privacy cover are the layout's (app-lock.tsx), over every route.
 * `sealOutside` seals what the app keeps outside IndexedDB (drafts).
 */
export function LockGate({ children, sealOutside }: { children: ReactNode; sealOutside?: () => void }) {
  const status = useLockStatus();
  const [failure, setFailure] = useState<string>();
  useRegisterGate();
  useEffect(() => {
    if (status !== 'unknown') return;
    loadLockStatus(getAppDatabase()).catch((error: unknown) => setFailure(userMessageOf(error)));
  }, [status]);
  const migrating = useMigration(status === 'open', sealOutside);
  const fields = useRef<HTMLDivElement>(null);
  useNoAutofill(fields);

  // The wrapper is rendered in every state, so the field marking watches it from the first render.
  return (
    <div ref={fields} className="lock-gate">
      {content()}
    </div>
  );

  function content() {
    if (failure) {
      return (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      );
    }
    if (status === 'unknown') return <p className="quiet">Laden…</p>;
    if (status === 'locked') return <LockScreen />;
    if (migrating === 'checking') return <p className="quiet">Laden…</p>;
    if (migrating) return <MigrationNotice {...migrating} />;
    return (
      <>
        {status === 'open' && (
          <div className="lock-bar">
            <button type="button" className="button button--secondary button--small" onClick={lockNow}>
              Vergrendel
            </button>
          </div>
        )}
        {children}
      </>
    );
  }
}

interface Migrating {
  fraction: number;
  toPlain?: boolean;
  error?: string;
}

/** Runs the migration to its end whenever the key is open and the keyring says it is unfinished. */
function useMigration(open: boolean, sealOutside?: () => void): Migrating | 'checking' | undefined {
  const [state, setState] = useState<Migrating | 'checking' | undefined>('checking');
  // Turning the lock off marks the keyring while the gate is open: look again.
  const [requests, setRequests] = useState(0);
  useEffect(() => onMigrationRequest(() => setRequests((n) => n + 1)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each request (a new count) must run the check again
  useEffect(() => {
    if (!open) {
      setState('checking');
      return;
    }
    let active = true;
    const db = getAppDatabase();
    (async () => {
      if (!(await migrationPending(db))) {
        if (active) setState(undefined);
        return;
      }
      setState({ fraction: 0 });
      await continueMigration(db, {
        onProgress: ({ fraction, toPlain }) => active && setState({ fraction, toPlain }),
        ...(sealOutside ? { sealOutside } : {}),
      });
      if (active) setState(undefined);
    })().catch((error: unknown) => active && setState({ fraction: 0, error: userMessageOf(error) }));
    return () => {
      active = false;
    };
  }, [open, sealOutside, requests]);
  return state === 'checking' && !open ? undefined : state;
}

function MigrationNotice({ fraction, toPlain, error }: Migrating) {
  const work = toPlain ? 'ontsleuteld' : 'versleuteld';
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        <p>
          Het {toPlain ? 'ontsleutelen' : 'versleutelen'} is onderbroken: {error}
        </p>
        <p>Er is niets verloren. Herlaad de app om verder te gaan.</p>
      </div>
    );
  }
  return (
    <div role="status" className="lock-migration">
      <p>De gegevens op dit apparaat worden {work}. Dit duurt even; sluit de app niet af.</p>
      <progress
        max={100}
        value={Math.round(fraction * 100)}
        aria-label={`Voortgang van het ${toPlain ? 'ontsleutelen' : 'versleutelen'}`}
      />
    </div>
  );
}
