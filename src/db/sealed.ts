import { gcm } from '@noble/ciphers/aes.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { dataKey, LockedError } from './data-key.ts';
import { recallOpened, rememberOpened, rememberSealed, sealedBefore } from './opened-records.ts';
import { StorageError } from './storage-error.ts';

/**
 * Sealing of personal data at rest: AES-256-GCM with a random 96-bit IV per record,
 * synchronous (@noble/ciphers, audited) so a record can be sealed and opened inside a
 * Dexie transaction: awaiting WebCrypto there would commit the transaction early.
 * The context (table and primary key, or any label a caller chooses) is the GCM
 * additional data: a sealed record copied to another row does not open there.
 *
 * Use these for anything personal outside the tables the sealing middleware covers
 * (drafts, a sync token): `seal` passes the value through while no lock is set up.
 */
export interface SealedRecord {
  v: 1;
  iv: Uint8Array;
  ct: Uint8Array;
}

/** A sealed record that does not open under the data key: changed on disk, or copied from elsewhere. */
export class SealBrokenError extends StorageError {
  constructor(context: string, cause?: unknown) {
    super('tampered', new Error(`Sealed record does not open (${context})`, { cause }));
  }
}

export function isSealed(value: unknown): value is SealedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { v, iv, ct } = value as Partial<SealedRecord>;
  return v === 1 && iv instanceof Uint8Array && ct instanceof Uint8Array;
}

/** True when records written now are sealed (the key is in memory). */
export function sealingActive(): boolean {
  return dataKey.recordKey() !== undefined;
}

/** Seals with the data key; throws LockedError while locked. Callers check sealingActive() to pass through. */
export function sealValue(value: unknown, context: string): SealedRecord {
  const key = dataKey.recordKey();
  if (!key) throw new LockedError();
  const text = JSON.stringify(value);
  // The same text written again keeps its record (opened-records.ts says why that is safe).
  const before = sealedBefore(context, key, text);
  if (before) return before;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = gcm(key, iv, utf8ToBytes(context)).encrypt(utf8ToBytes(text));
  const record: SealedRecord = { v: 1, iv, ct };
  // A live query reads what this tab just wrote: it need not decrypt it again.
  rememberOpened(context, record, text);
  rememberSealed(context, key, text, record);
  return record;
}

export function openValue<T>(record: SealedRecord, context: string): T {
  const key = dataKey.recordKey();
  if (!key) throw new LockedError();
  let text = recallOpened(context, record);
  if (text === undefined) {
    let bytes: Uint8Array;
    try {
      bytes = gcm(key, record.iv, utf8ToBytes(context)).decrypt(record.ct);
    } catch (error) {
      throw new SealBrokenError(context, error);
    }
    text = decoder.decode(bytes);
    rememberOpened(context, record, text);
  }
  rememberSealed(context, key, text, { v: 1, iv: record.iv, ct: record.ct });
  return JSON.parse(text) as T;
}

const decoder = new TextDecoder();

/** Written as it is: no lock set up, or the lock is being turned off. While locked, sealing throws instead. */
const passesThrough = () => dataKey.status() !== 'locked' && !dataKey.sealsWrites();

/** Sealed while a lock is set up and open; the value itself while no lock is set up. Throws while locked. */
export function seal<T>(value: T, context: string): SealedRecord | T {
  if (passesThrough()) return value;
  return sealValue(value, context);
}

/** Accepts both a sealed record and a plain value (written before the lock was set up, or while it was off). */
export function open<T>(stored: SealedRecord | T, context: string): T {
  return isSealed(stored) ? openValue<T>(stored, context) : stored;
}

const TEXT_MARK = '$sealed';

/**
 * For text storage (localStorage drafts, a token kept as text): JSON of the value, or
 * while a lock is set up and open, JSON of the sealed record with base64 bytes.
 * Throws LockedError while locked.
 */
export function sealToText(value: unknown, context: string): string {
  if (passesThrough()) return JSON.stringify(value);
  const { iv, ct } = sealValue(value, context);
  return JSON.stringify({ [TEXT_MARK]: 1, iv: toBase64(iv), ct: toBase64(ct) });
}

/** Opens what sealToText wrote; plain JSON (written without a lock) is parsed as it is. */
export function openFromText<T>(text: string, context: string): T {
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>)[TEXT_MARK] === 1) {
    const { iv, ct } = parsed as { iv: string; ct: string };
    return openValue<T>({ v: 1, iv: fromBase64(iv), ct: fromBase64(ct) }, context);
  }
  return parsed as T;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * For binary data such as a later issue's photos (stored as their own rows, not inside
 * a sealed JSON record): the bytes sealed as they are, without JSON. Throws LockedError
 * while locked; without a lock the bytes pass through.
 */
export function sealBytes(bytes: Uint8Array, context: string): SealedRecord | Uint8Array {
  if (passesThrough()) return bytes;
  const key = dataKey.recordKey();
  if (!key) throw new LockedError();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { v: 1, iv, ct: gcm(key, iv, utf8ToBytes(context)).encrypt(bytes) };
}

export function openBytes(stored: SealedRecord | Uint8Array, context: string): Uint8Array {
  if (!isSealed(stored)) return stored;
  const key = dataKey.recordKey();
  if (!key) throw new LockedError();
  try {
    return gcm(key, stored.iv, utf8ToBytes(context)).decrypt(stored.ct);
  } catch (error) {
    throw new SealBrokenError(context, error);
  }
}
