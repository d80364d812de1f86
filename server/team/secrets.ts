import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens, invite codes and stream tickets: 32 random bytes, base64url, shown once. The
 * database keeps only the SHA-256, so a copy of the database (a backup, a leak) cannot
 * act as a device. Plain SHA-256 suffices: the secret has 256 bits of entropy, there is
 * nothing to guess that a slow hash would protect.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The shape of a secret this server issues; anything else is refused without a lookup. */
export function looksLikeSecret(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
