import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, use, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useKader } from '../../content/kader-context.tsx';
import { getAppDatabase } from '../../db/database.ts';
import type { SyncMembership } from '../../db/rows.ts';
import { getDeviceId } from '../../db/settings.ts';
import type { SyncState } from '../domain/sync-state.ts';
import { readMembership } from '../store/membership.ts';
import { sharedSyncClient } from '../store/shared-client.ts';
import type { SyncClient } from '../store/sync-client.ts';
import './sync.css';

interface SyncContextValue {
  client: SyncClient | undefined;
  /** Undefined while loading; null without a team. */
  membership: SyncMembership | null | undefined;
  shared: ReadonlySet<string>;
  /** This device's id (the `device` of its own events); undefined while loading. */
  deviceId: string | undefined;
}

const SyncContext = createContext<SyncContextValue>({
  client: undefined,
  membership: null,
  shared: new Set(),
  deviceId: undefined,
});

/**
 * The team screens' view of the tab's one sync client (store/shared-client.ts), which
 * app/ starts after the first render wherever the app is open; here it is found again,
 * or started if the incidents were the first thing opened. It keeps running when the
 * incidents are left. Without a team the client reads one setting and makes no request.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const { kader } = useKader();
  const db = getAppDatabase();
  const client = useMemo(() => sharedSyncClient(db, kader), [db, kader]);
  const [deviceId, setDeviceId] = useState<string>();
  useEffect(() => {
    getDeviceId(db).then(setDeviceId, () => undefined);
  }, [db]);
  const membership = useLiveQuery(async () => (await readMembership(db)) ?? null, [db]);
  const sharedIds = useLiveQuery(() => db.syncIncidents.toCollection().primaryKeys(), [db]);
  const value = useMemo(
    () => ({ client, membership, shared: new Set((sharedIds ?? []) as string[]), deviceId }),
    [client, membership, sharedIds, deviceId],
  );
  return <SyncContext value={value}>{children}</SyncContext>;
}

export function useSync(): SyncContextValue {
  return use(SyncContext);
}

const NONE: SyncState = { phase: 'none', pending: 0 };

export function useSyncState(): SyncState {
  const { client } = useSync();
  return useSyncExternalStore(
    (listener) => client?.subscribe(listener) ?? (() => undefined),
    () => client?.state() ?? NONE,
  );
}
