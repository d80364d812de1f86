import type { KaderIndex } from '../content/kader-index.ts';
import { dataKey } from '../db/data-key.ts';
import { getAppDatabase, onAppDatabaseVersionChange } from '../db/database.ts';
import { overlaidIndex } from '../local/domain/overlay.ts';
import { observeLocalLayer } from '../local/store/local-store.ts';
import { loadLockStatus } from '../lock/lock-service.ts';
import { markDatabaseClosed } from './reload-notice.ts';

/**
 * Follows the stored local layer and hands the app the framework with the layer laid over it
 * (loaded after the first render by local-kader-provider.tsx, so Dexie stays out of the first
 * script). Live: a change from this tab or another arrives through Dexie's live query.
 *
 * The layer holds contacts' names and numbers, sealed when the lock is on: while the app is
 * locked (or its lock state is not read yet) the national framework alone is shown, and the
 * layer comes back when the adviser unlocks.
 */
export function watchLocalLayer(
  national: KaderIndex,
  onIndex: (index: KaderIndex, layerRead: boolean) => void,
): () => void {
  const db = getAppDatabase();
  let stopObserving: (() => void) | undefined;
  let shown: string | undefined;
  let read = false;
  let stopped = false;

  // `layerRead`: the stored layer (or its absence) is known, not just assumed while locked or loading.
  const show = (index: KaderIndex, key: string | undefined, layerRead = false) => {
    if (key === shown && (read || !layerRead)) return;
    shown = key;
    read ||= layerRead;
    onIndex(index, read);
  };
  const follow = () => {
    stopObserving?.();
    stopObserving = undefined;
    if (stopped) return;
    const status = dataKey.status();
    if (status === 'locked' || status === 'unknown') {
      show(national, undefined);
      return;
    }
    stopObserving = observeLocalLayer(
      (layer) => {
        if (!layer) show(national, undefined, true);
        else show(overlaidIndex(national.kader, layer), `${layer.municipalityCode}@${layer.revision}`, true);
      },
      () => show(national, undefined, true),
      db,
    );
  };

  const unsubscribeLock = dataKey.subscribe(follow);
  const unsubscribeVersion = onAppDatabaseVersionChange(markDatabaseClosed);
  (dataKey.status() === 'unknown' ? loadLockStatus(db) : Promise.resolve())
    .catch(() => {
      // Storage unavailable: the national framework stays; the incidents section says what is wrong.
    })
    .then(follow);
  return () => {
    stopped = true;
    stopObserving?.();
    unsubscribeLock();
    unsubscribeVersion();
  };
}
