import type { AppDatabase } from '../db/database.ts';
import type { PasskeyWrap } from '../db/rows.ts';
import { toStorageError } from '../db/storage-error.ts';
import { UnwrapFailedError } from './key-wrap.ts';
import { openPasskeyWrap, wrapForPasskey } from './passkey-wrap.ts';
import { checkPassphrase, type PassphraseCheck } from './passphrase-attempts.ts';

/**
 * Unlocking with a passkey (fingerprint, face or the phone's screen lock), through the
 * WebAuthn PRF extension: the authenticator turns a fixed input into 32 secret bytes
 * only after verifying the user; HKDF makes an AES-GCM key of them that wraps the same
 * data key as the passphrase. No server takes part: the relying party is the page's
 * own host, and nothing is sent anywhere. The passphrase always stays, so a lost
 * passkey locks nobody out. The stored wrap and its format versions: passkey-wrap.ts.
 */

export class PasskeyUnavailableError extends Error {
  override readonly name = 'PasskeyUnavailableError';
}

const webAuthn = () => typeof PublicKeyCredential !== 'undefined' && globalThis.isSecureContext === true;

/** Unlocking with a passkey already enrolled: WebAuthn, unless the browser says it has no PRF. */
export async function passkeyUnlockSupported(): Promise<boolean> {
  if (!webAuthn()) return false;
  if (typeof PublicKeyCredential.getClientCapabilities !== 'function') return true;
  try {
    const capabilities = await PublicKeyCredential.getClientCapabilities();
    return capabilities['extension:prf'] !== false;
  } catch {
    return true;
  }
}

/**
 * Adding one: only where the browser says it has PRF. A browser that cannot say would create
 * a credential first and fail after, leaving a useless passkey in the password manager.
 */
export async function passkeyEnrolSupported(): Promise<boolean> {
  if (!webAuthn() || typeof PublicKeyCredential.getClientCapabilities !== 'function') return false;
  try {
    return (await PublicKeyCredential.getClientCapabilities())['extension:prf'] === true;
  } catch {
    return false;
  }
}

type SignalUnknown = (options: { rpId: string; credentialId: string }) => Promise<void>;

/**
 * Tells the password manager these passkeys unlock nothing any more (removed, lock turned
 * off, or useless from the start), where the browser has the Signal API, so the adviser is
 * not left with passkeys that fail. Best effort: nothing stored depends on it.
 */
export function forgetCredentials(credentialIds: Uint8Array[]): void {
  if (typeof PublicKeyCredential === 'undefined') return;
  const signal = (PublicKeyCredential as unknown as { signalUnknownCredential?: SignalUnknown })
    .signalUnknownCredential;
  if (typeof signal !== 'function') return;
  for (const id of credentialIds) {
    signal.call(PublicKeyCredential, { rpId: location.hostname, credentialId: base64url(id) }).catch(() => {});
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

/** The PRF output for the credential just created: at creation where the authenticator gives it, else by an assertion. */
async function prfOfNewCredential(credential: PublicKeyCredential, prfInput: Uint8Array): Promise<ArrayBuffer> {
  const created = credential.getClientExtensionResults().prf;
  const first = created?.results?.first;
  if (first) return first as ArrayBuffer;
  if (created?.enabled !== true) throw new PasskeyUnavailableError('The authenticator has no PRF');
  const { output } = await assertPrf([new Uint8Array(credential.rawId)], prfInput);
  return output;
}

/** Asks the authenticator (with user verification) for the PRF output of one of the given credentials. */
async function assertPrf(
  credentialIds: Uint8Array[],
  prfInput: Uint8Array,
): Promise<{ credentialId: Uint8Array; output: ArrayBuffer }> {
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      rpId: location.hostname,
      allowCredentials: credentialIds.map((id) => ({ type: 'public-key', id: id as BufferSource })),
      userVerification: 'required',
      extensions: { prf: { eval: { first: prfInput as BufferSource } } },
    },
  })) as PublicKeyCredential | null;
  const output = assertion?.getClientExtensionResults().prf?.results?.first;
  if (!assertion || !output) throw new PasskeyUnavailableError('No PRF output');
  return { credentialId: new Uint8Array(assertion.rawId), output: output as ArrayBuffer };
}

export const ENROLLED_ELSEWHERE_MESSAGE =
  'Op een ander tabblad is intussen ook een passkey ingesteld. Deze passkey is niet opgeslagen en er is niets gewijzigd. Probeer het opnieuw.';

/**
 * Adds a passkey that unlocks: the passphrase first (only it can unwrap the data key
 * here, the key in memory is derived from it), then the browser's passkey dialog.
 * A wrong passphrase is refused and counted as on the lock screen (the same wait after
 * ten). An enrolment that lost a race with another tab's first one is refused too, with
 * nothing written (the next attempt uses the input that tab stored). Throws
 * PasskeyUnavailableError when the authenticator cannot do PRF, and the browser's
 * NotAllowedError when cancelled.
 */
export async function enrolPasskey(
  db: AppDatabase,
  passphrase: string,
  now = new Date(),
): Promise<Exclude<PassphraseCheck, { ok: true }> | { ok: true }> {
  const row = await db.keyring.get('lock');
  if (!row) throw new Error('No lock is set up');
  const checked = await checkPassphrase(db, row, passphrase, 'De wachtzin klopt niet. Er is niets gewijzigd.', now);
  if (!checked.ok) return checked;
  const raw = checked.raw;
  try {
    const prfInput = row.prfInput ?? random(32);
    const credential = (await navigator.credentials.create({
      publicKey: {
        rp: { name: 'Handelingskader Explosies', id: location.hostname },
        user: { id: random(16), name: 'adviseur', displayName: 'Adviseur (dit apparaat)' },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
        extensions: { prf: { eval: { first: prfInput as BufferSource } } },
      },
    })) as PublicKeyCredential | null;
    if (!credential) throw new PasskeyUnavailableError('No credential');
    let prf: ArrayBuffer;
    try {
      prf = await prfOfNewCredential(credential, prfInput);
    } catch (error) {
      forgetCredentials([new Uint8Array(credential.rawId)]);
      throw error;
    }
    const wrap = await wrapForPasskey(raw, prf, new Uint8Array(credential.rawId), prfInput);
    let stored = false;
    try {
      await db.transaction('rw', db.keyring, async () => {
        const current = await db.keyring.get('lock');
        if (!current) throw new Error('The lock was turned off meanwhile');
        // Another tab stored its own input first: replacing it would leave that tab's passkey
        // unopenable for good, and this wrap opens at no input but its own.
        if (current.prfInput && !sameBytes(current.prfInput, prfInput)) return;
        await db.keyring.put({ ...current, prfInput, passkeys: [...(current.passkeys ?? []), wrap] });
        stored = true;
      });
    } catch (error) {
      throw toStorageError(error);
    }
    if (!stored) {
      forgetCredentials([new Uint8Array(credential.rawId)]);
      return { ok: false, message: ENROLLED_ELSEWHERE_MESSAGE };
    }
    return { ok: true };
  } finally {
    raw.fill(0);
  }
}

/** The data key, unwrapped with one of the enrolled passkeys (the browser asks which and verifies the user). */
export async function unwrapWithPasskey(db: AppDatabase): Promise<Uint8Array> {
  const row = await db.keyring.get('lock');
  const passkeys = row?.passkeys ?? [];
  if (!row?.prfInput || passkeys.length === 0) throw new PasskeyUnavailableError('No passkey enrolled');
  const { credentialId, output } = await assertPrf(
    passkeys.map((passkey) => passkey.credentialId),
    row.prfInput,
  );
  return unwrapWithPrfOutput(db, credentialId, output);
}

/**
 * The data key from the wrap of the credential the browser verified, given its PRF output.
 * A wrap in the older format (no credential id bound in) still opens and is rewritten in
 * the current one here; should that write fail, the old wrap stays and the next unlock
 * tries again. Nothing is written when the wrap does not open.
 */
export async function unwrapWithPrfOutput(
  db: AppDatabase,
  credentialId: Uint8Array,
  prfOutput: BufferSource,
): Promise<Uint8Array> {
  const row = await db.keyring.get('lock');
  const wrap = row?.passkeys?.find((passkey) => sameBytes(passkey.credentialId, credentialId));
  if (!row?.prfInput || !wrap) throw new UnwrapFailedError('Unknown passkey');
  const { dataKey, upgraded } = await openPasskeyWrap(wrap, prfOutput, row.prfInput);
  if (upgraded) await storeUpgrade(db, wrap, upgraded);
  return dataKey;
}

async function storeUpgrade(db: AppDatabase, old: PasskeyWrap, upgraded: PasskeyWrap): Promise<void> {
  try {
    await db.transaction('rw', db.keyring, async () => {
      const current = await db.keyring.get('lock');
      // Only the very wrap that was opened: removed or replaced meanwhile, it stays as it is now.
      const passkeys = current?.passkeys?.map((passkey) => (sameBytes(passkey.ct, old.ct) ? upgraded : passkey));
      if (!passkeys?.includes(upgraded)) return;
      await db.keyring.update('lock', { passkeys });
    });
  } catch {
    // The unlock itself worked; the old format keeps opening until a write succeeds.
  }
}

export async function removePasskeys(db: AppDatabase): Promise<void> {
  let removed: PasskeyWrap[] = [];
  try {
    await db.transaction('rw', db.keyring, async () => {
      removed = (await db.keyring.get('lock'))?.passkeys ?? [];
      await db.keyring.update('lock', { passkeys: [] });
    });
  } catch (error) {
    throw toStorageError(error);
  }
  forgetCredentials(removed.map((passkey) => passkey.credentialId));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
