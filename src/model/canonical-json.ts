/**
 * JSON with keys sorted at every level: two events are the same when these strings
 * are. The one rule for "same id, same content", on the phone and on the server.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, child: unknown) => {
    if (typeof child !== 'object' || child === null || Array.isArray(child)) return child;
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(child).sort()) sorted[key] = (child as Record<string, unknown>)[key];
    return sorted;
  });
}
