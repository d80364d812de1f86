/**
 * The one database interface the server uses, over two drivers: PGlite (embedded
 * PostgreSQL in a data folder, the default) and node-postgres (a real server, when
 * DATABASE_URL is set). Both speak the same SQL, so every store module and migration is
 * written once and tested against both engines.
 */

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel. `onReconnect` is called after the connection was lost and LISTEN
   * is in place again: notifications sent in between are gone, so the caller re-reads.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL's unique_violation: a constraint caught a race the checks before it could not see. */
export const UNIQUE_VIOLATION = '23505';

export function sqlErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL or the connection to it is away: class 08, shutdown codes, a dropped socket. */
export function isConnectionError(error: unknown): boolean {
  const code = sqlErrorCode(error) ?? '';
  return (
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code) ||
    /Connection terminated|connection is closed|not queryable/i.test(String((error as Error | null)?.message))
  );
}
