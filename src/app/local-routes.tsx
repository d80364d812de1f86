import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { onAppDatabaseVersionChange } from '../db/database.ts';
import { ActorGate } from '../incidents/screens/actor-gate.tsx';
import { resealDrafts } from '../incidents/store/drafts.ts';
import { AnnotationPage } from '../local/screens/annotation-page.tsx';
import { ContactEditPage } from '../local/screens/contact-edit-page.tsx';
import { LocalFilePage } from '../local/screens/file-page.tsx';
import { LocalHistoryPage } from '../local/screens/history-page.tsx';
import { LocalEditRights } from '../local/screens/local-editor-context.tsx';
import { LocalHomePage } from '../local/screens/local-home-page.tsx';
import { StepEditPage } from '../local/screens/step-edit-page.tsx';
import { LockGate } from '../lock/lock-gate.tsx';
import { SyncProvider, useSync } from '../sync/screens/sync-context.tsx';
import { TeamLayerStatus } from '../sync/screens/team-layer-status.tsx';
import { markDatabaseClosed } from './reload-notice.ts';

/** The editor of the municipality's local layer, loaded on first visit to /lokaal (Dexie stays off the start-up path). */
export function LocalSection() {
  useEffect(() => onAppDatabaseVersionChange(markDatabaseClosed), []);
  return (
    // Internal contacts are the municipality's personal data: read and written only with the lock open.
    <LockGate sealOutside={resealDrafts}>
      {/* Every change is kept with who made it: the same name the incidents record. */}
      <ActorGate>
        {/* The tab's one sync client (started in the background): the team layer's state, and who may edit. */}
        <SyncProvider>
          <WithEditRights>
            <Routes>
              <Route index element={<LocalHomePage notices={<TeamLayerStatus />} />} />
              <Route path="contact/:contactId" element={<ContactEditPage />} />
              <Route path="stap/:stepId" element={<StepEditPage />} />
              <Route path="aanvulling/:targetId" element={<AnnotationPage />} />
              <Route path="geschiedenis" element={<LocalHistoryPage />} />
              <Route path="bestand" element={<LocalFilePage />} />
            </Routes>
          </WithEditRights>
        </SyncProvider>
      </ActorGate>
    </LockGate>
  );
}

/** Where a team exists only its coordinator changes the layer (the team shares one); otherwise anyone. */
function WithEditRights({ children }: { children: React.ReactNode }) {
  const { membership } = useSync();
  if (membership === undefined) return <p className="quiet">Laden…</p>;
  // A revoked device is no longer in a team: like a device without one, its adviser edits.
  const canEdit = !membership || Boolean(membership.revokedAt) || membership.role === 'coordinator';
  return <LocalEditRights canEdit={canEdit}>{children}</LocalEditRights>;
}
