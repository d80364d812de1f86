/**
 * Drops keys whose value is undefined. IndexedDB keeps such keys and JSON drops them,
 * so leaving them out keeps a stored row deep-equal to a freshly derived one.
 * Builds a new object instead of deleting keys from a copy: `delete` turns a V8
 * object into a slow dictionary, and folds make this call for every event.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    // An own key "__proto__" (from a parsed file) must stay a key, not become the copy's prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy as T;
}
