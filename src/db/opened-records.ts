import { forgetOnLock } from './forget-on-lock.ts';

/**
 * The plain text of the sealed records this tab sealed or opened lately, so that
 * reading the same record again costs a JSON.parse instead of AES-GCM in JavaScript.
 * A step tap made the open incident's live query read its whole log again (~25 KB,
 * 2–3 ms of AES on this machine, more on a phone) plus every appended row, although
 * only one small row was new: that was most of what the lock added to a tap.
 *
 * An entry counts only for the very same ciphertext (the IV is random per seal, and
 * the bytes are compared in full), so a hit returns exactly what decrypting would, and
 * a record changed on disk is decrypted, and refused, as before. Bounded, least
 * recently used first out, and emptied on every lock (forget-on-lock.ts).
 */
interface Entry {
  ct: Uint8Array;
  text: string;
}

/** Characters of plain text kept: the open incident, its appended rows and a long list with room to spare. */
const MAX_CHARS = 2_000_000;

const entries = new Map<string, Entry>();
let chars = 0;

const keyOf = (context: string, iv: Uint8Array) => {
  let hex = '';
  for (const byte of iv) hex += byte.toString(16).padStart(2, '0');
  return `${hex}|${context}`;
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text sealed as `record` under `context`, if this tab has it at hand. */
export function recallOpened(context: string, record: { iv: Uint8Array; ct: Uint8Array }): string | undefined {
  const key = keyOf(context, record.iv);
  const entry = entries.get(key);
  if (!entry || !sameBytes(entry.ct, record.ct)) return undefined;
  // Most recently used last: Map keeps insertion order.
  entries.delete(key);
  entries.set(key, entry);
  return entry.text;
}

export function rememberOpened(context: string, record: { iv: Uint8Array; ct: Uint8Array }, text: string): void {
  if (text.length > MAX_CHARS / 4) return;
  const key = keyOf(context, record.iv);
  const old = entries.get(key);
  if (old) {
    chars -= old.text.length;
    entries.delete(key);
  }
  entries.set(key, { ct: record.ct, text });
  chars += text.length;
  for (const [oldest, entry] of entries) {
    if (chars <= MAX_CHARS) break;
    entries.delete(oldest);
    chars -= entry.text.length;
  }
}

/** How many records are at hand (for tests). */
export const openedRecordCount = () => entries.size;

export function forgetOpened(): void {
  entries.clear();
  chars = 0;
}

forgetOnLock(forgetOpened);
