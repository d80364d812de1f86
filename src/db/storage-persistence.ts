/**
 * Browsers may evict IndexedDB of sites that are not "persisted" when space runs low.
 * We ask once the app stores something, not at first visit: Chromium grants it more
 * readily to installed, engaged apps, and asking for nothing stored makes no sense.
 */
let asked: Promise<boolean> | undefined;

export function ensurePersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return Promise.resolve(false);
  asked ??= navigator.storage
    .persisted()
    .then((already) => already || navigator.storage.persist())
    // A refusal or an error both mean: not persisted. Never rejects, so callers need not wait.
    .catch(() => false);
  return asked;
}

export interface StorageStatus {
  supported: boolean;
  persisted: boolean;
  usageBytes?: number;
  quotaBytes?: number;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  if (!navigator.storage?.persisted) return { supported: false, persisted: false };
  const [persisted, estimate] = await Promise.all([navigator.storage.persisted(), navigator.storage.estimate()]);
  return { supported: true, persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
}
