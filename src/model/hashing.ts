import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a text, as lowercase hex. Synchronous on purpose: WebCrypto's digest is
 * async, and awaiting a non-Dexie promise inside a Dexie transaction or upgrade lets
 * IndexedDB commit the transaction early, so a list row's address key must be
 * computable synchronously. @noble/hashes is audited and also gives the HMAC and HKDF
 * that encryption at rest needs.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
