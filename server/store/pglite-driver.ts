import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * PGlite runs PostgreSQL in this process on one connection; it queues queries and gives a
 * transaction the connection exclusively, so there is nothing to pool. LISTEN/NOTIFY works
 * within the process, which is all an embedded database can serve anyway.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query(sql, params) {
      const result = await q.query(sql, params ? [...params] : undefined);
      return { rows: result.rows as never[] };
    },
    async exec(sql) {
      await q.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, onNotify);
      return unlisten;
    },
    // Closing twice is harmless (a restart path and a shutdown hook may both close).
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
