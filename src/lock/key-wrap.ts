import type { WrappedKey } from '../db/rows.ts';

/**
 * Wrapping of the data key with the adviser's passphrase, in WebCrypto (async, so
 * never inside a Dexie transaction): PBKDF2-SHA-256 turns the passphrase into an
 * AES-256-GCM key that encrypts the 32 random bytes of the data key. The data key
 * itself is only ever stored wrapped; unwrapped it lives in db/data-key.ts.
 */

/** OWASP's advice for PBKDF2-HMAC-SHA-256 (2023); the stored record says what was used. */
export const PASSPHRASE_ITERATIONS = 600_000;
/** Refuses a stored record that would keep the phone busy for minutes (or was tampered with). */
const MAX_ITERATIONS = 10_000_000;
const AAD = new TextEncoder().encode('handelingskader data key v1');

/** Neither a wrong passphrase nor a changed stored key says which it was. */
export class UnwrapFailedError extends Error {
  override readonly name = 'UnwrapFailedError';
}

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

export async function wrapDataKey(
  dataKey: Uint8Array,
  passphrase: string,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(passphrase, salt, iterations);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, dataKey as BufferSource),
  );
  return { kdf: 'PBKDF2-SHA-256', iterations, salt, iv, ct };
}

export async function unwrapDataKey(wrapped: WrappedKey, passphrase: string): Promise<Uint8Array> {
  const { kdf, iterations, salt, iv, ct } = wrapped;
  if (kdf !== 'PBKDF2-SHA-256' || !Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new UnwrapFailedError('Unusable key parameters');
  }
  try {
    const key = await wrappingKey(passphrase, salt, iterations);
    const raw = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: iv as BufferSource, additionalData: AAD },
        key,
        ct as BufferSource,
      ),
    );
    if (raw.length !== 32) throw new UnwrapFailedError('Not a data key');
    return raw;
  } catch (error) {
    throw error instanceof UnwrapFailedError ? error : new UnwrapFailedError('Does not unwrap', { cause: error });
  }
}
