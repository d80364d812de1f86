import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import type { AppDatabase } from '../../../src/db/database.ts';
import type { PasskeyWrap } from '../../../src/db/rows.ts';
import { getActorName, setActorName } from '../../../src/db/settings.ts';
import { UnwrapFailedError, unwrapDataKey } from '../../../src/lock/key-wrap.ts';
import { lockNow, PASSKEY_FAILED_MESSAGE, setUpLock, unlockWithPasskey } from '../../../src/lock/lock-service.ts';
import { continueMigration } from '../../../src/lock/migrate.ts';
import { unwrapWithPrfOutput } from '../../../src/lock/passkey.ts';
import { openPasskeyWrap, wrapForPasskey } from '../../../src/lock/passkey-wrap.ts';
import { freshDatabase } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  dataKey.configure(false);
});

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));
const flipped = (bytes: Uint8Array, at = 0) => bytes.map((byte, i) => (i === at ? byte ^ 1 : byte));

/**
 * A wrap exactly as the version before the credential binding wrote it (no `v`, a fixed
 * label as additional data), made here with WebCrypto and not with the app's code, so the
 * test holds the app to the format that phones already store.
 */
async function firstFormatWrap(key: Uint8Array, prfOutput: Uint8Array, credentialId: Uint8Array): Promise<PasskeyWrap> {
  const salt = random(32);
  const iv = random(12);
  const material = await crypto.subtle.importKey('raw', prfOutput as BufferSource, 'HKDF', false, ['deriveKey']);
  const aes = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode('handelingskader passkey wrap v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const additionalData = new TextEncoder().encode('handelingskader data key passkey v1');
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, aes, key as BufferSource),
  );
  return { credentialId, salt, iv, ct, createdAt: '2026-11-20T09:00:00.000Z' };
}

/** A locked database with a sealed setting, and its data key (from the passphrase, as a test may). */
async function lockedDatabase(): Promise<{ db: AppDatabase; key: Uint8Array }> {
  const db = freshDatabase();
  await setUpLock(db, PASSPHRASE, FAST);
  await continueMigration(db);
  await setActorName('Adviseur Passkey', db);
  const row = await db.keyring.get('lock');
  const key = await unwrapDataKey(row!.passphrase, PASSPHRASE);
  lockNow();
  return { db, key };
}

/**
 * The browser's side of an unlock, as far as the app looks at it: the adviser picks the
 * given credential and the authenticator gives its PRF output (Chromium's virtual
 * authenticator does this for real in tests/e2e/lock-passkey.test.ts).
 */
function browserAnswering(credentialId: Uint8Array, prfOutput: Uint8Array) {
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('location', { hostname: 'adviseur.example' });
  vi.stubGlobal('navigator', {
    credentials: {
      get: async () => ({
        rawId: credentialId.slice().buffer,
        getClientExtensionResults: () => ({ prf: { results: { first: prfOutput.slice().buffer } } }),
      }),
    },
  });
}

describe('the passkey wrap format', () => {
  it('opens a bound wrap only with the credential and the lock it was made for', async () => {
    const key = random(32);
    const prf = random(32);
    const prfInput = random(32);
    const credential = random(16);
    const wrap = await wrapForPasskey(key, prf, credential, prfInput);
    expect(wrap.v).toBe(2);
    expect(await openPasskeyWrap(wrap, prf, prfInput)).toEqual({ dataKey: key });

    const refused = async (changed: PasskeyWrap, output = prf, input = prfInput) =>
      expect(openPasskeyWrap(changed, output, input)).rejects.toBeInstanceOf(UnwrapFailedError);
    // Moved to another credential's entry: refused even with the same PRF output.
    await refused({ ...wrap, credentialId: random(16) });
    await refused({ ...wrap, credentialId: credential.slice(0, 15) });
    // Another lock's keyring (another PRF input), another authenticator's output.
    await refused(wrap, prf, random(32));
    await refused(wrap, random(32));
    // Relabelled as the older format (a downgrade), or as a format that does not exist.
    await refused({ ...wrap, v: undefined });
    await refused({ ...wrap, v: 3 });
    for (const field of ['ct', 'iv', 'salt'] as const) await refused({ ...wrap, [field]: flipped(wrap[field], 5) });

    // The older format had no such binding: the same move went unnoticed.
    const old = await firstFormatWrap(key, prf, credential);
    expect((await openPasskeyWrap({ ...old, credentialId: random(16) }, prf, prfInput)).dataKey).toEqual(key);
  });

  it('opens a wrap in the older format, and rewrites it bound at that unlock', async () => {
    const { db, key } = await lockedDatabase();
    const prfInput = random(32);
    const [first, second] = [random(16), random(16)];
    const [firstPrf, secondPrf] = [random(32), random(32)];
    const olds = [await firstFormatWrap(key, firstPrf, first), await firstFormatWrap(key, secondPrf, second)];
    await db.keyring.update('lock', { prfInput, passkeys: olds });

    browserAnswering(first, firstPrf);
    expect(await unlockWithPasskey(db)).toEqual({ ok: true });
    expect(await getActorName(db)).toBe('Adviseur Passkey');
    const [upgraded, untouched] = (await db.keyring.get('lock'))!.passkeys!;
    expect(upgraded).toMatchObject({ v: 2, credentialId: first, salt: olds[0]!.salt, createdAt: olds[0]!.createdAt });
    expect(upgraded!.ct).not.toEqual(olds[0]!.ct);
    expect(untouched).toEqual(olds[1]);

    // The rewritten wrap opens again, with nothing more to rewrite, and only for its own credential.
    const stored = await rawRows(db, 'keyring');
    expect(await unwrapWithPrfOutput(db, first, firstPrf)).toEqual(key);
    expect(await rawRows(db, 'keyring')).toEqual(stored);
    await db.keyring.update('lock', { passkeys: [upgraded!, { ...upgraded!, credentialId: second }] });
    await expect(unwrapWithPrfOutput(db, second, firstPrf)).rejects.toBeInstanceOf(UnwrapFailedError);

    // The other passkey, still in the older format, is rewritten at its own next unlock.
    await db.keyring.update('lock', { passkeys: [upgraded!, untouched!] });
    lockNow();
    browserAnswering(second, secondPrf);
    expect(await unlockWithPasskey(db)).toEqual({ ok: true });
    expect((await db.keyring.get('lock'))!.passkeys!.map((wrap) => wrap.v)).toEqual([2, 2]);
  });

  it('refuses a tampered or foreign wrap with the Dutch message, stays locked and changes nothing', async () => {
    const { db, key } = await lockedDatabase();
    const prfInput = random(32);
    const credential = random(16);
    const prf = random(32);
    const old = await firstFormatWrap(key, prf, credential);
    const bound = await wrapForPasskey(key, prf, credential, prfInput);
    for (const passkeys of [
      [{ ...old, ct: flipped(old.ct, 40) }],
      [{ ...bound, iv: flipped(bound.iv) }],
      [{ ...bound, v: 7 }],
      [
        { ...old, credentialId: random(16) },
        { ...bound, credentialId: random(16) },
      ],
    ]) {
      await db.keyring.update('lock', { prfInput, passkeys });
      const before = await rawRows(db, 'keyring');
      browserAnswering(passkeys.at(-1)!.credentialId, prf);
      const result = await unlockWithPasskey(db);
      expect(result).toEqual({ ok: false, message: PASSKEY_FAILED_MESSAGE });
      expect(dataKey.status()).toBe('locked');
      expect(await rawRows(db, 'keyring')).toEqual(before);
    }
    // The right PRF output at another PRF input (another lock's keyring): refused too.
    await db.keyring.update('lock', { prfInput: random(32), passkeys: [bound] });
    browserAnswering(credential, prf);
    expect(await unlockWithPasskey(db)).toEqual({ ok: false, message: PASSKEY_FAILED_MESSAGE });
    await db.keyring.update('lock', { prfInput, passkeys: [bound] });
    expect(await unlockWithPasskey(db)).toEqual({ ok: true });
  });
});
