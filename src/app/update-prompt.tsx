import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * A new version is offered, never forced: a reload mid-incident could lose what the
 * adviser is typing. Only the tab where they tap "Bijwerken" reloads.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  if (needRefresh) {
    return (
      <div className="banner" role="status">
        <p>Er is een nieuwe versie van de app. Wat u hebt vastgelegd, blijft bewaard.</p>
        <div className="banner__actions">
          <button type="button" className="button" onClick={() => updateServiceWorker(true)}>
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
