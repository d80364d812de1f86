import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataKey } from '../../../src/db/data-key.ts';
import { unwrapDataKey } from '../../../src/lock/key-wrap.ts';
import { setUpLock } from '../../../src/lock/lock-service.ts';
import { continueMigration } from '../../../src/lock/migrate.ts';
import { ENROLLED_ELSEWHERE_MESSAGE, enrolPasskey, unwrapWithPrfOutput } from '../../../src/lock/passkey.ts';
import { freshDatabase } from '../incidents/helpers.ts';
import { FAST, PASSPHRASE, rawRows } from './lock-support.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  dataKey.configure(false);
});

/** A stand-in for the authenticator's PRF: fixed per credential and input, different for any other input. */
async function prfOf(credentialId: Uint8Array, input: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([...credentialId, ...input])));
}

interface PendingCreation {
  credentialId: Uint8Array;
  prfInput: Uint8Array;
  /** The adviser finishes the browser's passkey dialog. */
  finish(): void;
}

/**
 * The browser's side of enrolling, as far as the app looks at it: each passkey dialog stays
 * open until the test finishes it, so two tabs' enrolments can be interleaved; the new
 * credential gives its PRF output at creation (Chromium's virtual authenticator does this
 * for real in tests/e2e/lock-passkey.test.ts). Records what the password manager is told.
 */
function browserWithDialogs() {
  const pending: PendingCreation[] = [];
  const forgotten: string[] = [];
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('location', { hostname: 'adviseur.example' });
  vi.stubGlobal('PublicKeyCredential', {
    signalUnknownCredential: async ({ credentialId }: { credentialId: string }) => {
      forgotten.push(credentialId);
    },
  });
  vi.stubGlobal('navigator', {
    credentials: {
      create: (options: CredentialCreationOptions) =>
        new Promise((resolve) => {
          const prfInput = new Uint8Array(
            options.publicKey!.extensions!.prf!.eval!.first as Uint8Array<ArrayBuffer>,
          ).slice();
          const credentialId = crypto.getRandomValues(new Uint8Array(16));
          pending.push({
            credentialId,
            prfInput,
            finish: async () => {
              const output = await prfOf(credentialId, prfInput);
              resolve({
                rawId: credentialId.slice().buffer,
                getClientExtensionResults: () => ({ prf: { enabled: true, results: { first: output.buffer } } }),
              });
            },
          });
        }),
    },
  });
  const opened = async (count: number) => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(count));
    return pending[count - 1]!;
  };
  return { opened, forgotten };
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('enrolling a passkey in two tabs at once', () => {
  it('keeps the first one that is stored, refuses the other with nothing written, and the retry works', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    await continueMigration(db);
    const key = await unwrapDataKey((await db.keyring.get('lock'))!.passphrase, PASSPHRASE);
    expect((await db.keyring.get('lock'))!.prfInput).toBeUndefined();
    const browser = browserWithDialogs();

    // Both tabs read a keyring without an input and open their dialog, each with its own input.
    const first = enrolPasskey(db, PASSPHRASE);
    const firstDialog = await browser.opened(1);
    const second = enrolPasskey(db, PASSPHRASE);
    const secondDialog = await browser.opened(2);
    expect(secondDialog.prfInput).not.toEqual(firstDialog.prfInput);

    firstDialog.finish();
    expect(await first).toEqual({ ok: true });
    const afterFirst = await rawRows(db, 'keyring');
    secondDialog.finish();
    expect(await second).toEqual({ ok: false, message: ENROLLED_ELSEWHERE_MESSAGE });
    expect(await rawRows(db, 'keyring')).toEqual(afterFirst);
    // The refused passkey unlocks nothing: the password manager is told so.
    expect(browser.forgotten).toEqual([base64url(secondDialog.credentialId)]);

    // The first tab's passkey still opens, at the input it was made with.
    const row = (await db.keyring.get('lock'))!;
    expect(row.prfInput).toEqual(firstDialog.prfInput);
    expect(row.passkeys?.map((wrap) => wrap.credentialId)).toEqual([firstDialog.credentialId]);
    expect(
      await unwrapWithPrfOutput(db, firstDialog.credentialId, await prfOf(firstDialog.credentialId, row.prfInput!)),
    ).toEqual(key);

    // Trying again uses the stored input, is stored, and both passkeys open.
    const retry = enrolPasskey(db, PASSPHRASE);
    const retryDialog = await browser.opened(3);
    expect(retryDialog.prfInput).toEqual(firstDialog.prfInput);
    retryDialog.finish();
    expect(await retry).toEqual({ ok: true });
    const final = (await db.keyring.get('lock'))!;
    expect(final.passkeys?.map((wrap) => wrap.credentialId)).toEqual([
      firstDialog.credentialId,
      retryDialog.credentialId,
    ]);
    for (const { credentialId } of [firstDialog, retryDialog]) {
      expect(await unwrapWithPrfOutput(db, credentialId, await prfOf(credentialId, final.prfInput!))).toEqual(key);
    }
    expect(browser.forgotten).toHaveLength(1);
  });

  it('stores both when the second tab had read the input the first one stored', async () => {
    const db = freshDatabase();
    await setUpLock(db, PASSPHRASE, FAST);
    await continueMigration(db);
    const key = await unwrapDataKey((await db.keyring.get('lock'))!.passphrase, PASSPHRASE);
    const browser = browserWithDialogs();
    const first = enrolPasskey(db, PASSPHRASE);
    const firstDialog = await browser.opened(1);
    firstDialog.finish();
    expect(await first).toEqual({ ok: true });

    const [a, b] = [enrolPasskey(db, PASSPHRASE), enrolPasskey(db, PASSPHRASE)];
    const dialogA = await browser.opened(2);
    const dialogB = await browser.opened(3);
    expect(dialogA.prfInput).toEqual(firstDialog.prfInput);
    expect(dialogB.prfInput).toEqual(firstDialog.prfInput);
    dialogB.finish();
    dialogA.finish();
    expect(await Promise.all([a, b])).toEqual([{ ok: true }, { ok: true }]);
    const row = (await db.keyring.get('lock'))!;
    expect(row.passkeys).toHaveLength(3);
    for (const { credentialId } of [firstDialog, dialogA, dialogB]) {
      expect(await unwrapWithPrfOutput(db, credentialId, await prfOf(credentialId, row.prfInput!))).toEqual(key);
    }
    expect(browser.forgotten).toEqual([]);
  });
});
