import { type ReactNode, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { useKader } from '../content/kader-context.tsx';
import { getAppDatabase, onAppDatabaseVersionChange } from '../db/database.ts';
import { BackupNudgeNotice } from '../exchange/screens/backup-section.tsx';
import { DossierPage } from '../exchange/screens/dossier-page.tsx';
import { NetworkIncidentPage, NetworkListPage } from '../exchange/screens/network-page.tsx';
import { SharePage } from '../exchange/screens/share-page.tsx';
import { ActorGate } from '../incidents/screens/actor-gate.tsx';
import { IncidentCommandsProvider } from '../incidents/screens/incident-commands-context.tsx';
import { IncidentExtensionsProvider } from '../incidents/screens/incident-extensions.tsx';
import { IncidentListPage } from '../incidents/screens/incident-list-page.tsx';
import { IncidentPage } from '../incidents/screens/incident-page.tsx';
import { NewIncidentPage } from '../incidents/screens/new-incident-page.tsx';
import { SettingsPage } from '../incidents/screens/settings-page.tsx';
import { resealDrafts } from '../incidents/store/drafts.ts';
import { refreshProjections } from '../incidents/store/refresh-projections.ts';
import { LockGate } from '../lock/lock-gate.tsx';
import { LockOffer } from '../lock/lock-offer.tsx';
import { LockSettingsSection } from '../lock/lock-settings.tsx';
import { useSyncIncidentExtensions } from '../sync/screens/incident-extensions.ts';
import { PairPage } from '../sync/screens/pair-page.tsx';
import { SyncProvider } from '../sync/screens/sync-context.tsx';
import { SyncStatus } from '../sync/screens/sync-status.tsx';
import { TeamPage } from '../sync/screens/team-page.tsx';
import { useLocalLayerRead } from './local-kader-provider.tsx';
import { markDatabaseClosed } from './reload-notice.ts';

/** Loaded on first visit to /incidenten, so the database code is off the start-up path. */
export function IncidentsSection() {
  // The update prompt shows the one notice (reload-notice.ts); a second banner here would contradict it.
  useEffect(() => onAppDatabaseVersionChange(markDatabaseClosed), []);
  return (
    <IncidentCommandsProvider>
      {/* Inside the lock gate: nothing personal is read or written before the lock's state is known. */}
      <LockGate sealOutside={resealDrafts}>
        <ProjectionRefresh />
        <SyncProvider>
          <SyncExtensions>
            <ActorGate>
              <Routes>
                <Route
                  index
                  element={
                    <IncidentListPage
                      notices={
                        <>
                          <SyncStatus />
                          <BackupNudgeNotice />
                        </>
                      }
                    />
                  }
                />
                <Route path="team" element={<TeamPage />} />
                <Route path="team/koppelen" element={<PairPage />} />
                <Route
                  path="nieuw"
                  element={
                    <>
                      <NewIncidentPage />
                      <LockOffer settingsPath="/incidenten/instellingen#beveiliging" />
                    </>
                  }
                />
                <Route
                  path="instellingen"
                  element={
                    <>
                      <SettingsPage />
                      <LockSettingsSection />
                    </>
                  }
                />
                <Route path="delen" element={<SharePage />} />
                <Route path="netwerk" element={<NetworkListPage />} />
                <Route path="netwerk/:networkId" element={<NetworkIncidentPage />} />
                <Route path=":incidentId/dossier" element={<DossierPage />} />
                <Route path=":incidentId/*" element={<IncidentPage />} />
              </Routes>
            </ActorGate>
          </SyncExtensions>
        </SyncProvider>
      </LockGate>
    </IncidentCommandsProvider>
  );
}

/** Team sync's additions to the incident screens (incidents cannot import sync). */
function SyncExtensions({ children }: { children: ReactNode }) {
  return <IncidentExtensionsProvider value={useSyncIncidentExtensions()}>{children}</IncidentExtensionsProvider>;
}

function ProjectionRefresh() {
  const { kader, local } = useKader();
  const code = local?.municipalityCode;
  const revision = local?.revision;
  const layerRead = useLocalLayerRead();
  useEffect(() => {
    // Until the layer is read, the framework lacks its steps: projecting now would be redone at once.
    if (!layerRead) return;
    const layer = code !== undefined && revision !== undefined ? { municipalityCode: code, revision } : undefined;
    refreshProjections(getAppDatabase(), kader, layer).catch(() => {
      // The rows keep their earlier progress; the next visit tries again.
    });
  }, [kader, code, revision, layerRead]);
  return null;
}
