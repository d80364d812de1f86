/**
 * JSON.parse itself never touches Object.prototype, but a parsed `__proto__` key is a
 * trap for any later spread or merge. The reviver drops such keys and reports that it
 * saw them: no file this app writes has them, so the caller refuses the file.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeParseResult = { ok: true; value: unknown } | { ok: false; hostile: boolean; detail: string };

/** A key that could be a forbidden one: spelled out, or hidden behind a \u escape. */
const SUSPECT = /"(?:__proto__|constructor|prototype)"\s*:|\\u/;

export function parseJsonSafely(text: string): SafeParseResult {
  // Fast path: a reviver makes JSON.parse several times slower on large files, and
  // without any suspect key or escape in the text no forbidden key can come out.
  if (!SUSPECT.test(text)) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, hostile: false, detail: String(error).slice(0, 300) };
    }
  }
  let hostileKey: string | undefined;
  try {
    const value: unknown = JSON.parse(text, function reviver(this: unknown, key: string, child: unknown) {
      if (FORBIDDEN_KEYS.has(key)) {
        hostileKey ??= key;
        return undefined;
      }
      return child;
    });
    if (hostileKey !== undefined) return { ok: false, hostile: true, detail: `forbidden key "${hostileKey}"` };
    return { ok: true, value };
  } catch (error) {
    // SyntaxError for cut-off or non-JSON text; RangeError for absurd nesting.
    return { ok: false, hostile: false, detail: String(error).slice(0, 300) };
  }
}
