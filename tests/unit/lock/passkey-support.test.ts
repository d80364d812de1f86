import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import type { PasskeyWrap } from '../../../src/db/rows.ts';
import { setUpLock, turnOffLock } from '../../../src/lock/lock-service.ts';
import { continueMigration } from '../../../src/lock/migrate.ts';
import { passkeyEnrolSupported, passkeyUnlockSupported, removePasskeys } from '../../../src/lock/passkey.ts';
import { freshDatabase } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE } from './lock-support.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  dataKey.configure(false);
});

/** A browser's WebAuthn as far as these functions look at it: what it says about PRF, and the signals it gets. */
function browserWith(capabilities?: Record<string, boolean>) {
  const signalled: { rpId: string; credentialId: string }[] = [];
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('location', { hostname: 'adviseur.example' });
  vi.stubGlobal('PublicKeyCredential', {
    ...(capabilities ? { getClientCapabilities: async () => capabilities } : {}),
    signalUnknownCredential: async (options: { rpId: string; credentialId: string }) => {
      signalled.push(options);
    },
  });
  return signalled;
}

const wrap = (id: number[]): PasskeyWrap => ({
  credentialId: Uint8Array.from(id),
  salt: new Uint8Array(32),
  iv: new Uint8Array(12),
  ct: new Uint8Array(48),
  createdAt: '2026-12-02T10:00:00Z',
});

describe('passkeys and the browser', () => {
  it('offers adding one only where the browser says it has PRF', async () => {
    browserWith(undefined);
    expect(await passkeyEnrolSupported()).toBe(false);
    // One enrolled before may still unlock: only a clear "no PRF" hides that.
    expect(await passkeyUnlockSupported()).toBe(true);
    browserWith({ 'extension:prf': false });
    expect(await passkeyEnrolSupported()).toBe(false);
    expect(await passkeyUnlockSupported()).toBe(false);
    browserWith({ 'extension:prf': true });
    expect(await passkeyEnrolSupported()).toBe(true);
  });

  it('tells the password manager which passkeys unlock nothing any more, on removal and on turning off', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    await continueMigration(db);
    const signalled = browserWith({ 'extension:prf': true });
    await db.keyring.update('lock', { passkeys: [wrap([251, 255, 0]), wrap([1, 2, 3])] });
    await removePasskeys(db);
    expect((await db.keyring.get('lock'))?.passkeys).toEqual([]);
    expect(signalled).toEqual([
      { rpId: 'adviseur.example', credentialId: '-_8A' },
      { rpId: 'adviseur.example', credentialId: 'AQID' },
    ]);

    signalled.length = 0;
    await db.keyring.update('lock', { passkeys: [wrap([9, 9, 9])] });
    expect(await turnOffLock(db, 'fout')).toMatchObject({ ok: false });
    expect(signalled).toEqual([]);
    expect(await turnOffLock(db, PASSPHRASE)).toEqual({ ok: true });
    expect(signalled).toEqual([{ rpId: 'adviseur.example', credentialId: 'CQkJ' }]);
  });
});
