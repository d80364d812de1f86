import { afterEach, describe, expect, it } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import { changePassphrase, setUpLock, turnOffLock, unlock } from '../../../src/lock/lock-service.ts';
import { continueMigration } from '../../../src/lock/migrate.ts';
import { enrolPasskey } from '../../../src/lock/passkey.ts';
import { freshDatabase } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

afterEach(() => dataKey.configure(false));

const t0 = Date.parse('2026-12-02T10:00:00Z');

/** Each form that takes the passphrase, as a function of (passphrase, now). */
const forms: Record<string, (db: AppDatabase, passphrase: string, now: Date) => Promise<{ ok: boolean }>> = {
  'adding a passkey': (db, passphrase, now) => enrolPasskey(db, passphrase, now),
  'changing the passphrase': (db, passphrase, now) =>
    changePassphrase(db, passphrase, 'een nieuwe wachtzin', { ...FAST, now }),
  'turning the lock off': (db, passphrase, now) => turnOffLock(db, passphrase, now),
};

describe('wrong passphrases in the settings forms', () => {
  for (const [form, attempt] of Object.entries(forms)) {
    it(`${form}: counts each wrong one and makes even the right one wait after ten`, async () => {
      const db = freshDatabase();
      await setUpLock(db, PASSPHRASE, FAST);
      await continueMigration(db);
      const keyringBefore = (await rawRows(db, 'keyring'))[0]!;
      expect(await attempt(db, 'fout', new Date(t0))).toMatchObject({ ok: false });
      expect((await rawRows(db, 'keyring'))[0]).toMatchObject({ failures: 1 });
      for (let i = 1; i < 10; i++) expect((await attempt(db, `fout ${i}`, new Date(t0 + i))).ok).toBe(false);
      // Refused before the passphrase is tried (and, for a passkey, before the browser's dialog).
      expect(await attempt(db, PASSPHRASE, new Date(t0 + 1000))).toMatchObject({ ok: false, waitSeconds: 30 });
      // The lock screen shares the count.
      expect(await unlock(db, PASSPHRASE, new Date(t0 + 2000))).toMatchObject({ ok: false, waitSeconds: 29 });
      const keyring = (await rawRows(db, 'keyring'))[0]!;
      expect(keyring).toMatchObject({ failures: 10 });
      expect(keyring.passphrase).toEqual(keyringBefore.passphrase);
      expect(keyring.migration).toEqual(keyringBefore.migration);
    });
  }
});
