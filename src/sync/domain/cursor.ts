/**
 * The cursor of the team's change feed: the `seq` of the last change applied, as a
 * decimal string. Opaque (docs/sync-protocol.md): only checked and compared for equality.
 */

export const INITIAL_CURSOR = '0';

const CURSOR = /^(0|[1-9][0-9]{0,19})$/;

export function isCursor(value: unknown): value is string {
  return typeof value === 'string' && CURSOR.test(value);
}

/** The cursor to store after applying a response: the server's, if it is one; never a malformed value. */
export function cursorAfter(received: unknown): string {
  if (!isCursor(received)) throw new Error(`Malformed cursor from the server: ${String(received).slice(0, 30)}`);
  return received;
}

const CHECK = /^[0-9A-Za-z][0-9A-Za-z._:-]{0,99}$/;

/** The cursor check to store beside it: the server's, if it is one (an older server sends none). */
export function cursorCheckAfter(received: unknown): string | undefined {
  if (received === undefined) return undefined;
  if (typeof received !== 'string' || !CHECK.test(received))
    throw new Error(`Malformed cursor check from the server: ${String(received).slice(0, 30)}`);
  return received;
}

/** The query of a pull or stream: the cursor, and its check when there is one. */
export function cursorQuery(cursor: string, check: string | undefined): string {
  const after = `after=${encodeURIComponent(cursor)}`;
  return check === undefined || cursor === INITIAL_CURSOR ? after : `${after}&check=${encodeURIComponent(check)}`;
}

/** Whether a response moved the feed on (then the cursor must be stored). */
export function cursorMoved(stored: string, next: string): boolean {
  return stored !== next;
}
