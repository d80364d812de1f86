import { openFromText, sealToText } from '../../db/sealed.ts';

/**
 * Form text that survives a reload, a crashed tab, an app update in another tab or the
 * app lock: kept in localStorage until the form is saved, sealed like the database
 * when a lock is set up (db/sealed.ts). Drafts stay on the device like the rest of the
 * data, and go with the incident when it is deleted.
 */
const PREFIX = 'hke-draft:';
const contextOf = (key: string) => `draft|${key}`;

/** Undefined when there is none, or while the app is locked (a sealed draft cannot be opened then). */
export function readDraft<T>(key: string): T | undefined {
  try {
    const stored = localStorage.getItem(PREFIX + key);
    return stored === null ? undefined : openFromText<T>(stored, contextOf(key));
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, sealToText(value, contextOf(key)));
  } catch {
    // A full localStorage (or a lock that closed meanwhile) must not block typing; the text is still in memory.
  }
}

/** After the lock is set up: every draft written before is sealed too. */
export function resealDrafts(): void {
  if (typeof localStorage === 'undefined') return;
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(PREFIX)) continue;
    const draftKey = key.slice(PREFIX.length);
    const value = readDraft(draftKey);
    if (value === undefined) localStorage.removeItem(key);
    else writeDraft(draftKey, value);
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
