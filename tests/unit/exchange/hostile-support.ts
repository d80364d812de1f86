import type { ImportFailureReason } from '../../../src/exchange/import/import-result.ts';
import type { ImportableFile } from '../../../src/exchange/import/read-import.ts';

/** What the hostile-file cases share. */

export const PASSPHRASE = 'lange wachtzin voor de test';
export const textFile = (text: string): ImportableFile => ({ size: text.length, text: async () => text });
/** As a picked File: bytes, so a gzip-compressed file is recognised. */
export const bytesFile = (bytes: Uint8Array<ArrayBuffer>): ImportableFile => ({
  size: bytes.byteLength,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.slice().buffer,
});

export interface HostileSource {
  validText: string;
  encryptedText: string;
  gzipped: Record<'valid' | 'bomb' | 'notJson' | 'pollution', Uint8Array<ArrayBuffer>>;
}

export interface Case {
  name: string;
  file: ImportableFile;
  passphrase?: string;
  /** Refused when reading, or (for files that are valid on their own) by preview and apply. */
  expected?: ImportFailureReason;
}

/** Every path into the first incident's summary and its first events, plus the header. */
export function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 0) out.push(prefix);
  if (typeof value !== 'object' || value === null) return out;
  const entries = Array.isArray(value) ? value.slice(0, 3).map((item, i) => [i, item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (prefix[0] === 'incidents' && typeof key === 'number' && prefix.length === 1 && key > 0) continue;
    paths(child, [...prefix, key], out);
  }
  return out;
}

export function at(
  root: unknown,
  path: (string | number)[],
): { parent: Record<string | number, unknown>; key: string | number } {
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  return { parent, key: path[path.length - 1]! };
}

export function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'veertig';
  if (typeof value === 'boolean') return 'ja';
  if (Array.isArray(value)) return { length: 0 };
  if (value === null) return 'null';
  return 'geen object';
}
