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

/**
 * The last record of each context (table and key) this tab sealed or opened, with its plain
 * text and the key it was sealed under. A row written again with exactly the same text (a
 * step tap rewrites the list row, whose sealed part — title, address, deadlines — does not
 * change) keeps that record instead of a new AES-GCM seal, the larger part of what the lock
 * added to a tap. Safe: the IV of that record has only ever encrypted this very text under
 * this key and context, and reusing the pair yields exactly what encrypting again with that
 * IV would; no IV ever meets a second plain text. What it shows on disk, that the sealed part
 * did not change, the plain fields beside it (updatedAt, progress) already show.
 */
interface Latest {
  key: Uint8Array;
  text: string;
  record: { v: 1; iv: Uint8Array; ct: Uint8Array };
}
const latest = new Map<string, Latest>();
const MAX_LATEST = 256;

/** The record sealed before for exactly this text, context and key, if this tab has it. */
export function sealedBefore(context: string, key: Uint8Array, text: string): Latest['record'] | undefined {
  const entry = latest.get(context);
  return entry && entry.key === key && entry.text === text ? entry.record : undefined;
}

export function rememberSealed(context: string, key: Uint8Array, text: string, record: Latest['record']): void {
  if (text.length > MAX_CHARS / 4) return;
  latest.delete(context);
  latest.set(context, { key, text, record });
  if (latest.size > MAX_LATEST) latest.delete(latest.keys().next().value as string);
}

/** How many records are at hand (for tests). */
export const openedRecordCount = () => entries.size;

export function forgetOpened(): void {
  entries.clear();
  latest.clear();
  chars = 0;
}

forgetOnLock(forgetOpened);
