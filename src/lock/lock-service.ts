import { dataKey, type LockStatus } from '../db/data-key.ts';
import type { AppDatabase } from '../db/database.ts';
import type { KeyringRow } from '../db/rows.ts';
import { toStorageError } from '../db/storage-error.ts';
import { newDataKey, PASSPHRASE_ITERATIONS, wrapDataKey } from './key-wrap.ts';
import { announceLock } from './lock-channel.ts';
import { FIRST_TABLE, requestMigration } from './migrate.ts';
import { forgetCredentials, unwrapWithPasskey } from './passkey.ts';
import { checkPassphrase } from './passphrase-attempts.ts';

export { attemptDelaySeconds, FREE_ATTEMPTS } from './passphrase-attempts.ts';

/**
 * Setting up, opening and closing the app lock. The data key is made once, stored
 * only wrapped (key-wrap.ts) in the keyring table, and held unwrapped in memory by
 * db/data-key.ts while the app is open.
 */

export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const MIN_PASSPHRASE_LENGTH = 8;
export const UNLOCK_FAILED_MESSAGE = 'Ontgrendelen is niet gelukt. Controleer uw wachtzin en probeer het opnieuw.';

export async function readKeyring(db: AppDatabase): Promise<KeyringRow | undefined> {
  try {
    return await db.keyring.get('lock');
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Reads whether a lock is set up and tells the key holder; call before any personal data is read. */
export async function loadLockStatus(db: AppDatabase): Promise<LockStatus> {
  dataKey.configure((await readKeyring(db)) !== undefined);
  return dataKey.status();
}

/** A Dutch sentence when the new passphrase is not acceptable. */
export function checkNewPassphrase(passphrase: string, repeated: string): string | undefined {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `Kies een wachtzin van minstens ${MIN_PASSPHRASE_LENGTH} tekens, bijvoorbeeld vier losse woorden.`;
  }
  if (passphrase !== repeated) return 'De twee wachtzinnen zijn niet gelijk. Typ dezelfde wachtzin twee keer.';
  return undefined;
}

/**
 * Sets up the lock: a new data key, wrapped with the passphrase, stored with a
 * migration marker at the first table, then held in memory. From then on every
 * record written is sealed; the caller runs the migration (migrate.ts) for what is
 * already stored. A crash before the migration ends is picked up at the next unlock.
 */
export async function setUpLock(
  db: AppDatabase,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<void> {
  const raw = newDataKey();
  const passphraseWrap = await wrapDataKey(raw, passphrase, options.iterations ?? PASSPHRASE_ITERATIONS);
  try {
    await db.transaction('rw', db.keyring, async () => {
      if (await db.keyring.get('lock')) throw new Error('A lock is already set up');
      await db.keyring.add({
        id: 'lock',
        passphrase: passphraseWrap,
        failures: 0,
        autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
        migration: { table: FIRST_TABLE },
      });
    });
  } catch (error) {
    throw toStorageError(error);
  }
  dataKey.open(raw);
  raw.fill(0);
  // Another tab without the key must stop writing unsealed rows: it locks, and unlocks with the passphrase.
  announceLock('set-up');
}

export type UnlockResult = { ok: true } | { ok: false; message: string; waitSeconds?: number };

export async function unlock(db: AppDatabase, passphrase: string, now = new Date()): Promise<UnlockResult> {
  const row = await readKeyring(db);
  if (!row) return { ok: false, message: 'Er is op dit apparaat geen beveiliging ingesteld.' };
  const checked = await checkPassphrase(db, row, passphrase, UNLOCK_FAILED_MESSAGE, now);
  if (!checked.ok) return checked;
  openWith(row, checked.raw);
  return { ok: true };
}

function openWith(row: KeyringRow, raw: Uint8Array): void {
  dataKey.open(raw);
  raw.fill(0);
  // Being turned off (interrupted): nothing written from now on may be sealed again.
  if (row.migration?.to === 'plain') dataKey.writePlain(true);
}

export const PASSKEY_FAILED_MESSAGE = 'Ontgrendelen met de passkey is niet gelukt. Gebruik uw wachtzin.';

/** Unlocks with an enrolled passkey; the browser's dialog verifies the adviser (fingerprint, face, screen lock). */
export async function unlockWithPasskey(db: AppDatabase): Promise<UnlockResult> {
  const row = await readKeyring(db);
  if (!row) return { ok: false, message: 'Er is op dit apparaat geen beveiliging ingesteld.' };
  let raw: Uint8Array;
  try {
    raw = await unwrapWithPasskey(db);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      return {
        ok: false,
        message: 'Ontgrendelen met de passkey is afgebroken. Probeer het opnieuw of gebruik uw wachtzin.',
      };
    }
    if (error instanceof Error) return { ok: false, message: PASSKEY_FAILED_MESSAGE };
    throw error;
  }
  openWith(row, raw);
  return { ok: true };
}

/**
 * Starts turning the lock off, after the passphrase (a wrong one counts like one on the
 * lock screen, and the same wait holds): marks the keyring so the lock gate decrypts everything in place
 * (migrate.ts, crash-safe like turning it on) and removes the wrapped key at the end.
 * Other tabs lock meanwhile; an interrupted run goes on after the next unlock.
 */
export async function turnOffLock(db: AppDatabase, passphrase: string, now = new Date()): Promise<UnlockResult> {
  const row = await readKeyring(db);
  if (!row) return { ok: false, message: 'Er is op dit apparaat geen beveiliging ingesteld.' };
  if (row.migration && row.migration.to !== 'plain') {
    return { ok: false, message: 'Het versleutelen is nog bezig. Wacht tot het klaar is en probeer het dan opnieuw.' };
  }
  const checked = await checkPassphrase(db, row, passphrase, 'De wachtzin klopt niet. Er is niets gewijzigd.', now);
  if (!checked.ok) return checked;
  checked.raw.fill(0);
  try {
    await db.keyring.update('lock', { migration: { table: FIRST_TABLE, to: 'plain' }, failures: 0 });
  } catch (error) {
    throw toStorageError(error);
  }
  dataKey.writePlain(true);
  // Off means no passkey unlocks anything: the passphrase opens an interrupted turn-off.
  forgetCredentials((row.passkeys ?? []).map((passkey) => passkey.credentialId));
  announceLock('turning-off');
  requestMigration();
  return { ok: true };
}

/** "Vergrendel", or the auto-lock timer: the key leaves memory; the lock screen shows. */
export function lockNow(): void {
  dataKey.lock();
  announceLock('locked');
}

/** Re-wraps the same data key with a new passphrase; no record is encrypted again. A wrong current one counts. */
export async function changePassphrase(
  db: AppDatabase,
  current: string,
  next: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<UnlockResult> {
  const row = await readKeyring(db);
  if (!row) return { ok: false, message: 'Er is op dit apparaat geen beveiliging ingesteld.' };
  const wrong = 'De huidige wachtzin klopt niet. Er is niets gewijzigd.';
  const checked = await checkPassphrase(db, row, current, wrong, options.now ?? new Date());
  if (!checked.ok) return checked;
  const raw = checked.raw;
  const passphraseWrap = await wrapDataKey(raw, next, options.iterations ?? PASSPHRASE_ITERATIONS);
  raw.fill(0);
  try {
    await db.keyring.update('lock', { passphrase: passphraseWrap });
  } catch (error) {
    throw toStorageError(error);
  }
  return { ok: true };
}

export async function setAutoLockMinutes(db: AppDatabase, minutes: number): Promise<void> {
  try {
    await db.keyring.update('lock', { autoLockMinutes: minutes });
  } catch (error) {
    throw toStorageError(error);
  }
}
