/**
 * Drops keys whose value is undefined. IndexedDB keeps such keys and JSON drops them,
 * so leaving them out keeps a stored row deep-equal to a freshly derived one.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) {
    if (copy[key] === undefined) delete copy[key];
  }
  return copy;
}
