import type { AppDatabase } from '../db/database.ts';
import type { KeyringRow } from '../db/rows.ts';
import { toStorageError } from '../db/storage-error.ts';
import { UnwrapFailedError, unwrapDataKey } from './key-wrap.ts';

/**
 * Every form that takes the passphrase (lock screen, turning off, changing it, adding a
 * passkey) goes through here, so a wrong one counts the same everywhere and the slow-down
 * after ten holds for each: someone holding an unlocked phone cannot guess it through a
 * settings form instead of the lock screen.
 */

/** Wrong passphrases allowed without waiting; after that each attempt waits twice as long. */
export const FREE_ATTEMPTS = 10;

/** Seconds to wait after `failures` wrong passphrases in a row: none for the first ten, then 30 s doubling, up to 15 minutes. */
export function attemptDelaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(30 * 2 ** (failures - FREE_ATTEMPTS), 900);
}

export type PassphraseCheck = { ok: true; raw: Uint8Array } | { ok: false; message: string; waitSeconds?: number };

/**
 * The data key unwrapped with `passphrase`, unless the adviser must wait first. A wrong one
 * is counted (and answered with `wrongMessage`); a right one clears the count.
 */
export async function checkPassphrase(
  db: AppDatabase,
  row: KeyringRow,
  passphrase: string,
  wrongMessage: string,
  now: Date,
): Promise<PassphraseCheck> {
  const waitUntil = Date.parse(row.lastFailureAt ?? '') + attemptDelaySeconds(row.failures) * 1000;
  if (Number.isFinite(waitUntil) && now.getTime() < waitUntil) {
    const waitSeconds = Math.ceil((waitUntil - now.getTime()) / 1000);
    return { ok: false, waitSeconds, message: `Te veel pogingen. Probeer het over ${waitSeconds} seconden opnieuw.` };
  }
  let raw: Uint8Array;
  try {
    raw = await unwrapDataKey(row.passphrase, passphrase);
  } catch (error) {
    if (!(error instanceof UnwrapFailedError)) throw error;
    await countAttempt(db, now, true);
    return { ok: false, message: wrongMessage };
  }
  if (row.failures > 0) await countAttempt(db, now, false);
  return { ok: true, raw };
}

async function countAttempt(db: AppDatabase, now: Date, failed: boolean): Promise<void> {
  try {
    await db.transaction('rw', db.keyring, async () => {
      const row = await db.keyring.get('lock');
      if (!row) return;
      await db.keyring.put(
        failed ? { ...row, failures: row.failures + 1, lastFailureAt: now.toISOString() } : { ...row, failures: 0 },
      );
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
