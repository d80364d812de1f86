import { base64ToBytes, bytesToBase64 } from './base64.ts';

/**
 * The encrypted envelope around an exchange file: PBKDF2-SHA-256 turns the passphrase
 * into an AES-GCM-256 key. The header (everything but the ciphertext) is the AES-GCM
 * additional data, so a changed parameter fails decryption like a changed byte does.
 * Runs WebCrypto only: never call this inside a Dexie transaction (the transaction
 * would commit while the crypto promise is pending).
 */

export const ENVELOPE_FORMAT = 'handelingskader-versleuteld';
export const ENVELOPE_VERSION = 1;
/** OWASP's 2023 advice for PBKDF2-HMAC-SHA-256. */
export const MIN_ITERATIONS = 600_000;
/** More would let a file keep a phone busy for minutes: refused as hostile. */
export const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_LENGTH = 128;

export interface EncryptedEnvelope {
  format: typeof ENVELOPE_FORMAT;
  version: typeof ENVELOPE_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string; tagLength: 128 };
  ciphertext: string;
}

export type DecryptResult =
  | { ok: true; plaintext: string }
  | { ok: false; reason: 'wrong-passphrase' | 'unsafe-parameters' | 'invalid-envelope'; detail: string };

export function isEnvelopeLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === ENVELOPE_FORMAT;
}

export async function encryptText(
  plaintext: string,
  passphrase: string,
  options: { iterations?: number } = {},
): Promise<EncryptedEnvelope> {
  const iterations = options.iterations ?? MIN_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv), tagLength: TAG_LENGTH },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, tagLength: TAG_LENGTH, additionalData: headerBytes(header) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { ...header, ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

export async function decryptEnvelope(value: unknown, passphrase: string): Promise<DecryptResult> {
  const envelope = checkEnvelope(value);
  if (typeof envelope === 'string') return { ok: false, reason: 'invalid-envelope', detail: envelope };
  const { iterations } = envelope.kdf;
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    return { ok: false, reason: 'unsafe-parameters', detail: `iterations ${iterations}` };
  }
  const salt = base64ToBytes(envelope.kdf.salt);
  const iv = base64ToBytes(envelope.cipher.iv);
  const ciphertext = base64ToBytes(envelope.ciphertext);
  if (!salt || salt.length !== SALT_BYTES || !iv || iv.length !== IV_BYTES || !ciphertext) {
    return {
      ok: false,
      reason: 'invalid-envelope',
      detail: 'salt, iv or ciphertext is not valid base64 of the right length',
    };
  }
  try {
    const key = await deriveKey(passphrase, salt, iterations, 'decrypt');
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, tagLength: TAG_LENGTH, additionalData: headerBytes(envelope) },
      key,
      ciphertext,
    );
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(plaintext) };
  } catch (error) {
    // AES-GCM cannot tell a wrong key from a changed byte: both fail the tag check.
    return { ok: false, reason: 'wrong-passphrase', detail: String(error) };
  }
}

/** The additional data: the header fields in a fixed order, so any change to them is detected. */
function headerBytes(envelope: Omit<EncryptedEnvelope, 'ciphertext'>): Uint8Array<ArrayBuffer> {
  const { format, version, kdf, cipher } = envelope;
  return new TextEncoder().encode(
    JSON.stringify([
      format,
      version,
      kdf.name,
      kdf.hash,
      kdf.iterations,
      kdf.salt,
      cipher.name,
      cipher.iv,
      cipher.tagLength,
    ]),
  );
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: KeyUsage,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** The envelope's exact shape, or what is wrong with it (for developers). */
function checkEnvelope(value: unknown): EncryptedEnvelope | string {
  if (!isRecord(value)) return 'not an object';
  const { format, version, kdf, cipher, ciphertext } = value;
  if (format !== ENVELOPE_FORMAT) return 'foreign format';
  if (version !== ENVELOPE_VERSION) return `version ${String(version)}`;
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return 'unsupported kdf';
  if (!Number.isSafeInteger(kdf.iterations) || typeof kdf.salt !== 'string') return 'kdf parameters';
  if (!isRecord(cipher) || cipher.name !== 'AES-GCM' || cipher.tagLength !== TAG_LENGTH) return 'unsupported cipher';
  if (typeof cipher.iv !== 'string' || typeof ciphertext !== 'string') return 'cipher parameters';
  return {
    format,
    version,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations as number, salt: kdf.salt },
    cipher: { name: 'AES-GCM', iv: cipher.iv, tagLength: TAG_LENGTH },
    ciphertext,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
