import pg from 'pg';
import { type Database, isConnectionError, type Queryable } from './database.ts';

const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * node-postgres with a pool for queries and transactions and one dedicated connection for
 * LISTEN. That connection is re-opened after PostgreSQL restarts; the caller is told, so
 * it can re-read what it may have missed.
 */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its server emits 'error' on the pool; without a listener that crashes the process.
  pool.on('error', () => {});
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params) {
      const result = await q.query(sql, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    async exec(sql) {
      await q.query(sql);
    },
  });
  let closed = false;
  const listeners = new Set<() => void>();
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: a server restart mid-transaction would
      // otherwise be an uncaught 'error' event. The failing query rejects all the same.
      const ignore = () => {};
      client.on('error', ignore);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A dead connection goes out of the pool instead of failing the next request.
        if (isConnectionError(error)) broken = error as Error;
        else await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', ignore);
        client.release(broken);
      }
    },
    async listen(channel, onNotify, onReconnect) {
      let client: pg.Client | undefined;
      let stopped = false;
      const connect = async (attempt: number): Promise<void> => {
        if (stopped || closed) return;
        const c = new pg.Client({ connectionString });
        c.on('error', () => {});
        try {
          await c.connect();
          c.on('notification', (n) => {
            if (n.channel === channel) onNotify(n.payload ?? '');
          });
          c.on('end', () => {
            if (client === c) client = undefined;
            if (!stopped && !closed) void connect(0);
          });
          await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          client = c;
          if (attempt > 0 || reconnecting) onReconnect();
          reconnecting = true;
        } catch {
          await c.end().catch(() => {});
          const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
          await new Promise((r) => setTimeout(r, delay));
          return connect(attempt + 1);
        }
      };
      let reconnecting = false;
      await connect(0);
      const stop = async () => {
        stopped = true;
        listeners.delete(stopSync);
        await client?.end().catch(() => {});
      };
      const stopSync = () => void stop();
      listeners.add(stopSync);
      return stop;
    },
    async close() {
      closed = true;
      for (const stop of listeners) stop();
      await pool.end();
    },
  };
}
