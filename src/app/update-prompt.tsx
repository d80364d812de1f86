import { useRegisterSW } from 'virtual:pwa-register/react';
import { useState } from 'react';
import { useDatabaseClosed } from './reload-notice.ts';

/** Set in the tab where the adviser tapped "Bijwerken"; other tabs must not reload by surprise. */
let updateRequestedHere = false;

/** An app left open for hours must still learn of a new version: hourly while online, and on return. */
const UPDATE_CHECK_MS = 60 * 60_000;

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    // Offline a check can only fail; the next return to the app or the next hour tries again.
    if (!navigator.onLine) return;
    registration.update().catch(() => {});
  };
  window.setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.addEventListener('online', check);
}

/**
 * A new version is offered, never forced: a reload mid-incident could lose what the
 * adviser is typing. Only the tab where they tap "Bijwerken" reloads; other open tabs
 * (which vite-plugin-pwa would reload too) show a notice and reload when the adviser says.
 */
export function UpdatePrompt() {
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  const databaseClosed = useDatabaseClosed();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      if (registration) watchForUpdates(registration);
    },
    onNeedReload() {
      if (updateRequestedHere) window.location.reload();
      else setUpdatedElsewhere(true);
    },
  });

  if (updatedElsewhere || databaseClosed) {
    // One notice: once the database is closed, working on is not possible, so it says so.
    return (
      <div className={`banner${databaseClosed ? ' banner--warning' : ''}`} role={databaseClosed ? 'alert' : 'status'}>
        <p>
          {databaseClosed
            ? 'De app is in een ander tabblad bijgewerkt. Herlaad deze pagina om verder te werken. Wat u hier typte, blijft bewaard.'
            : 'De app is in een ander tabblad bijgewerkt. Herlaad deze pagina wanneer het u uitkomt.'}
        </p>
        <div className="banner__actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Herladen
          </button>
        </div>
      </div>
    );
  }

  if (needRefresh) {
    return (
      <div className="banner" role="status">
        <p>Er is een nieuwe versie van de app. Wat u hebt vastgelegd, blijft bewaard.</p>
        <div className="banner__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              updateRequestedHere = true;
              void updateServiceWorker(true);
            }}
          >
            Bijwerken
          </button>
          <button type="button" className="button button--secondary" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner banner--ok" role="status" data-testid="offline-ready">
        <p>De app werkt nu ook zonder internet.</p>
        <div className="banner__actions">
          <button type="button" className="button button--secondary" onClick={() => setOfflineReady(false)}>
            Sluiten
          </button>
        </div>
      </div>
    );
  }
  return null;
}
