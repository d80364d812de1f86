/**
 * Form text that survives a reload, a crashed tab or an app update in another tab:
 * kept in localStorage until the form is saved. Drafts stay on the device like the
 * rest of the data, and go with the incident when it is deleted.
 */
const PREFIX = 'hke-draft:';

export function readDraft<T>(key: string): T | undefined {
  try {
    const stored = localStorage.getItem(PREFIX + key);
    return stored === null ? undefined : (JSON.parse(stored) as T);
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full localStorage must not block typing; the text is still in memory.
  }
}

export function removeDraft(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

/** Deleting an incident deletes its drafts too: nothing of it may stay on the device. */
export function clearDraftsOf(incidentId: string): void {
  // Node (the unit tests) and some embedded browsers have no localStorage.
  if (typeof localStorage === 'undefined') return;
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX) && key.includes(incidentId)) localStorage.removeItem(key);
  }
}
