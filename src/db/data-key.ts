import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { forgetAll } from './forget-on-lock.ts';
import { StorageError } from './storage-error.ts';

/**
 * The one place the unwrapped data key lives: in this tab's memory, never in storage
 * (a "non-extractable" CryptoKey stored in IndexedDB is written to disk in raw form).
 * The lock feature (src/lock/) unwraps it with the passphrase and hands it over here;
 * sealed.ts and the sealing middleware read it synchronously, so records can be sealed
 * and opened inside a Dexie transaction.
 *
 * - 'unknown': nothing read yet: records pass through as they are (unit tests, and the
 *   moment before the lock gate has read the keyring);
 * - 'off': no lock set up on this device: records pass through;
 * - 'locked': a lock is set up and the key is not in memory: writes of personal data
 *   fail and sealed records cannot be read;
 * - 'open': the key is in memory: every record written is sealed.
 */
export type LockStatus = 'unknown' | 'off' | 'locked' | 'open';

interface Keys {
  /** AES-256-GCM key for records, derived from the data key. */
  records: Uint8Array;
  /** HMAC-SHA-256 key for the address index, derived from the data key. */
  address: Uint8Array;
}

let status: LockStatus = 'unknown';
let keys: Keys | undefined;
/** While the lock is being turned off: the key still opens sealed rows, but every write is plain. */
let plainWrites = false;
const listeners = new Set<() => void>();

function wipe(): void {
  if (keys) {
    keys.records.fill(0);
    keys.address.fill(0);
  }
  keys = undefined;
}

const derive = (dataKey: Uint8Array, info: string) => hkdf(sha256, dataKey, undefined, utf8ToBytes(info), 32);

function setStatus(next: LockStatus): void {
  if (next === status) return;
  status = next;
  // Before any screen hears of it: what was decrypted leaves memory with the key.
  if (next === 'locked') forgetAll();
  for (const listener of listeners) listener();
}

export const dataKey = {
  status: (): LockStatus => status,

  /** The keyring was read: no lock on this device, or one whose key is not in memory yet. */
  configure(lockSetUp: boolean): void {
    if (!lockSetUp) {
      wipe();
      plainWrites = false;
      setStatus('off');
    } else if (status !== 'open') setStatus('locked');
  },

  /** The unwrapped 256-bit data key: from now on records are sealed. */
  open(raw: Uint8Array): void {
    if (raw.length !== 32) throw new Error('A data key has 32 bytes');
    keys = { records: derive(raw, 'hke records v1'), address: derive(raw, 'hke address index v1') };
    setStatus('open');
  },

  /** Forgets the key (the lock screen shows); only a passphrase brings it back. */
  lock(): void {
    wipe();
    plainWrites = false;
    if (status === 'open') setStatus('locked');
  },

  /** Turning the lock off (lock/migrate.ts): rows are still opened, but written plain again. */
  writePlain(on: boolean): void {
    plainWrites = on;
  },

  /** True when what is written now is sealed: a lock is set up, its key is open, and it is not being turned off. */
  sealsWrites: (): boolean => status === 'open' && !plainWrites,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** For sealed.ts only. */
  recordKey: (): Uint8Array | undefined => keys?.records,
};

/** Marks an address key computed under the data key, so a rewrite recognises it and a plain hash. */
export const KEYED_ADDRESS_PREFIX = 'k1:';

/**
 * The address index value as stored: with the lock open, an HMAC (under a key derived
 * from the data key) of the plain address key, which anyone could compute for every
 * Dutch postcode and house number; without a lock, the plain key as before. A value
 * already keyed is kept. Throws when locked: nothing may be stored or looked up then.
 */
export function storedAddressKey(plain: string): string {
  if (plain.startsWith(KEYED_ADDRESS_PREFIX)) return plain;
  if (status === 'off' || status === 'unknown' || (status === 'open' && plainWrites)) return plain;
  if (!keys) throw new LockedError();
  return KEYED_ADDRESS_PREFIX + bytesToHex(hmac(sha256, keys.address, utf8ToBytes(plain)));
}

/** A write or a sealed read while the key is not in memory. Nothing was stored or changed. */
export class LockedError extends StorageError {
  constructor() {
    super('locked', new Error('The data key is not in memory (app locked)'));
  }
}
