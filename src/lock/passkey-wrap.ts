import type { PasskeyWrap } from '../db/rows.ts';
import { UnwrapFailedError } from './key-wrap.ts';

/**
 * The stored form of the data key wrapped under one passkey (`keyring.passkeys`). The
 * PRF output (32 bytes the authenticator gives only after verifying the adviser) goes
 * through HKDF-SHA-256 with a salt per passkey to an AES-256-GCM key; that key encrypts
 * the 32-byte data key.
 *
 * Two formats, told apart by the explicit `v` field:
 * - absent (version 1, every passkey enrolled before this field existed): the GCM
 *   additional data is only a fixed label.
 * - 2: the additional data also holds the credential id and this lock's PRF input
 *   (random per set-up of the lock, so per installation), length-prefixed. A wrap copied
 *   to another credential's entry, or into another lock's keyring, no longer opens, even
 *   where an authenticator gave two credentials the same PRF output.
 * An explicit version rather than trying both: the reader knows which additional data to
 * use, an unknown version is refused instead of guessed at, and because the label itself
 * names the version, a version-2 wrap relabelled as version 1 does not open (no
 * downgrade). The binding sits in the additional data, not in HKDF's info, so both
 * versions share one wrapping key and a version-1 wrap is rewritten as version 2 with
 * the key the unlock already derived (openPasskeyWrap's `upgraded`).
 */

export const PASSKEY_WRAP_VERSION = 2;

const encoder = new TextEncoder();
const INFO = encoder.encode('handelingskader passkey wrap v1');
const LABEL_V1 = encoder.encode('handelingskader data key passkey v1');
const LABEL_V2 = encoder.encode('handelingskader data key passkey v2');

function additionalData(version: number, credentialId: Uint8Array, prfInput: Uint8Array): Uint8Array {
  if (version === 1) return LABEL_V1;
  const parts = [LABEL_V2, lengthOf(credentialId), credentialId, lengthOf(prfInput), prfInput];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function lengthOf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, bytes.length);
  return out;
}

async function wrappingKey(prfOutput: BufferSource, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

async function sealWith(
  key: CryptoKey,
  dataKey: Uint8Array,
  fields: { credentialId: Uint8Array; salt: Uint8Array; createdAt: string },
  prfInput: Uint8Array,
): Promise<PasskeyWrap> {
  const iv = random(12);
  const additional = additionalData(PASSKEY_WRAP_VERSION, fields.credentialId, prfInput);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additional as BufferSource },
      key,
      dataKey as BufferSource,
    ),
  );
  return { v: PASSKEY_WRAP_VERSION, ...fields, iv, ct };
}

/** The data key wrapped for a newly enrolled passkey, always in the current format. */
export async function wrapForPasskey(
  dataKey: Uint8Array,
  prfOutput: BufferSource,
  credentialId: Uint8Array,
  prfInput: Uint8Array,
): Promise<PasskeyWrap> {
  const salt = random(32);
  const key = await wrappingKey(prfOutput, salt);
  return sealWith(key, dataKey, { credentialId, salt, createdAt: new Date().toISOString() }, prfInput);
}

/**
 * The data key from a stored wrap, with the PRF output of the credential the browser
 * verified; `upgraded` is the same key in the current format when the wrap was older.
 * Anything that does not open (other credential, other lock, changed byte, unknown
 * version) throws UnwrapFailedError and says no more.
 */
export async function openPasskeyWrap(
  wrap: PasskeyWrap,
  prfOutput: BufferSource,
  prfInput: Uint8Array,
): Promise<{ dataKey: Uint8Array; upgraded?: PasskeyWrap }> {
  const version = wrap.v ?? 1;
  if (version !== 1 && version !== PASSKEY_WRAP_VERSION) throw new UnwrapFailedError('Unknown passkey wrap format');
  let dataKey: Uint8Array;
  let key: CryptoKey;
  try {
    key = await wrappingKey(prfOutput, wrap.salt);
    const additional = additionalData(version, wrap.credentialId, prfInput);
    dataKey = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: wrap.iv as BufferSource, additionalData: additional as BufferSource },
        key,
        wrap.ct as BufferSource,
      ),
    );
  } catch (error) {
    throw new UnwrapFailedError('Does not unwrap', { cause: error });
  }
  if (dataKey.length !== 32) {
    dataKey.fill(0);
    throw new UnwrapFailedError('Not a data key');
  }
  if (version === PASSKEY_WRAP_VERSION) return { dataKey };
  const { credentialId, salt, createdAt } = wrap;
  return { dataKey, upgraded: await sealWith(key, dataKey, { credentialId, salt, createdAt }, prfInput) };
}
